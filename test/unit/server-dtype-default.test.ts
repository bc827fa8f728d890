/** `cowrite serve|copy|worker` without `--dtype`: int8 when the model folder has it (faster on native onnxruntime), else fp32. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDtype, loadModelDir } from '../../packages/server/src/cli/load-engine.ts';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cowrite-dtype-'));
  await ensureFixtures();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the CLI default dtype', () => {
  it.each([
    ['a current export with an int8 file', ['onnx/model.onnx', 'onnx/model_quantized.onnx'], 'q8'],
    ['a legacy merged export with an int8 file', ['onnx/decoder_model_merged.onnx', 'onnx/decoder_model_merged_quantized.onnx'], 'q8'],
    ['a folder with fp32 only', ['onnx/model.onnx'], 'fp32'],
  ])('%s: %s', async (name, files, expected) => {
    const folder = join(dir, name.replaceAll(' ', '-'));
    await mkdir(join(folder, 'onnx'), { recursive: true });
    for (const file of files) await writeFile(join(folder, file), '');
    expect(defaultDtype(folder)).toBe(expected);
  });

  it('loads the int8 file of the tiny fixture when no --dtype is given, and fp32 when asked', async () => {
    const source = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
    const [byDefault, fp32] = await Promise.all([loadModelDir(source, {}), loadModelDir(source, { dtype: 'fp32' })]);
    try {
      expect(byDefault.model.info).toMatchObject({ dtype: 'q8', file: 'onnx/model_quantized.onnx' });
      expect(fp32.model.info).toMatchObject({ dtype: 'fp32', file: 'onnx/model.onnx' });
    } finally {
      await Promise.all([byDefault.model.dispose(), fp32.model.dispose()]);
    }
  });
});
