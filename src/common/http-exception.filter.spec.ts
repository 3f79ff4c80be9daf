import { ArgumentsHost, BadRequestException, ForbiddenException, Logger, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { formatByteLimit } from './body-limits';
import { badRequest, FieldErrorCode } from './errors';
import { AllExceptionsFilter } from './http-exception.filter';

function respond(exception: unknown, nodeEnv: 'test' | 'production' = 'production'): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const out = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ id: 'req-1', method: 'PUT', url: '/x' }),
      getResponse: () => ({
        status: (n: number) => ((out.status = n), { json: (b: Record<string, unknown>) => (out.body = b) }),
        setHeader: (name: string, value: string) => (out.headers[name.toLowerCase()] = value),
      }),
    }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter({ NODE_ENV: nodeEnv }).catch(exception, host);
  return out;
}

const dbError = (code: string, fields: Record<string, unknown> = {}) => new QueryFailedError('UPDATE x', [], Object.assign(new Error(code), { code, ...fields }));
/** What mysql2 hands TypeORM (and TypeORM passes through unwrapped) when no connection can be opened. */
const connectError = (code: string, message: string) => Object.assign(new Error(message), { code, errno: -111, syscall: 'connect', fatal: true });

describe('AllExceptionsFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers 503, not 500, when a write still loses to concurrent ones after its retries', () => {
    for (const code of ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'ER_AUTOINC_READ_FAILED']) {
      const r = respond(dbError(code));
      expect(r.status).toBe(503);
      expect(r.body.message).toMatch(/nothing was saved; try again/);
      expect(r.headers['retry-after']).toBe('5');
    }
  });

  it('answers 503 with Retry-After, not 500, when the database is unreachable or does not answer in time', () => {
    const unreachable = [
      connectError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:3306'),
      connectError('ETIMEDOUT', 'connect ETIMEDOUT'),
      Object.assign(new Error('Pool is closed.'), {}),
      Object.assign(new Error('Queue limit reached.'), {}),
      dbError('PROTOCOL_CONNECTION_LOST', { fatal: true }),
      dbError('PROTOCOL_SEQUENCE_TIMEOUT', { message: 'Query inactivity timeout' }),
      dbError('ER_CON_COUNT_ERROR', { errno: 1040 }),
      dbError('ER_QUERY_TIMEOUT', { errno: 3024 }),
      dbError('UNKNOWN_CODE_PLEASE_REPORT', { errno: 1969, message: 'Query execution was interrupted (max_statement_time exceeded)' }),
      dbError('ER_SERVER_SHUTDOWN', { errno: 1053 }),
    ];
    for (const e of unreachable) {
      const r = respond(e);
      expect({ e: (e as Error).message, status: r.status }).toEqual({ e: (e as Error).message, status: 503 });
      expect(r.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'The database is not reachable; try again in a moment', code: 'DATABASE_UNAVAILABLE' });
      expect(r.headers['retry-after']).toBe('5');
    }
  });

  it('answers 503 with Retry-After when Redis is down (the queue refuses or gives up on a command)', () => {
    const maxRetries = Object.assign(new Error('Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.'), {
      name: 'MaxRetriesPerRequestError',
    });
    for (const e of [new Error("Stream isn't writeable and enableOfflineQueue options is false"), new Error('Connection is closed.'), maxRetries]) {
      const r = respond(e);
      expect(r.status).toBe(503);
      expect(r.body.message).toBe('The job queue is not reachable; try again in a moment');
      expect(r.headers['retry-after']).toBe('5');
    }
  });

  it('answers 409 for a duplicate key and hides any other database error behind a 500 with the request id', () => {
    expect(respond(dbError('ER_DUP_ENTRY')).status).toBe(409);
    const other = respond(dbError('ER_NO_SUCH_TABLE'));
    expect(other).toEqual({ status: 500, body: expect.objectContaining({ requestId: 'req-1' }), headers: {} });
    expect(respond(new Error('boom')).status).toBe(500);
    expect(JSON.stringify(other.body)).not.toMatch(/NO_SUCH_TABLE|UPDATE x/);
  });

  it('answers 413 naming the limit for a body the body parser found too large, and keeps its other client errors', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, expose: true, limit: 1048576, length: 2000000 });
    expect(respond(tooLarge)).toEqual({
      status: 413,
      body: { statusCode: 413, error: 'Payload Too Large', message: 'The request body is larger than 1 MB', code: 'PAYLOAD_TOO_LARGE' },
      headers: {},
    });
    const csv = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, expose: true, limit: 10 * 1024 * 1024 });
    expect(respond(csv).body.message).toBe('The request body is larger than 10 MB');
    const charset = Object.assign(new Error('unsupported charset "KOI8-X"'), { type: 'charset.unsupported', status: 415, expose: true, charset: 'koi8-x' });
    expect(respond(charset)).toEqual({
      status: 415,
      body: { statusCode: 415, error: 'Unsupported Media Type', message: 'unsupported charset "KOI8-X"', code: 'REQUEST_UNREADABLE' },
      headers: {},
    });
    expect(respond(Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400, expose: true })).status).toBe(400);
  });

  it('still hides an error that merely carries a type but is no client error', () => {
    expect(respond(Object.assign(new Error('boom'), { type: 'internal', status: 500, expose: false })).status).toBe(500);
  });

  it('names limits in MB, KB or bytes', () => {
    expect([formatByteLimit(2 * 1024 * 1024), formatByteLimit(512 * 1024), formatByteLimit(1000)]).toEqual(['2 MB', '512 KB', '1000 bytes']);
  });

  it('renders the code of a refusal and of each of its details', () => {
    const r = respond(badRequest('PERIOD_INVALID', 'Invalid period: weights', [{ field: 'weights', message: 'weights must sum to 100', code: FieldErrorCode.SUM_NOT_100 }]));
    expect(r.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid period: weights',
      code: 'PERIOD_INVALID',
      details: [{ field: 'weights', message: 'weights must sum to 100', code: 'FIELD_SUM_NOT_100' }],
    });
  });

  it("gives Nest's, multer's and the throttler's own refusals a common code", () => {
    expect(respond(new NotFoundException('Cannot GET /api/v1/nope'), 'test').body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /api/v1/nope' });
    expect(respond(new ForbiddenException('Forbidden resource'), 'test').body.code).toBe('FORBIDDEN');
    expect(respond(new ThrottlerException(), 'test').body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(respond(new BadRequestException('Unexpected file field - other'), 'test').body.code).toBe('REQUEST_UNREADABLE');
  });

  it('refuses under NODE_ENV=test to render an exception of ours that has no code, and falls back to the status otherwise', () => {
    const uncoded = () => new BadRequestException({ message: 'Invalid thing' });
    expect(respond(uncoded(), 'test').body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Invalid thing', code: 'INTERNAL_MISSING_CODE' });
    expect(respond(new NotFoundException({ message: 'Thing 3 not found' }), 'test').body.code).toBe('INTERNAL_MISSING_CODE');
    expect(respond(new NotFoundException({ message: 'Thing 3 not found' }), 'production').body.code).toBe('NOT_FOUND');
  });
});
