/// <reference lib="webworker" />
// The module Worker the page-side engine starts: `new Worker(new URL('./worker-entry.js', import.meta.url), { type: 'module' })`.
import { startWorkerHost } from './worker-host.ts';

startWorkerHost(self as unknown as Parameters<typeof startWorkerHost>[0]);
