/**
 * `loadModel()`: the one place where a GPT-2 is put together from its parts. `model/` reads the
 * files (stores, caches, progress) and opens the decoder; `tokenizer/` builds the tokenizer; this
 * file checks that the parts belong together and hands back a `Gpt2Model`.
 */
import { ModelFormatError, throwIfAborted } from '../errors/cowrite-error.ts';
import { trackLoad } from '../model/availability.ts';
import { parseGpt2Config } from '../model/config.ts';
import { type LoadProgress, downloadModelFiles } from '../model/download-files.ts';
import { type ModelDtype, candidateModelFiles } from '../model/dtype.ts';
import { type StoreOptions, openStore } from '../model/open-store.ts';
import { openDecoder } from '../model/open-decoder.ts';
import type { RuntimeOptions } from '../model/ort-runtime.ts';
import { Gpt2Tokenizer } from '../tokenizer/gpt2-tokenizer.ts';
import { Gpt2Model } from './gpt2-model.ts';

/** Options of `loadModel`: where the files come from (`StoreOptions`), how they run (`RuntimeOptions`) and which weights to load. */
export interface LoadModelOptions extends RuntimeOptions, StoreOptions {
  /** Weight precision; picks `onnx/model{suffix}.onnx` (or the legacy merged file). Default `fp32`. */
  dtype?: ModelDtype;
  /** Overrides the ONNX file, relative to the model root (e.g. a merchant's own `onnx/custom.onnx`). */
  modelFile?: string;
  /** Cancels loading (downloads included); the promise rejects with a DOMException named `AbortError`. */
  signal?: AbortSignal;
  /** Called as files download, when onnxruntime compiles the model and once it is ready. */
  onProgress?: (progress: LoadProgress) => void;
}

/**
 * Loads a GPT-2 in the hub layout (config.json, generation_config.json,
 * tokenizer.json, tokenizer_config.json, onnx/*.onnx) from a URL, a hub
 * repository, a local directory (Node) or in-memory files. Downloads are cached
 * (Cache API by default in browsers), verified, retried and resumed.
 */
export async function loadModel(options: LoadModelOptions): Promise<Gpt2Model> {
  const dtype = options.dtype ?? 'fp32';
  const store = openStore(options);
  return trackLoad(store, dtype, options.modelFile, async () => {
    const candidates = options.modelFile ? [options.modelFile] : candidateModelFiles(dtype);
    const download = await downloadModelFiles(store, { dtype, candidates, modelFile: options.modelFile, signal: options.signal, onProgress: options.onProgress });
    try {
      const config = parseGpt2Config(download.json('config.json') ?? {}, download.json('generation_config.json') ?? {});
      const tokenizer = new Gpt2Tokenizer(download.json('tokenizer.json') ?? {}, download.json('tokenizer_config.json') ?? {});
      checkTokenizer(tokenizer, config.vocabSize, config.eosTokenIds);
      throwIfAborted(options.signal);
      download.progress('compile');
      const { decoder, runtime } = await openDecoder(download.contents, download.modelFile, config, options);
      const model = new Gpt2Model({
        config,
        tokenizer,
        decoder,
        info: { location: store.location, file: download.modelFile, dtype, layout: decoder.layout, lastPositionLogits: decoder.lastPositionLogits, runtime },
      });
      // Proven usable (JSON parsed, session created, shapes match): only now may the downloads persist.
      await download.complete();
      return model;
    } catch (error) {
      await download.discard(error);
      throw error;
    }
  });
}

/** A tokenizer from another model produces ids the embedding table does not have. */
function checkTokenizer(tokenizer: Gpt2Tokenizer, vocabSize: number, eosIds: readonly number[]): void {
  if (tokenizer.maxTokenId >= vocabSize) {
    throw new ModelFormatError('TOKENIZER_MISMATCH', 'tokenizer.json', `tokenizer.json has token ids up to ${tokenizer.maxTokenId}, but the model's vocab_size is ${vocabSize}: the tokenizer belongs to another model.`);
  }
  for (const id of eosIds) {
    if (id > tokenizer.maxTokenId) {
      throw new ModelFormatError('TOKENIZER_MISMATCH', 'tokenizer.json', `The model's eos_token_id ${id} is not in tokenizer.json (max id ${tokenizer.maxTokenId}): the tokenizer belongs to another model.`);
    }
  }
}
