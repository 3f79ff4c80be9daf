/** Removes every Redis key of a bench's queue prefix (SCAN + UNLINK), so runs do not pile up jobs. */
import Redis from 'ioredis';

export async function clearQueuePrefix(prefix: string, host = process.env.BENCH_REDIS_HOST || '127.0.0.1', port = Number(process.env.BENCH_REDIS_PORT || 6379)): Promise<number> {
  if (!/^bench-[A-Za-z0-9:_-]+$/.test(prefix)) throw new Error(`refusing to clear Redis prefix ${prefix}: bench prefixes start with bench-`);
  const redis = new Redis({ host, port, lazyConnect: true, maxRetriesPerRequest: 1 });
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
