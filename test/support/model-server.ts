/**
 * A loopback HTTP server for the model-delivery tests: serves the generated
 * fixtures with CORS and Range support, logs every request, and injects faults
 * by path prefix:
 *   /flaky/…   the first GET of each file breaks off halfway (tests retry + Range resume)
 *   /short/…   HEAD announces the real size, GET sends a shorter body (a truncated file)
 *   /slow/…    bodies trickle out in small pieces (so a test can abort mid-download)
 *   /norange/… ignores Range headers
 *   /__log     the request log as JSON (GET) ; /__log/reset clears it (and every override)
 *   /__override?path=/tiny-gpt2/config.json&kind=html|garbage
 *              until reset, answers GETs of that path with 200 and an HTML error page, or
 *              with random bytes of the file's real size (a corrupt file that passes size checks)
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';

export interface LoggedRequest {
  method: string;
  path: string;
  range?: string;
}

export async function startModelServer(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const log: LoggedRequest[] = [];
  const brokenOnce = new Set<string>();
  const overrides = new Map<string, 'html' | 'garbage'>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Range, Authorization');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (url.pathname === '/__log') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(log));
    if (url.pathname === '/__log/reset') {
      log.length = 0;
      brokenOnce.clear();
      overrides.clear();
      return void res.writeHead(204).end();
    }
    if (url.pathname === '/__override') {
      const kind = url.searchParams.get('kind');
      overrides.set(url.searchParams.get('path') ?? '', kind === 'garbage' ? 'garbage' : 'html');
      return void res.writeHead(204).end();
    }
    log.push({ method: req.method ?? 'GET', path: url.pathname, ...(req.headers.range ? { range: req.headers.range } : {}) });
    const [, mode, ...rest] = url.pathname.split('/');
    const fault = ['flaky', 'short', 'slow', 'norange'].includes(mode) ? mode : undefined;
    const relative = fault ? rest.join('/') : url.pathname.slice(1);
    const file = normalize(join(root, decodeURIComponent(relative)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    let body: Buffer;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      body = await readFile(file);
    } catch {
      return void res.writeHead(404).end('not found');
    }
    const override = overrides.get(url.pathname);
    if (override === 'html') body = Buffer.from('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>');
    else if (override === 'garbage') body = Buffer.from(body.map((_, i) => (i * 7919 + 13) & 0xff));
    const size = body.byteLength;
    if (req.method === 'HEAD') return void res.writeHead(200, { 'content-length': size, 'accept-ranges': 'bytes' }).end();

    const range = fault !== 'norange' ? /^bytes=(\d+)-$/.exec(req.headers.range ?? '') : null;
    if (range) {
      const start = Number(range[1]);
      res.writeHead(206, { 'content-length': size - start, 'content-range': `bytes ${start}-${size - 1}/${size}`, 'accept-ranges': 'bytes' });
      return void res.end(body.subarray(start));
    }
    if (fault === 'short') return void res.writeHead(200, { 'content-length': Math.floor(size / 2) }).end(body.subarray(0, Math.floor(size / 2)));
    if (fault === 'flaky' && size > 100_000 && !brokenOnce.has(file)) {
      brokenOnce.add(file);
      res.writeHead(200, { 'content-length': size, 'accept-ranges': 'bytes' });
      res.write(body.subarray(0, Math.floor(size / 2)), () => res.destroy());
      return;
    }
    res.writeHead(200, { 'content-length': size, 'accept-ranges': 'bytes' });
    if (fault === 'slow') {
      for (let at = 0; at < size && !res.destroyed; at += 64 * 1024) {
        res.write(body.subarray(at, at + 64 * 1024));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return void res.end();
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
