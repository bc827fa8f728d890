/** WASM threads (issue 13, item 20): several when the page is cross-origin isolated, and the status tells the truth. */
import { describe, expect, it } from 'vitest';
import { defaultWasmThreads, effectiveWasmThreads } from '../../packages/core/src/model/wasm-threads.ts';

const page = (crossOriginIsolated: boolean, cores: number | undefined) => ({ isNode: false, crossOriginIsolated, cores });

describe('WASM threads', () => {
  it('uses threads on a cross-origin-isolated page, 2 on a 2-core machine, at most 4', () => {
    expect(defaultWasmThreads(page(true, 2))).toBe(2);
    expect(defaultWasmThreads(page(true, 4))).toBe(2);
    expect(defaultWasmThreads(page(true, 8))).toBe(4);
    expect(defaultWasmThreads(page(true, 32))).toBe(4);
    expect(defaultWasmThreads(page(true, 1))).toBe(1);
    expect(defaultWasmThreads(page(true, undefined))).toBe(2);
  });

  it('asks for one where SharedArrayBuffer is missing, and reports one whatever was requested', () => {
    expect(defaultWasmThreads(page(false, 16))).toBe(1);
    expect(effectiveWasmThreads(4, page(false, 16))).toBe(1);
    expect(effectiveWasmThreads(4, page(true, 16))).toBe(4);
  });

  it("leaves Node to onnxruntime's own default", () => {
    expect(defaultWasmThreads({ isNode: true, crossOriginIsolated: false, cores: 8 })).toBeUndefined();
    expect(effectiveWasmThreads(3, { isNode: true, crossOriginIsolated: false, cores: 8 })).toBe(3);
  });
});
