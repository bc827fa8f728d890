import { ModelFormatError } from '../errors/cowrite-error.ts';

/**
 * The packed phrase-model file (`*.cwpm`), gzip-compressed as a whole:
 *
 *   "CWPM" · u32 version · u32 header length · header JSON (UTF-8) · sections
 *
 * Each section is `u32 byte length · bytes`, in this order: the vocabulary (UTF-8 pieces joined by
 * "\n", ids 2…), then per trie level 1…order: child counts (LEB128, levels below the top), word ids
 * (LEB128 deltas from the previous sibling; absent on level 1, whose ids are its positions),
 * log-probability codes (u8) and back-off codes (u8, levels below the top). Codes index the
 * level's 256-entry codebooks in the header. The trie is sorted (parent position, word id), so a
 * context is found by one binary search per word.
 */
export const PACKED_MAGIC = 'CWPM';
export const PACKED_VERSION = 1;

/** Word-piece id that marks where a line (a review) begins and ends; generation stops on it. */
export const BOUNDARY_ID = 0;
/** Word-piece id of every piece outside the vocabulary; never predicted. */
export const UNKNOWN_ID = 1;

/** What a phrase model says about itself (the file header). Stored with the model, not in code. */
export interface PhraseModelHeader {
  /** Always `'cowrite-phrase-model'`: a file whose header says otherwise is rejected as `MODEL_CORRUPT`. */
  format: 'cowrite-phrase-model';
  /** The model's name (e.g. `review-phrases-en`); becomes `profile.name`. */
  name: string;
  /** BCP 47 primary language subtags the model writes (e.g. `["en"]`). */
  languages: string[];
  /** Longest n-gram (4 = three words of context). */
  order: number;
  /** Word pieces in the vocabulary, the boundary and unknown markers (ids 0 and 1) included. */
  vocabSize: number;
  /** Entries per trie level, level 1 first. */
  levelSizes: number[];
  /** Per level: 256 natural-log probabilities that the codes stand for. */
  logProbCodebooks: number[][];
  /** Per level below the top: 256 natural-log back-off weights. */
  backoffCodebooks: number[][];
  /**
   * Calibrated on the co-writing benchmark: show ghost text only at or above this confidence —
   * `minConfidence` while a word is being typed (completions), `minConfidenceNextWord` when the draft
   * ends between words (the next word is a guess, not a completion; absent = `minConfidence`);
   * `minExtensionConfidence`: the suggestion grows by a word only while it stays this likely as a whole.
   */
  ghost: { minConfidence: number; minConfidenceNextWord?: number; minExtensionConfidence?: number; calibration?: string };
  /** Weights of the review's own words mixed into the n-gram (see word-cache.ts); absent = none. */
  cache?: { unigram: number; bigram: number };
  /** Where the model came from and what it may be used for (see the model card). */
  card: {
    smoothing: string;
    trainingSources: string[];
    heldOutSources: string[];
    licences: string;
    tokens: number;
    reviews: number;
  };
}

export interface PackedLevel {
  /** Word id of each entry (level 1: the entry's position). */
  words: Uint16Array;
  logProbCodes: Uint8Array;
  /** Levels below the top: first child position on the next level; length = entries + 1. */
  childStart?: Uint32Array;
  backoffCodes?: Uint8Array;
}

export interface PackedModel {
  header: PhraseModelHeader;
  /** Piece text per id (ids 0 and 1 are the boundary and unknown markers). */
  vocab: string[];
  levels: PackedLevel[];
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** Undoes the file's gzip layer unless a server already did (Content-Encoding) — the magic tells. */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== GZIP_MAGIC_0 || bytes[1] !== GZIP_MAGIC_1) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

class Reader {
  offset = 0;
  readonly view: DataView;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u32(): number {
    if (this.offset + 4 > this.bytes.length) corrupt('the file ends early');
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }
  section(): Uint8Array {
    const length = this.u32();
    if (this.offset + length > this.bytes.length) corrupt('a section runs past the end');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
}

function corrupt(why: string): never {
  throw new ModelFormatError('MODEL_CORRUPT', 'phrase model', `The phrase model file is not usable: ${why}.`);
}

/** Reads `count` unsigned LEB128 numbers. */
function readVarints(bytes: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length) corrupt('a number list ends early');
      const byte = bytes[at++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    out[i] = value;
  }
  return out;
}

/** Parses an uncompressed packed model. */
export function readPackedModel(bytes: Uint8Array): PackedModel {
  const reader = new Reader(bytes);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== PACKED_MAGIC) corrupt('it does not start with "CWPM"');
  reader.offset = 4;
  const version = reader.u32();
  if (version !== PACKED_VERSION) corrupt(`format version ${version} is not ${PACKED_VERSION}`);
  const decoder = new TextDecoder();
  let header: PhraseModelHeader;
  try {
    header = JSON.parse(decoder.decode(reader.section())) as PhraseModelHeader;
  } catch {
    corrupt('its header is not JSON');
  }
  if (header.format !== 'cowrite-phrase-model' || !Array.isArray(header.levelSizes) || header.levelSizes.length !== header.order) corrupt('its header is incomplete');
  const vocab = ['\n', '', ...decoder.decode(reader.section()).split('\n')];
  if (vocab.length !== header.vocabSize) corrupt(`it lists ${vocab.length} pieces, not ${header.vocabSize}`);
  const levels: PackedLevel[] = [];
  for (let n = 1; n <= header.order; n++) {
    const size = header.levelSizes[n - 1] as number;
    const top = n === header.order;
    let childStart: Uint32Array | undefined;
    if (!top) {
      const counts = readVarints(reader.section(), size);
      childStart = new Uint32Array(size + 1);
      for (let i = 0; i < size; i++) childStart[i + 1] = (childStart[i] as number) + (counts[i] as number);
      if (childStart[size] !== header.levelSizes[n]) corrupt(`level ${n} has the wrong number of children`);
    }
    let words: Uint16Array;
    if (n === 1) {
      words = new Uint16Array(size);
      for (let i = 0; i < size; i++) words[i] = i;
    } else {
      const deltas = readVarints(reader.section(), size);
      words = new Uint16Array(size);
      const parentStart = levels[n - 2]?.childStart as Uint32Array;
      let parent = 0;
      for (let i = 0; i < size; i++) {
        // A new sibling group restarts the deltas.
        while ((parentStart[parent + 1] as number) <= i) parent++;
        const first = i === parentStart[parent];
        words[i] = (first ? 0 : (words[i - 1] as number)) + (deltas[i] as number);
      }
    }
    const logProbCodes = reader.section();
    if (logProbCodes.length !== size) corrupt(`level ${n} has ${logProbCodes.length} probabilities for ${size} entries`);
    const level: PackedLevel = { words, logProbCodes };
    if (!top) {
      level.childStart = childStart;
      level.backoffCodes = reader.section();
      if (level.backoffCodes.length !== size) corrupt(`level ${n} has the wrong number of back-off weights`);
    }
    levels.push(level);
  }
  return { header, vocab, levels };
}
