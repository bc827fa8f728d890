/**
 * The one place that picks an onnxruntime build and touches its global environment.
 * `#ort` resolves to onnxruntime-web's Node entry under Node and to its plain WASM
 * build in browsers (package.json "imports"). The WebGPU build (`#ort-webgpu`) is
 * twice the size and slower to the first token on CPU, so it is imported only when
 * a caller asks for WebGPU and the browser has an adapter. In Node the native build
 * (onnxruntime-node, an optional dependency) is used when it loads: it decodes
 * several times faster than WASM and runs int8 kernels natively.
 */
import * as ort from '#ort';
import { CowriteError } from '../errors/cowrite-error.ts';
import { isNode } from '../runtime/environment.ts';
import { loadNativeOrt } from './native-ort.ts';
import { type ThreadEnvironment, defaultWasmThreads, effectiveWasmThreads } from './wasm-threads.ts';

export { ort };

/** The onnxruntime module a session belongs to: tensors fed to it come from the same module. */
export type OrtModule = typeof ort;

/** Which onnxruntime build runs the model; see `RuntimeOptions.backend`. */
export type BackendPreference = 'native' | 'wasm' | 'webgpu' | 'auto';

/** How the model runs: which onnxruntime build, how many threads, where its WASM files live. */
export interface RuntimeOptions {
  /**
   * - `auto`: in Node, native onnxruntime when it loads, else WASM; in browsers, WebGPU when an adapter exists, else WASM.
   * - `native`: onnxruntime-node (Node only); a `CowriteError` `BACKEND_UNAVAILABLE` when it cannot be loaded.
   * - `wasm`: onnxruntime-web's WASM build, everywhere.
   * - `webgpu`: browsers; falls back to WASM when unavailable (`runtime.fallbackReason` says why).
   *
   * Default: `auto` in Node, `wasm` in browsers.
   */
  backend?: BackendPreference;
  /**
   * CPU threads. WASM default: in a cross-origin-isolated page, half the cores but at least 2 (at most 4);
   * otherwise 1, since without SharedArrayBuffer onnxruntime falls back to 1 thread anyway.
   * In Node (WASM or native): onnxruntime's own default. Native: the intra-op thread count.
   */
  threads?: number;
  /** Where onnxruntime's `.wasm`/`.mjs` files are served from (a URL prefix), when the bundler does not emit them. */
  wasmPaths?: string;
  /** onnxruntime's graph optimization level. Default `all`. */
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'layout' | 'all';
  /**
   * Further onnxruntime session options, passed through: e.g. `freeDimensionOverrides`, or
   * `extra: { session: { disable_quant_qdq: '1' } }` for weight-only int8 files (tools/optimize `--mode dequantize`).
   */
  sessionOptions?: Omit<ort.InferenceSession.SessionOptions, 'executionProviders' | 'preferredOutputLocation'>;
}

/** How a loaded model actually runs (after any fallback): read it from `ModelInfo.runtime`. */
export interface RuntimeInfo {
  /** The onnxruntime build in use: `native` (onnxruntime-node), `wasm` or `webgpu`. */
  backend: 'native' | 'wasm' | 'webgpu';
  /** CPU threads in use: WASM threads (WebGPU still runs some kernels on the CPU), or native intra-op threads (0: onnxruntime's default, one per physical core). */
  threads: number;
  /** Why the preferred backend (WebGPU, or native under `auto`) was not used. */
  fallbackReason?: string;
}


function threadEnvironment(): ThreadEnvironment {
  return {
    isNode,
    crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    cores: globalThis.navigator?.hardwareConcurrency,
  };
}

/** Applies thread/path settings to a module before its first session (onnxruntime fixes them at init). */
function configure(module: OrtModule, options: RuntimeOptions): number {
  const env = threadEnvironment();
  const threads = options.threads ?? defaultWasmThreads(env);
  if (threads !== undefined) module.env.wasm.numThreads = threads;
  if (options.wasmPaths !== undefined) module.env.wasm.wasmPaths = options.wasmPaths;
  module.env.logLevel = 'error';
  return effectiveWasmThreads(threads ?? module.env.wasm.numThreads ?? 1, env);
}

let wasmThreads: number | undefined;

