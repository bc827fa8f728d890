import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';

/**
 * Serves model folders (hub layout) under `/models/<name>/` from a directory on disk, in
 * `vite` dev and `vite preview`, so the demo runs offline on the generated test model
 * without copying weights into the app. Range requests are honoured (the engine resumes
 * interrupted downloads with them).
 */
export function serveModels(modelsDir: string): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    void handle(modelsDir, req, res).then((handled) => {
      if (!handled) next();
    }, next);
  };
  return {
    name: 'cowrite-serve-models',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/models/') || !['GET', 'HEAD'].includes(req.method ?? '')) return false;
  const file = normalize(join(root, decodeURIComponent(url.pathname.slice('/models/'.length))));
  if (!file.startsWith(normalize(root) + sep)) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`No model file at ${url.pathname}`);
    return true;
  }
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const start = range ? Number(range[1]) : 0;
  const end = range && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
  const headers = {
    'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    'content-length': String(end - start + 1),
    'accept-ranges': 'bytes',
    'cache-control': 'no-cache',
  };
  if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${info.size}` });
  else res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file, { start, end }).pipe(res);
  return true;
}
