import type { IncomingMessage, ServerResponse } from 'http';
import { json } from 'express';
import { CommonErrorCode } from './error-codes';
import { badRequest } from './errors';

/** The largest request bodies the API reads; bootstrap.ts hands them to the body parsers. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/** A registry CSV, as a text/csv body or as the multipart file of the import. */
export const CSV_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** A size in bytes as the API names limits: whole MB or KB where it is one, else bytes. */
export function formatByteLimit(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * The API's JSON body parser (Express's, with JSON_BODY_LIMIT_BYTES), for Express and for the early
 * routes alike. Unreadable JSON is refused here as INVALID_JSON: left to Nest, body-parser's
 * SyntaxError would become a bare 400 carrying the parser's own message.
 */
export function jsonBodyParser(): Middleware {
  const parse = json({ limit: JSON_BODY_LIMIT_BYTES });
  return function jsonParser(req, res, next) {
    parse(req, res, (err?: unknown) =>
      next((err as { type?: unknown } | undefined)?.type === 'entity.parse.failed' ? badRequest(CommonErrorCode.INVALID_JSON, 'The request body is not valid JSON') : err),
    );
  };
}
