import { Redis } from 'ioredis';

/**
 * A connection for BullMQ and our own result reads. `maxRetriesPerRequest: null`
 * (BullMQ requires it for workers) makes commands wait through a Redis restart
 * instead of failing; ioredis reconnects on its own.
 */
export function connectRedis(url: string): Redis {
  if (!/^rediss?:\/\//.test(url)) throw new Error(`--queue must be a redis:// URL, got "${url}"`);
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableOfflineQueue: true, retryStrategy: (attempt) => Math.min(100 * attempt, 2000) });
  // While Redis is down each reconnect attempt emits 'error'; ioredis keeps retrying, so they are not failures of ours.
  redis.on('error', () => {});
  return redis;
}
