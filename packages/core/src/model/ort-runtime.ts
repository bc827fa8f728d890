/**
 * The one place that touches onnxruntime-web's global environment.
 * `#ort` resolves to onnxruntime-web's Node entry under Node and to its plain
 * WASM build in browsers (package.json "imports"): the JSEP/WebGPU build is twice
 * the size and slower to the first token, so it is never pulled in by default.
 */
import * as ort from '#ort';

export { ort };

export interface RuntimeOptions {
  /**
   * WASM threads. Default: in a cross-origin-isolated page, half the cores (at most 4);
   * otherwise 1, since without SharedArrayBuffer onnxruntime falls back to 1 thread anyway.
   * In Node: onnxruntime's own default.
   */
  threads?: number;
  /** Where onnxruntime's `.wasm`/`.mjs` files are served from (a URL prefix), when the bundler does not emit them. */
  wasmPaths?: string;
  /** onnxruntime's graph optimization level. Default `all`. */
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'layout' | 'all';
}

export interface RuntimeInfo {
  backend: 'wasm';
  threads: number;
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

function defaultThreads(): number | undefined {
  if (isNode) return undefined;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (!isolated) return 1;
  const cores = globalThis.navigator?.hardwareConcurrency ?? 2;
  return Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

let configured: RuntimeInfo | undefined;

/**
 * Applies runtime options before the first session: onnxruntime fixes its WASM
 * threads when it first initializes, so later calls cannot change them.
 */
export function configureRuntime(options: RuntimeOptions = {}): RuntimeInfo {
  if (configured) return configured;
  const threads = options.threads ?? defaultThreads();
  if (threads !== undefined) ort.env.wasm.numThreads = threads;
  if (options.wasmPaths !== undefined) ort.env.wasm.wasmPaths = options.wasmPaths;
  ort.env.logLevel = 'error';
  configured = { backend: 'wasm', threads: threads ?? ort.env.wasm.numThreads ?? 1 };
  return configured;
}

export async function createSession(bytes: Uint8Array, options: RuntimeOptions = {}): Promise<ort.InferenceSession> {
  configureRuntime(options);
  return ort.InferenceSession.create(bytes, {
    executionProviders: ['wasm'],
    graphOptimizationLevel: options.graphOptimizationLevel ?? 'all',
  });
}
