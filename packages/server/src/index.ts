export { startServer, type ServeOptions, type ServeLimits, type RunningServer, type ServerStats } from './serve/server.ts';
