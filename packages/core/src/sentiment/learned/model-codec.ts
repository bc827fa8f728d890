import type { Lang } from '../../contracts/language.ts';
import { ModelFormatError } from '../../errors/cowrite-error.ts';
import { LEXICON_SIGNALS } from './lexicon-signals.ts';
import type { LinearSentimentModel } from './linear-model.ts';

/**
 * Binary layout of a packed model (little-endian), shipped base64-encoded in a module:
 *   "CWSM" · version u8 · lang u8 (0 en, 1 zh) · bits u8 · flags u8 (bit 0: features count once per review)
 *   f32 × 6: scale, bias, slope, intercept, neutralBand, openingWeight; f32 × LEXICON_SIGNALS: lexiconWeights
 *   i8 × 2^bits: the weight table
 */
const MAGIC = 'CWSM';
const VERSION = 3;
const PRESENCE_FLAG = 1;
const HEADER_BYTES = 8 + (6 + LEXICON_SIGNALS) * 4;

export function encodeSentimentModel(model: LinearSentimentModel): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + model.weights.length);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < 4; index++) bytes[index] = MAGIC.charCodeAt(index);
  bytes[4] = VERSION;
  bytes[5] = model.lang === 'zh' ? 1 : 0;
  bytes[6] = model.bits;
  bytes[7] = model.presence ? PRESENCE_FLAG : 0;
  [model.scale, model.bias, model.slope, model.intercept, model.neutralBand, model.openingWeight, ...model.lexiconWeights].forEach((value, index) => view.setFloat32(8 + index * 4, value, true));
  bytes.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.length), HEADER_BYTES);
  return bytes;
}

export function decodeSentimentModel(bytes: Uint8Array): LinearSentimentModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (bytes.length < HEADER_BYTES || magic !== MAGIC || bytes[4] !== VERSION) throw new ModelFormatError('MODEL_CORRUPT', 'sentiment model', 'Not a Cowrite sentiment model (bad header).');
  const lang: Lang = bytes[5] === 1 ? 'zh' : 'en';
  const bits = bytes[6];
  if (bits < 8 || bits > 24 || bytes.length !== HEADER_BYTES + (1 << bits)) throw new ModelFormatError('MODEL_CORRUPT', 'sentiment model', 'Cowrite sentiment model has the wrong size for its table.');
  const read = (index: number): number => view.getFloat32(8 + index * 4, true);
  return {
    lang,
    bits,
    scale: read(0),
    bias: read(1),
    slope: read(2),
    intercept: read(3),
    neutralBand: read(4),
    presence: (bytes[7] & PRESENCE_FLAG) !== 0,
    openingWeight: read(5),
    lexiconWeights: Float32Array.from({ length: LEXICON_SIGNALS }, (_, index) => read(6 + index)),
    weights: new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, 1 << bits),
  };
}

/** base64 → bytes with the platform decoder (atob exists in browsers, Workers and Node ≥ 16). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
