import { STATUS_CODES } from 'http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject, Logger, Optional } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { driverErrorCode, isDatabaseUnreachable, isLockContention } from '../database/db-errors';
import { formatByteLimit } from './body-limits';
import { CommonErrorCode } from './error-codes';
import { isRedisUnreachable } from './redis-errors';

/** Seconds a client is told to wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: string;
  details?: unknown;
  requestId?: string;
}

/** The code of an exception Nest or a library raised itself (a bare body, no code of ours): by its status. */
const FRAMEWORK_CODES: Partial<Record<number, string>> = {
  400: CommonErrorCode.REQUEST_UNREADABLE,
  401: CommonErrorCode.UNAUTHENTICATED,
  403: CommonErrorCode.FORBIDDEN,
  404: CommonErrorCode.NOT_FOUND,
  413: CommonErrorCode.PAYLOAD_TOO_LARGE,
  429: CommonErrorCode.RATE_LIMITED,
};

/**
 * The one exception filter: every failure leaves as `{statusCode, error, message, code, details?}`.
 * Duplicate keys become 409; a deadlock or lock wait timeout that outlived its retries 503, and so
 * does a database or Redis that is unreachable or does not answer in time (every 503 carries
 * Retry-After); anything unexpected becomes a 500 that hides its internals and is logged with the
 * request id. Our refusals carry their code (src/common/errors.ts); what Nest, multer or the
 * throttler raise themselves gets a common code by status. An HttpException of ours without a code
 * is a bug: under NODE_ENV=test it is rendered as INTERNAL_MISSING_CODE (and logged), so a test sees it.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');
  private readonly strictCodes: boolean;

  constructor(@Optional() @Inject(ENV) env?: Pick<EnvironmentVariables, 'NODE_ENV'>) {
    this.strictCodes = env?.NODE_ENV === 'test';
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<{ id?: string; method?: string; url?: string }>();
    const res = ctx.getResponse<{ status(n: number): { json(b: unknown): void }; setHeader(name: string, value: string): void; headersSent?: boolean }>();
    const { status, body, headers } = this.answerOf(exception, req);
    if (res.headersSent) return;
    for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    res.status(status).json(body);
  }

  /** The answer to a failure: its status, its body and its extra headers ([name, value, ...]); early routes (early-routes.ts) send it themselves. */
  answerOf(exception: unknown, req: { id?: string; method?: string; url?: string }): { status: number; body: ErrorBody; headers: string[] } {
    const body = this.toBody(exception, req);
    return { status: body.statusCode, body, headers: body.statusCode === HttpStatus.SERVICE_UNAVAILABLE ? ['Retry-After', String(RETRY_AFTER_SECONDS)] : [] };
  }

  private toBody(exception: unknown, req: { id?: string; method?: string; url?: string }): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      let details: unknown;
      let code: string | undefined;
      // Nest's own exceptions (router 404, guard 403, multer, the throttler) have a string body or Nest's `{statusCode, message, error}`.
      let raisedByFramework = typeof response === 'string';
      if (typeof response === 'string') message = response;
      else if (response && typeof response === 'object') {
        const r = response as { message?: unknown; details?: unknown; code?: unknown; statusCode?: unknown };
        if (Array.isArray(r.message)) message = r.message.join('; ');
        else if (typeof r.message === 'string') message = r.message;
        details = r.details;
        if (typeof r.code === 'string') code = r.code;
        raisedByFramework = typeof r.statusCode === 'number';
      }
      if (status >= 500) this.logger.error({ err: exception, requestId: req.id }, 'server error');
      if (code === undefined) code = this.codeOfUncoded(exception, status, raisedByFramework, req);
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, code, ...(details !== undefined ? { details } : {}) };
    }
    const driverCode = driverErrorCode(exception);
    if (exception instanceof QueryFailedError && driverCode === 'ER_DUP_ENTRY') {
      return { statusCode: 409, error: 'Conflict', message: 'A record with the same unique values already exists', code: CommonErrorCode.DUPLICATE };
    }
    if (exception instanceof QueryFailedError && isLockContention(exception)) {
      // Still losing to concurrent writes after the transaction's own retries: nothing was changed.
      this.logger.warn({ requestId: req.id, method: req.method, url: req.url, code: driverCode }, 'write lost to concurrent writes after retries');
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The data was busy with other changes and nothing was saved; try again in a moment',
        code: CommonErrorCode.BUSY,
      };
    }
    const bodyError = bodyParserError(exception);
    if (bodyError) return bodyError;
    if (isRedisUnreachable(exception)) {
      this.logger.warn({ requestId: req.id, method: req.method, url: req.url, err: (exception as Error).message }, 'redis unreachable');
      return { statusCode: 503, error: 'Service Unavailable', message: 'The job queue is not reachable; try again in a moment', code: CommonErrorCode.QUEUE_UNAVAILABLE };
    }
    if (isDatabaseUnreachable(exception)) {
      this.logger.warn({ requestId: req.id, method: req.method, url: req.url, err: (exception as Error).message }, 'database unreachable');
      return { statusCode: 503, error: 'Service Unavailable', message: 'The database is not reachable; try again in a moment', code: CommonErrorCode.DATABASE_UNAVAILABLE };
    }
    this.logger.error({ err: exception, requestId: req.id, method: req.method, url: req.url }, 'unhandled error');
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; quote the request id when reporting it',
      code: CommonErrorCode.INTERNAL,
      requestId: req.id,
    };
  }

  private codeOfUncoded(exception: HttpException, status: number, raisedByFramework: boolean, req: { id?: string; method?: string; url?: string }): string {
    const byStatus = FRAMEWORK_CODES[status] ?? (status >= 500 ? CommonErrorCode.INTERNAL : CommonErrorCode.REQUEST_UNREADABLE);
    if (raisedByFramework) return byStatus;
    this.logger.error(
      { err: exception, requestId: req.id, method: req.method, url: req.url, status },
      'an HttpException was thrown without an error code; build it with src/common/errors.ts',
    );
    return this.strictCodes ? CommonErrorCode.INTERNAL_MISSING_CODE : byStatus;
  }
}

/**
 * body-parser's refusals (http-errors with a `type`): too large is 413 naming the limit, and any other
 * client error it raises (unsupported charset, aborted request) keeps its status. Unreadable JSON is
 * INVALID_JSON already (jsonBodyParser, body-limits.ts).
 */
function bodyParserError(exception: unknown): ErrorBody | null {
  const e = exception as { type?: unknown; status?: unknown; limit?: unknown; expose?: unknown; message?: unknown } | null;
  if (!e || typeof e.type !== 'string') return null;
  if (e.type === 'entity.too.large') {
    const limit = typeof e.limit === 'number' ? ` than ${formatByteLimit(e.limit)}` : ' than allowed';
    return { statusCode: 413, error: STATUS_CODES[413]!, message: `The request body is larger${limit}`, code: CommonErrorCode.PAYLOAD_TOO_LARGE };
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true) {
    return { statusCode: e.status, error: STATUS_CODES[e.status] ?? 'Error', message: String(e.message), code: CommonErrorCode.REQUEST_UNREADABLE };
  }
  return null;
}
