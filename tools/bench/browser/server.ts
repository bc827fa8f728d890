/**
 * The benchmark's static server, loopback only: the runner pages, the model folders and the
 * self-hosted onnxruntime WASM files, with COOP/COEP headers when the page must be
 * cross-origin isolated (multi-threaded WASM). It logs the JavaScript each page pulled.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
};

export interface BenchServer {
  origin: string;
  /** Paths of files served since the last reset, with their on-disk path. */
  served: Map<string, string>;
  isolated: boolean;
  close(): Promise<void>;
}

/** `mounts`: URL prefix → directory, longest prefix first. */
export async function startServer(mounts: Record<string, string>, isolated: boolean): Promise<BenchServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const served = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = prefixes.find((p) => url.pathname.startsWith(p));
    const relative = prefix ? normalize(decodeURIComponent(url.pathname.slice(prefix.length))) : '';
    if (!prefix || relative.startsWith('..')) {
      res.writeHead(404).end();
      return;
    }
    const file = join(mounts[prefix], relative === '.' || relative === '' ? 'index.html' : relative);
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const headers: Record<string, string | number> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size, 'cache-control': 'no-store' };
      if (isolated) {
        headers['cross-origin-opener-policy'] = 'same-origin';
        headers['cross-origin-embedder-policy'] = 'require-corp';
        headers['cross-origin-resource-policy'] = 'same-origin';
      }
      served.set(url.pathname, file);
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    isolated,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
