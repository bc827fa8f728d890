import { InvalidArgumentError } from '../errors/cowrite-error.ts';

/** A weight precision of the hub's ONNX exports (the names transformers.js accepts). */
export type ModelDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'q4f16' | 'bnb4';

/**
 * Weight precisions, with the file-name suffixes the hub's ONNX exports use
 * (the same names transformers.js accepts). `q8` is onnxruntime's dynamic int8
 * quantization, published as `*_quantized.onnx`.
 */
export const DTYPE_SUFFIX: Readonly<Record<ModelDtype, string>> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
};

/** Current Optimum exports name the decoder `model`; older ones (e.g. distilgpt2) `decoder_model_merged`. */
const DECODER_BASENAMES = ['model', 'decoder_model_merged'] as const;

export function isModelDtype(value: unknown): value is ModelDtype {
  return typeof value === 'string' && Object.hasOwn(DTYPE_SUFFIX, value);
}

/**
 * The ONNX files `loadModel` tries for a dtype, in order: the current hub export name first, then the legacy one
 * (`onnx/model_quantized.onnx`, then `onnx/decoder_model_merged_quantized.onnx` for `q8`). Useful to check which
 * precisions a self-hosted folder offers, or which files to upload.
 *
 * @throws `InvalidArgumentError` `UNKNOWN_DTYPE` for a name that is not a {@link ModelDtype}.
 */
export function candidateModelFiles(dtype: ModelDtype | string): string[] {
  if (!isModelDtype(dtype)) {
    throw new InvalidArgumentError('UNKNOWN_DTYPE', 'dtype', `Unknown dtype "${dtype}". Use one of: ${Object.keys(DTYPE_SUFFIX).join(', ')}.`);
  }
  return DECODER_BASENAMES.map((base) => `onnx/${base}${DTYPE_SUFFIX[dtype]}.onnx`);
}
