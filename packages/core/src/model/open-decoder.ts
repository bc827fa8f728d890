/**
 * Turns a downloaded ONNX file into a working decoder: creates the onnxruntime session (and lets
 * go of the JS copy of the bytes), names a blocked WebAssembly compile as such, and checks that
 * `config.json` fits the graph.
 */
import { CowriteError, ModelFormatError, throwIfAborted } from '../errors/cowrite-error.ts';
import type { Gpt2Config } from './config.ts';
import { Gpt2Decoder } from './decoder.ts';
import { type RuntimeInfo, type RuntimeOptions, createSession } from './ort-runtime.ts';
import { wasmCompileBlockedReason } from './wasm-blocked.ts';

export interface OpenedDecoder {
  decoder: Gpt2Decoder;
  runtime: RuntimeInfo;
}

/**
 * Creates the session from the bytes in `contents[modelFile]` and deletes them from the map:
 * onnxruntime copies the model into its own heap, so holding the JS copy any longer only raises
 * the page's peak memory.
 */
export async function openDecoder(contents: Map<string, Uint8Array>, modelFile: string, config: Gpt2Config, options: RuntimeOptions & { signal?: AbortSignal }): Promise<OpenedDecoder> {
  const presentNames = Array.from({ length: config.numLayers }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat();
  const { session, module, runtime } = await openSession(contents, modelFile, options, presentNames);
  try {
    throwIfAborted(options.signal);
    const decoder = new Gpt2Decoder(session, module, config, modelFile);
    if (!decoder.shapeDeclared) await probeShapes(decoder, modelFile);
    return { decoder, runtime };
  } catch (error) {
    await session.release();
    throw error;
  }
}

async function openSession(contents: Map<string, Uint8Array>, modelFile: string, options: RuntimeOptions, presentNames: string[]) {
  const size = contents.get(modelFile)?.byteLength ?? 0;
  try {
    return await createSession(contents.get(modelFile) as Uint8Array, options, presentNames);
  } catch (error) {
    if (error instanceof CowriteError) throw error; // e.g. BACKEND_UNAVAILABLE: not the file's fault
    const blocked = wasmCompileBlockedReason();
    if (blocked) {
      throw new CowriteError(
        'CSP_BLOCKED',
        `This page may not compile WebAssembly (${blocked}), so onnxruntime cannot run. Add 'wasm-unsafe-eval' to the page's Content-Security-Policy script-src (see the README's "Strict pages" section).`,
        { cause: error },
      );
    }
    throw new ModelFormatError('MODEL_CORRUPT', modelFile, `onnxruntime could not load ${modelFile} (${size} bytes): ${(error as Error).message}. The file is truncated or not an ONNX model; download it again.`, { cause: error });
  } finally {
    contents.delete(modelFile);
  }
}

/** A graph with symbolic head shapes: one step on an empty cache shows whether config.json fits it. */
async function probeShapes(decoder: Gpt2Decoder, modelFile: string): Promise<void> {
  try {
    await decoder.step([0], decoder.emptyCache());
  } catch (error) {
    if (error instanceof ModelFormatError) throw error;
    throw new ModelFormatError('CONFIG_MISMATCH', 'config.json', `config.json does not match ${modelFile}: a first decoding step failed (${(error as Error).message}). Use the config.json that came with this ONNX file.`, { cause: error });
  }
}
