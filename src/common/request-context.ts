import { AsyncLocalStorage } from 'async_hooks';

/** Per-request values that deep code needs without threading them through every call (audit rows). */
export interface RequestContext {
  requestId?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;
