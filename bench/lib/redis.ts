/** Removes every Redis key of a bench's queue prefix (SCAN + UNLINK), so runs do not pile up jobs. */
import Redis from 'ioredis';
import { loadEnv } from '../../src/config/env';

export async function clearQueuePrefix(prefix: string): Promise<number> {
  const { REDIS_HOST: host, REDIS_PORT: port, REDIS_PASSWORD } = loadEnv();
  if (!/^bench-[A-Za-z0-9:_-]+$/.test(prefix)) throw new Error(`refusing to clear Redis prefix ${prefix}: bench prefixes start with bench-`);
  const redis = new Redis({ host, port, password: REDIS_PASSWORD || undefined, lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}
