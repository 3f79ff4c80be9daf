import { ArgumentsHost, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './http-exception.filter';

function respond(exception: unknown): { status: number; body: Record<string, unknown> } {
  const out = { status: 0, body: {} as Record<string, unknown> };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ id: 'req-1', method: 'PUT', url: '/x' }),
      getResponse: () => ({ status: (n: number) => ((out.status = n), { json: (b: Record<string, unknown>) => (out.body = b) }) }),
    }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return out;
}

const dbError = (code: string) => new QueryFailedError('UPDATE x', [], Object.assign(new Error(code), { code }));

describe('AllExceptionsFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers 503, not 500, when a write still loses to concurrent ones after its retries', () => {
    for (const code of ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']) {
      const r = respond(dbError(code));
      expect(r.status).toBe(503);
      expect(r.body.message).toMatch(/nothing was saved; try again/);
    }
  });

  it('answers 409 for a duplicate key and hides any other database error behind a 500 with the request id', () => {
    expect(respond(dbError('ER_DUP_ENTRY')).status).toBe(409);
    const other = respond(dbError('ER_NO_SUCH_TABLE'));
    expect(other).toEqual({ status: 500, body: expect.objectContaining({ requestId: 'req-1' }) });
    expect(JSON.stringify(other.body)).not.toMatch(/NO_SUCH_TABLE|UPDATE x/);
  });
});
