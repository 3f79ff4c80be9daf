import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { EnvironmentVariables } from '../config/env';

const WAIT_MS = 3000;

const reason = (e: unknown) => {
  const err = e as { code?: string; message?: string };
  return err.code && !String(err.message).includes(err.code) ? `${err.code}: ${err.message}` : String(err.message ?? e);
};

/**
 * Whether the servers this process needs answer, within a few seconds each. Returns one line per
 * server that does not, naming it, where it was looked for and which variables move it.
 */
export async function unreachableServices(env: EnvironmentVariables, needs: { redis: boolean } = { redis: true }): Promise<string[]> {
  const problems: string[] = [];
  try {
    const conn = await createConnection({ host: env.DB_HOST, port: env.DB_PORT, user: env.DB_USER, password: env.DB_PASSWORD, connectTimeout: WAIT_MS });
    await conn.end();
  } catch (e) {
    problems.push(
      `MySQL/MariaDB at ${env.DB_HOST}:${env.DB_PORT} (user ${env.DB_USER}) does not answer (${reason(e)}): start it, or set DB_HOST, DB_PORT, DB_USER and DB_PASSWORD in .env or the environment (see .env.example)`,
    );
  }
  if (needs.redis) {
    const redis = new Redis({
      host: env.REDIS_HOST,
      port: env.REDIS_PORT,
      password: env.REDIS_PASSWORD || undefined,
      lazyConnect: true,
      connectTimeout: WAIT_MS,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    let lastError: unknown;
    redis.on('error', (e) => (lastError = e));
    try {
      await redis.connect();
      await redis.ping();
    } catch (e) {
      problems.push(
        `Redis at ${env.REDIS_HOST}:${env.REDIS_PORT} does not answer (${reason(lastError ?? e)}): start it (redis-server), or set REDIS_HOST, REDIS_PORT and REDIS_PASSWORD in .env or the environment (see .env.example)`,
      );
    } finally {
      redis.disconnect();
    }
  }
  return problems;
}

/** For entry points: exits 1 with one line per missing server instead of a stack trace or a hang. */
export async function requireServices(env: EnvironmentVariables, needs?: { redis: boolean }): Promise<void> {
  const problems = await unreachableServices(env, needs);
  if (!problems.length) return;
  for (const p of problems) console.error(p);
  process.exit(1);
}
