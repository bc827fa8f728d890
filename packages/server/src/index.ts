export { startServer, type ServeOptions, type ServeLimits, type RunningServer, type ServerStats } from './serve/server.ts';
export { runCopyJob, formatSummary, type CopyJobOptions, type CopyRunOptions, type CopySummary, type BadRow } from './copy/copy-job.ts';
export type { ProgressSink } from './copy/progress.ts';
export { readCatalog, type CatalogEntry, type CatalogRow } from './copy/catalog-reader.ts';
export { COPY_TASKS, type CopyTask } from './copy/copy-tasks.ts';
export { runQueuedCopy, type QueuedCopyOptions } from './queue/enqueue-copy.ts';
export { startCopyWorker, type CopyWorkerOptions, type RunningWorker } from './queue/copy-worker.ts';
