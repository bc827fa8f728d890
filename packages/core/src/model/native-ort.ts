/**
 * onnxruntime-node, the native CPU build, loaded on demand. It is an optional
 * dependency of @cowrite/core: its CPU binaries ship inside the npm package (no
 * install script is needed), but a platform without a prebuilt binary, or an
 * install that skipped optional dependencies, has no module to load — then the
 * caller gets a typed BACKEND_UNAVAILABLE error (or, in `auto`, falls back to WASM).
 */
import { CowriteError } from '../errors/cowrite-error.ts';
import { isNode } from '../runtime/environment.ts';
import type { OrtModule } from './ort-runtime.ts';

// A variable specifier keeps bundlers from pulling the native module into browser builds.
const NATIVE_MODULE = 'onnxruntime-node';

let loading: Promise<OrtModule> | undefined;

export function loadNativeOrt(): Promise<OrtModule> {
  if (!isNode) {
    return Promise.reject(new CowriteError('BACKEND_UNAVAILABLE', "The native backend (onnxruntime-node) runs only in Node; use backend: 'wasm' or 'webgpu' in browsers."));
  }
  loading ??= import(/* @vite-ignore */ NATIVE_MODULE).then(
    (module: { default?: OrtModule } & OrtModule) => {
      const ort = module.InferenceSession ? module : (module.default as OrtModule);
      ort.env.logLevel = 'error';
      return ort;
    },
    (error: unknown) => {
      loading = undefined;
      throw new CowriteError(
        'BACKEND_UNAVAILABLE',
        `The native backend (onnxruntime-node) could not be loaded: ${(error as Error).message}. Install it (npm install onnxruntime-node — an optional dependency of @cowrite/core, prebuilt for Linux x64/arm64, macOS arm64 and Windows) or pass backend: 'wasm'.`,
        { cause: error },
      );
    },
  );
  return loading;
}
