/**
 * A throwaway Redis (Debian's `redis-server`, installed by tools/dev.sh) on a free
 * loopback port, persisting every write (AOF, fsync always) into its own folder, so
 * a test can kill it with SIGKILL and start it again without losing acknowledged writes.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

export function hasRedisServer(): boolean {
  return spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface TestRedis {
  url: string;
  /** The running server's process id (for CPU accounting in benchmarks). */
  readonly pid: number | undefined;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `appendfsync`: `always` (the default here) fsyncs every write; `everysec` is Redis's and BullMQ's
 * recommended production setting. Both survive a SIGKILL of Redis without losing an acknowledged
 * write (Redis hands each write to the OS before it replies); `everysec` may lose up to a second
 * only when the machine itself goes down, and the queue redoes such rows (results are keyed).
 */
export async function startTestRedis(options: { appendfsync?: 'always' | 'everysec' } = {}): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'cowrite-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', options.appendfsync ?? 'always', '--dir', dir, '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let log = '';
      child?.stdout?.on('data', (data: Buffer) => {
        log += data.toString();
        if (log.includes('Ready to accept connections')) resolve();
      });
      child?.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${log}`)));
    });
  };
  const kill = async () => {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child?.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    kill,
    start,
    async stop() {
      if (child && child.exitCode === null) await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
