import * as authApi from '../api/auth';
import type { AuthApi, Credentials, SetupRequest, User } from '../api/auth';
import { closeRequests, isApiError, openRequests } from '../api/client';
import { SESSION_ENDED, errorMessage } from '../errors';

export type Phase = 'loading' | 'ready' | 'error';

/** The signed-in user and whether the server's single account exists yet. */
export class Session {
  phase = $state<Phase>('loading');
  user = $state.raw<User | null>(null);
  /** true once the account exists (only sign-in is offered); null until known. */
  setupDone = $state<boolean | null>(null);
  /** Creating the account needs the setup code from FitCoach's log (it listens beyond loopback). */
  setupCodeRequired = $state(false);
  /** Why start-up failed, when phase is 'error'. */
  loadError = $state<string | null>(null);
  /** A one-off message for the next screen (e.g. why setup sent you to sign-in). */
  notice = $state<string | null>(null);

  readonly #api: AuthApi;

  constructor(api: AuthApi = authApi) {
    this.#api = api;
  }

  /** GET /me, then /status when signed out. Never throws: failures set phase 'error'. */
  async init(): Promise<void> {
    this.phase = 'loading';
    this.loadError = null;
    try {
      const user = await this.#api.me();
      if (user) {
        openRequests();
        this.user = user;
        this.setupDone = true;
      } else {
        this.user = null;
        const status = await this.#api.getStatus();
        this.setupDone = status.setup;
        this.setupCodeRequired = !status.setup && status.setupCodeRequired === true;
      }
      this.phase = 'ready';
    } catch (e) {
      this.loadError = errorMessage(e);
      this.phase = 'error';
    }
  }

  /**
   * Creates the account and signs in. A 409 (account already exists) is handled
   * here: it switches to sign-in with a notice instead of throwing.
   */
  async setup(credentials: SetupRequest): Promise<void> {
    try {
      this.user = await this.#api.setup(credentials);
      openRequests();
      this.setupDone = true;
      this.setupCodeRequired = false;
      this.notice = null;
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        this.setupDone = true;
        this.setupCodeRequired = false;
        this.notice = 'An account already exists on this server. Sign in with it.';
        return;
      }
      throw e;
    }
  }

  async login(credentials: Credentials): Promise<void> {
    this.user = await this.#api.login(credentials);
    openRequests();
    this.setupDone = true;
    this.notice = null;
  }

  /**
   * Keeps the user when the server cannot be told (the cookie would still work). The screen's requests already sent
   * finish first, and later ones are not sent: after the sign-out each would be a 401, logged by the browser as an
   * error although nobody being signed in is expected.
   */
  async logout(): Promise<void> {
    await closeRequests();
    try {
      await this.#api.logout();
    } catch (e) {
      if (!(isApiError(e) && e.status === 401)) {
        openRequests();
        throw e;
      }
    }
    this.user = null;
    this.setupDone = true;
  }

  /** A signed-in call answered 401: the session expired or was revoked elsewhere. */
  expire(): void {
    if (!this.user) return;
    this.user = null;
    this.setupDone = true;
    this.notice = SESSION_ENDED;
  }

  consumeNotice(): string | null {
    const notice = this.notice;
    this.notice = null;
    return notice;
  }
}

export const session = new Session();
