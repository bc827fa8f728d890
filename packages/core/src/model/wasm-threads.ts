/**
 * How many WASM threads onnxruntime gets. More than one needs SharedArrayBuffer, i.e. a
 * cross-origin-isolated page (COOP + COEP); elsewhere onnxruntime silently runs one, so that is
 * what Cowrite asks for and reports. When isolated: at least 2 where there are 2 cores (≈ 17 vs
 * 23 ms a token on GPT-2-124M), half the cores beyond that (the page keeps some), at most 4.
 */
export interface ThreadEnvironment {
  isNode: boolean;
  crossOriginIsolated: boolean;
  cores: number | undefined;
}

/** The default thread count; undefined leaves onnxruntime's own default (Node). */
export function defaultWasmThreads(env: ThreadEnvironment): number | undefined {
  if (env.isNode) return undefined;
  if (!env.crossOriginIsolated) return 1;
  const cores = Math.max(1, env.cores ?? 2);
  return Math.min(4, cores, Math.max(2, Math.ceil(cores / 2)));
}

/** What will actually run: a page that is not isolated runs one thread whatever was asked for. */
export function effectiveWasmThreads(requested: number, env: ThreadEnvironment): number {
  return env.isNode || env.crossOriginIsolated ? requested : 1;
}
