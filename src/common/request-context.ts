import { AsyncLocalStorage } from 'async_hooks';
import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';

/** Per-request values that deep code needs without threading them through every call (audit rows). */
export interface RequestContext {
  requestId?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

/** The caller's X-Request-Id when it is a sane token, else a new UUID; echoed back in the response. */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

/** First middleware of the app: names the request (pino-http reuses `req.id`) and runs the rest inside its context. */
export function requestContextMiddleware(req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void): void {
  requestContext.run({ requestId: assignRequestId(req, res) }, next);
}

/** Whether each request gets a log line (pino-http's autoLogging): not under NODE_ENV=test. */
export const logsRequests = (env: { NODE_ENV: string }): boolean => env.NODE_ENV !== 'test';
