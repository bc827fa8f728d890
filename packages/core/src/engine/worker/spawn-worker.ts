/**
 * Starts Cowrite's engine Worker. Bundlers (Vite, webpack) find and emit the Worker's module
 * only from the literal shape `new Worker(new URL('…', import.meta.url), …)`, so that shape stays;
 * `Worker` here is a local stand-in that hands the URL through the `cowrite` Trusted Types policy.
 */
import { CowriteError } from '../../errors/cowrite-error.ts';
import { trustedScriptUrl, TRUSTED_TYPES_POLICY } from './trusted-script-url.ts';

type WorkerConstructor = new (url: URL, options?: WorkerOptions) => globalThis.Worker;

/** Calls the real constructor with a TrustedScriptURL where the page enforces Trusted Types. */
const PolicyWorker = function (url: URL, options?: WorkerOptions): globalThis.Worker {
  let scriptUrl: unknown;
  try {
    scriptUrl = trustedScriptUrl(url);
  } catch (error) {
    throw new CowriteError(
      'CSP_BLOCKED',
      `This page enforces Trusted Types and did not allow Cowrite's "${TRUSTED_TYPES_POLICY}" policy (${(error as Error).message}). Add "${TRUSTED_TYPES_POLICY}" to the CSP trusted-types directive, or run the engine in the page.`,
      { cause: error },
    );
  }
  try {
    return new globalThis.Worker(scriptUrl as URL, options);
  } catch (error) {
    throw new CowriteError('CSP_BLOCKED', `The page did not allow the engine Worker (${(error as Error).message}). Allow it with worker-src 'self' (see the README's "Strict pages").`, { cause: error });
  }
} as unknown as WorkerConstructor;

export function spawnEngineWorker(): globalThis.Worker {
  const Worker = PolicyWorker;
  return new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module', name: 'cowrite-engine' });
}
