export const MIN_PASSWORD_LENGTH = 10;

export type Field = 'email' | 'password' | 'confirm' | 'setupCode';
export type FieldErrors = Partial<Record<Field, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(email: string): string | undefined {
  const value = email.trim();
  if (value === '') return 'Enter your email address.';
  if (!EMAIL.test(value)) return 'Enter an email address like name@example.com.';
  return undefined;
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** The setup code is checked only when the server asks for one (`setupCode` undefined otherwise). */
export function validateSetup(input: {
  email: string;
  password: string;
  confirm: string;
  setupCode?: string;
}): FieldErrors {
  const errors: FieldErrors = {};
  if (input.setupCode !== undefined && input.setupCode.trim() === '') {
    errors.setupCode = "Enter the setup code from FitCoach's log.";
  }
  const email = validateEmail(input.email);
  if (email) errors.email = email;
  if (input.password === '') {
    errors.password = 'Choose a password.';
  } else if (passwordLength(input.password) < MIN_PASSWORD_LENGTH) {
    errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (input.confirm === '') {
    errors.confirm = 'Type the password again.';
  } else if (input.confirm !== input.password) {
    errors.confirm = 'The passwords do not match.';
  }
  return errors;
}

export function validateLogin(input: { email: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  const email = validateEmail(input.email);
  if (email) errors.email = email;
  if (input.password === '') errors.password = 'Enter your password.';
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
