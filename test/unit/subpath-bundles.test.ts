import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildForBrowser } from '../support/browser-build.ts';

/** Bundles test/support/subpath-entry-<area>.ts the way a storefront's Vite build would; onnxruntime stays external so we see whether it is asked for. */
async function bundle(area: 'sentiment' | 'prompting' | 'engine'): Promise<{ code: string; onnxImports: string[] }> {
  const onnxImports: string[] = [];
  const entry = fileURLToPath(new URL(`../support/subpath-entry-${area}.ts`, import.meta.url));
  const code = await buildForBrowser(entry, {
    external: (id) => {
      const onnx = /onnxruntime/.test(id);
      if (onnx) onnxImports.push(id);
      return onnx;
    },
  });
  return { code, onnxImports };
}

describe('subpath entries of @cowrite/core', () => {
  it.each([
    ['sentiment', 'analyzeSentiment'],
    ['prompting', 'planReviewContinuation'],
  ] as const)('@cowrite/core/%s bundles without onnxruntime', async (area, exported) => {
    const { code, onnxImports } = await bundle(area);
    expect(code).toContain(exported);
    expect(onnxImports).toEqual([]);
    expect(code).not.toMatch(/onnxruntime/);
  }, 120_000);

  // The control: the same check does see onnxruntime where it is used, so the assertion above can fail.
  it('@cowrite/core/engine does reach onnxruntime', async () => {
    const { code, onnxImports } = await bundle('engine');
    expect(code).toContain('loadModel');
    expect(onnxImports.length + (code.match(/onnxruntime/g)?.length ?? 0)).toBeGreaterThan(0);
  }, 120_000);
});
