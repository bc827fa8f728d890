/**
 * Preloaded (`node --import`) by the native-backend test: makes `onnxruntime-node`
 * unresolvable, as on a platform without a prebuilt binary or an install that
 * skipped optional dependencies.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'onnxruntime-node') throw new Error(`Cannot find package 'onnxruntime-node' (blocked by the test)`);
    return nextResolve(specifier, context);
  },
});
