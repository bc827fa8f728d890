/**
 * Reading and writing hub-layout model directories for the optimization tools: the ONNX file
 * is decoded and re-encoded; config.json, tokenizer.json and the other JSON files are copied as
 * they are, so the output loads anywhere the input did (loadModel, transformers.js).
 */
import { access, copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { decodeModel, encodeModel } from '../gpt2/onnx-schema.ts';
import type { OnnxModel } from '../gpt2/onnx-schema.ts';

/** Current exports name the decoder onnx/model.onnx, older ones onnx/decoder_model_merged.onnx. */
export const FP32_CANDIDATES = ['onnx/model.onnx', 'onnx/decoder_model_merged.onnx'];

export async function findFp32Model(dir: string): Promise<string> {
  for (const file of FP32_CANDIDATES) {
    try {
      await access(join(dir, file));
      return file;
    } catch {
      // try the next layout
    }
  }
  throw new Error(`${dir} has no fp32 decoder (tried ${FP32_CANDIDATES.join(', ')}); pass --input-file`);
}

export async function readOnnx(path: string): Promise<OnnxModel> {
  return decodeModel(new Uint8Array(await readFile(path)));
}

/**
 * Writes `model` as `outDir/file` and copies every top-level JSON file of `inDir` (config,
 * generation config, tokenizer). Other ONNX files of the input are not copied. Returns the bytes written.
 */
export async function writeModelDirectory(inDir: string, outDir: string, file: string, model: OnnxModel): Promise<number> {
  await mkdir(dirname(join(outDir, file)), { recursive: true });
  for (const entry of await readdir(inDir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.json') && inDir !== outDir) await copyFile(join(inDir, entry.name), join(outDir, entry.name));
  }
  const bytes = encodeModel(model);
  await writeFile(join(outDir, file), bytes);
  return bytes.byteLength;
}