export function configureRuntime(options: RuntimeOptions = {}): RuntimeInfo {
  wasmThreads ??= configure(ort, options);
  return { backend: 'wasm', threads: wasmThreads };
}

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown> };
}

async function webgpuUnavailableReason(): Promise<string | undefined> {
  const gpu = (globalThis.navigator as GpuNavigator | undefined)?.gpu;
  if (!gpu) return 'this environment has no WebGPU (navigator.gpu is missing)';
  try {
    return (await gpu.requestAdapter()) ? undefined : 'no WebGPU adapter is available';
  } catch (error) {
    return `requesting a WebGPU adapter failed: ${(error as Error).message}`;
  }
}

export interface CreatedSession {
  session: ort.InferenceSession;
  module: OrtModule;
  runtime: RuntimeInfo;
}

/**
 * Creates the decoder session on the requested backend. Under WebGPU the
 * `present.*` outputs stay on the GPU (IO binding), so the KV cache never
 * round-trips through the CPU between steps; only the logits are read back.
 */
export async function createSession(bytes: Uint8Array, options: RuntimeOptions, presentNames: readonly string[]): Promise<CreatedSession> {
  const preference = options.backend ?? (isNode ? 'auto' : 'wasm');
  let fallbackReason: string | undefined;
  if (preference === 'native' || (preference === 'auto' && isNode)) {
    try {
      return await createNativeSession(bytes, options);
    } catch (error) {
      if (preference === 'native' || !(error instanceof CowriteError && error.code === 'BACKEND_UNAVAILABLE')) throw error;
      fallbackReason = error.message;
    }
  } else if (preference !== 'wasm' && !isNode) {
    fallbackReason = await webgpuUnavailableReason();
    if (!fallbackReason) {
      try {
        const module = (await import('#ort-webgpu')) as OrtModule;
        const threads = configure(module, options);
        const preferredOutputLocation: Record<string, 'cpu' | 'gpu-buffer'> = { logits: 'cpu' };
        for (const name of presentNames) preferredOutputLocation[name] = 'gpu-buffer';
        const session = await module.InferenceSession.create(bytes, {
          ...options.sessionOptions,
          executionProviders: ['webgpu'],
          graphOptimizationLevel: options.graphOptimizationLevel ?? 'all',
          preferredOutputLocation,
        });
        return { session, module, runtime: { backend: 'webgpu', threads } };
      } catch (error) {
        fallbackReason = `WebGPU session creation failed: ${(error as Error).message}`;
      }
    }
  } else if (preference === 'webgpu') {
    fallbackReason = 'WebGPU is only available in browsers';
  }
  const runtime = configureRuntime(options);
  const session = await ort.InferenceSession.create(bytes, {
    ...options.sessionOptions,
    executionProviders: ['wasm'],
    graphOptimizationLevel: options.graphOptimizationLevel ?? 'all',
  });
  return { session, module: ort, runtime: fallbackReason ? { ...runtime, fallbackReason } : runtime };
}

/**
 * Native session options Cowrite sets unless the caller's `sessionOptions.extra` says otherwise.
 * Idle intra-op threads do not spin waiting for work: a spinning pool burns a core that other
 * sessions, workers or the web server need, and on a shared 2-core machine 2 spinning threads
 * decoded fp32 about 2× slower than 2 that sleep (tools/bench/native-probe.ts, 2026-11-30).
 */
const NATIVE_SESSION_CONFIG = { 'intra_op.allow_spinning': '0' };

/** onnxruntime-node's CPU execution provider; the KV cache and logits stay in ordinary CPU tensors, as with WASM. */
async function createNativeSession(bytes: Uint8Array, options: RuntimeOptions): Promise<CreatedSession> {
  const module = await loadNativeOrt();
  const callerExtra = (options.sessionOptions?.extra ?? {}) as { session?: Record<string, unknown> };
  const extra = { ...callerExtra, session: { ...NATIVE_SESSION_CONFIG, ...callerExtra.session } };
  const session = await module.InferenceSession.create(bytes, {
    ...options.sessionOptions,
    extra,
    executionProviders: ['cpu'],
    graphOptimizationLevel: options.graphOptimizationLevel ?? 'all',
    ...(options.threads !== undefined ? { intraOpNumThreads: options.threads } : {}),
  });
  return { session, module, runtime: { backend: 'native', threads: options.threads ?? 0 } };
}
