import type { IncomingMessage, Server, ServerResponse } from 'http';
import { HttpStatus } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Logger as PinoLogger } from 'pino';
import type { AuthUser } from './auth-user';
import { requestContext, assignRequestId } from './request-context';

/**
 * A handler put in front of the Express app, on the HTTP server itself, for the few requests that
 * load the service (a published ranking refreshed by everyone, the answer saves of the deadline
 * night): it skips Express's request setup and router walk and Nest's per-request guard, pipe and
 * interceptor chain, while doing the same checks through the same pieces. It answers false, at once,
 * for a request it does not take; a request it takes it answers itself or hands to Express with
 * `toExpress` (before reading the body, or with `req.body` set, which Express's body parsers skip).
 */
export type EarlyRoute = (req: IncomingMessage, res: ServerResponse, toExpress: () => void) => boolean;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Puts `routes` in front of the Express app, the server's only request listener; the first that takes a request answers it. */
export function mountEarlyRoutes(server: Server, routes: EarlyRoute[]): void {
  const [express, ...others] = server.listeners('request') as Listener[];
  if (!express || others.length) throw new Error('expected the Express app as the only request listener');
  server.removeListener('request', express);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const toExpress = () => express(req, res);
    for (const route of routes) if (route(req, res, toExpress)) return;
    express(req, res);
  });
}

/** The controller method an early route stands in for, and its controller: where its decorators' metadata is. */
export type RouteTarget = Parameters<Reflector['getAllAndOverride']>[1];

/** What a JSON early route shares with the guarded Nest route it stands in front of. */
export interface JsonRouteDeps {
  /** The JWT guard's check of an Authorization header: the caller, or a thrown 401 (guards.ts). */
  authenticate(header: string | undefined): Promise<AuthUser>;
  /** The roles guard's check of a route's @Roles(), read from its handler and controller (guards.ts). */
  authorize(user: AuthUser, handlerAndController: RouteTarget): void;
  /** The API's JSON body parser, with its limit (Express's `json()` middleware). */
  parseJson(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void;
  /** The one exception filter's answer for an error: status, body and extra headers. */
  errorAnswer(exception: unknown, req: { id: string; method?: string; url?: string }): { status: number; body: unknown; headers: string[] };
  /** pino-http's request log line, when requests are logged (not under NODE_ENV=test). */
  requestLog?: PinoLogger;
}

/**
 * An authenticated JSON route answered in front of Express: a request id and its context (as the
 * first middleware gives), the JSON body parser, the JWT and roles guards' checks, then `handle` with
 * the caller and the parsed body (it runs the route's pipes and calls the controller method); its
 * value is sent as JSON with `status`, a thrown error as the exception filter renders it.
 */
export function serveJson(
  deps: JsonRouteDeps,
  req: IncomingMessage & { body?: unknown },
  res: ServerResponse,
  route: { status: HttpStatus; target: RouteTarget },
  handle: (user: AuthUser, body: unknown) => Promise<unknown>,
): void {
  const started = deps.requestLog ? process.hrtime.bigint() : 0n;
  const requestId = assignRequestId(req, res);
  const context = { requestId };
  const fail = (e: unknown) => {
    const answer = deps.errorAnswer(e, { id: requestId, method: req.method, url: req.url });
    sendJson(res, answer.status, answer.body, answer.headers);
    logRequest(deps.requestLog, requestId, req, res, started, e);
  };
  requestContext.run(context, () =>
    deps.parseJson(req, res, (parseError) =>
      // The parser calls back from the request stream's events: the context is entered again.
      requestContext.run(context, () => {
        if (parseError) return fail(parseError);
        deps
          .authenticate(req.headers.authorization)
          .then((user) => {
            deps.authorize(user, route.target);
            return handle(user, req.body);
          })
          .then((value) => {
            sendJson(res, route.status, value);
            logRequest(deps.requestLog, requestId, req, res, started);
          }, fail);
      }),
    ),
  );
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: string[] = []): void {
  if (res.headersSent || res.destroyed) return;
  // A string body leaves in the same write as the head (a Buffer would be a second one, a writev).
  const json = JSON.stringify(value);
  res.writeHead(status, ['Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(Buffer.byteLength(json)), ...headers]);
  res.end(json);
}

/** The line pino-http writes when a request completes (its serializers: id, method, url, address; the status). */
function logRequest(log: PinoLogger | undefined, id: string, req: IncomingMessage, res: ServerResponse, started: bigint, err?: unknown): void {
  if (!log) return;
  const failed = res.statusCode >= 500;
  if (!log.isLevelEnabled(failed ? 'error' : 'info')) return;
  const line = {
    req: { id, method: req.method, url: req.url, remoteAddress: req.socket?.remoteAddress },
    res: { statusCode: res.statusCode },
    responseTime: Number((process.hrtime.bigint() - started) / 1_000_000n),
    ...(failed && err ? { err } : {}),
  };
  if (failed) log.error(line, 'request errored');
  else log.info(line, 'request completed');
}
