/**
 * Tells a page's Content Security Policy apart from a broken model file. Without
 * `'wasm-unsafe-eval'` in `script-src`, compiling any WebAssembly throws, and
 * onnxruntime's failure would otherwise read like a corrupt ONNX file.
 */

/** The smallest valid WebAssembly module: the magic number and version 1. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** Why this realm may not compile WebAssembly (a CSP refusal), or undefined when it may. */
export function wasmCompileBlockedReason(): string | undefined {
  if (typeof WebAssembly !== 'object') return 'this environment has no WebAssembly';
  try {
    new WebAssembly.Module(EMPTY_MODULE);
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  }
}
