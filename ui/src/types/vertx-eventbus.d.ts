declare module '@vertx/eventbus-bridge-client.js' {
  export interface BridgeMessage {
    type: string;
    address: string;
    body?: unknown;
    headers?: Record<string, string>;
  }
  export interface BridgeFailure {
    failureCode?: number;
    failureType?: string;
    message?: string;
  }
  export type BridgeHandler = (error: BridgeFailure | null, message: BridgeMessage) => void;

  /** The official Vert.x SockJS event-bus bridge client (CommonJS, needs sockjs-client). */
  export default class EventBus {
    constructor(url: string, options?: Record<string, unknown>);
    static CONNECTING: 0;
    static OPEN: 1;
    static CLOSING: 2;
    static CLOSED: 3;
    state: number;
    onopen: (() => void) | null;
    onclose: ((event?: unknown) => void) | null;
    onerror: (error: unknown) => void;
    onreconnect: (() => void) | null;
    enableReconnect(enable: boolean): void;
    registerHandler(address: string, headers: Record<string, string>, callback: BridgeHandler): void;
    unregisterHandler(address: string, headers: Record<string, string>, callback: BridgeHandler): void;
    close(): void;
  }
}
