import { api } from './client';

export interface User {
  id: string | number;
  email: string;
  /** ISO-8601 timestamp. */
  createdAt: string;
}

export interface AuthStatus {
  /** true once the single account exists: only sign-in is offered then. */
  setup: boolean;
  /**
   * true when creating the account needs the one-time setup code FitCoach printed in its log
   * (it listens beyond this computer, so the first visitor might be a neighbour).
   */
  setupCodeRequired?: boolean;
}

export interface Credentials {
  email: string;
  password: string;
}

export function getStatus(): Promise<AuthStatus> {
  return api.get<AuthStatus>('/api/auth/status');
}

export interface SetupRequest extends Credentials {
  /** The code from FitCoach's log, when AuthStatus.setupCodeRequired. */
  setupCode?: string;
  /** The browser's IANA zone for the athlete's profile; the server keeps UTC without one. */
  timeZone?: string;
}

/**
 * 201 on success; 409 (ApiError) if the account already exists; 403 setup_code_required or
 * setup_code_wrong (field setupCode) when the setup code is missing or wrong.
 */
export function setup(credentials: SetupRequest): Promise<User> {
  return api.post<User>('/api/auth/setup', credentials);
}

/** 401 on wrong credentials, 429 when throttled (ApiError.retryAfter). */
export function login(credentials: Credentials): Promise<User> {
  return api.post<User>('/api/auth/login', credentials);
}

export function logout(): Promise<{ ok: boolean }> {
  return api.post<{ ok: boolean }>('/api/auth/logout');
}

/** The signed-in user, or null when nobody is (an expected answer: 200 {user: null}, not a 401). */
export async function me(): Promise<User | null> {
  return (await api.get<{ user: User | null }>('/api/auth/session')).user;
}

export type AuthApi = {
  getStatus: typeof getStatus;
  setup: typeof setup;
  login: typeof login;
  logout: typeof logout;
  me: typeof me;
};
