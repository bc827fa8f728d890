/**
 * Seeded random GPT-2 weights with Hugging Face GPT-2 semantics (Conv1D weights are
 * [in, out], so y = x·W + b; lm_head is tied to wte). Same config → same numbers, on every host.
 */
import { seededRandom } from '../shared/seeded-random.ts';

export interface Gpt2Config {
  nLayer: number;
  nHead: number;
  nEmbd: number;
  vocabSize: number;
  nPositions: number;
  seed: number;
}

export const GPT2_DEFAULTS = { vocabSize: 50257, nPositions: 1024, seed: 42 } as const;
export const LAYER_NORM_EPSILON = 1e-5;
/** GPT-2's initializer_range. */
const INIT_STD = 0.02;

export interface Gpt2LayerWeights {
  ln1Gamma: Float32Array; // [embd]
  ln1Beta: Float32Array; // [embd]
  attnW: Float32Array; // c_attn [embd, 3*embd]: q | k | v along the output axis
  attnB: Float32Array; // [3*embd]
  attnProjW: Float32Array; // [embd, embd]
  attnProjB: Float32Array; // [embd]
  ln2Gamma: Float32Array;
  ln2Beta: Float32Array;
  fcW: Float32Array; // [embd, 4*embd]
  fcB: Float32Array; // [4*embd]
  mlpProjW: Float32Array; // [4*embd, embd]
  mlpProjB: Float32Array; // [embd]
}

export interface Gpt2Weights {
  config: Gpt2Config;
  wte: Float32Array; // [vocab, embd]; also the (tied) lm_head
  wpe: Float32Array; // [nPositions, embd]
  layers: Gpt2LayerWeights[];
  lnFGamma: Float32Array;
  lnFBeta: Float32Array;
}

/** Standard normal samples via Box-Muller (both values of each pair are used). */
function normalSampler(seed: number): () => number {
  const uniform = seededRandom(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const u1 = 1 - uniform(); // (0, 1]: log stays finite
    const u2 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
}

export function validateConfig(config: Gpt2Config): void {
  const { nLayer, nHead, nEmbd, vocabSize, nPositions } = config;
  for (const [key, value] of Object.entries({ nLayer, nHead, nEmbd, vocabSize, nPositions })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`GPT-2 config: ${key} must be a positive integer, got ${value}`);
  }
  if (nEmbd % nHead !== 0) throw new Error(`GPT-2 config: hidden size ${nEmbd} is not divisible by ${nHead} heads`);
}

export function randomGpt2Weights(config: Gpt2Config): Gpt2Weights {
  validateConfig(config);
  const normal = normalSampler(config.seed);
  const fill = (length: number, mean: number, std: number): Float32Array => {
    const out = new Float32Array(length);
    for (let i = 0; i < length; i++) out[i] = mean + std * normal();
    return out;
  };
  const e = config.nEmbd;
  // LayerNorm parameters get visible noise so that swapped gamma/beta or a skipped norm shows in tests.
  const gamma = () => fill(e, 1, 0.1);
  const beta = () => fill(e, 0, 0.02);
  const wte = fill(config.vocabSize * e, 0, INIT_STD);
  const wpe = fill(config.nPositions * e, 0, INIT_STD / 2);
  const layers: Gpt2LayerWeights[] = [];
  for (let l = 0; l < config.nLayer; l++) {
    layers.push({
      ln1Gamma: gamma(),
      ln1Beta: beta(),
      attnW: fill(e * 3 * e, 0, INIT_STD),
      attnB: fill(3 * e, 0, INIT_STD),
      attnProjW: fill(e * e, 0, INIT_STD),
      attnProjB: fill(e, 0, INIT_STD),
      ln2Gamma: gamma(),
      ln2Beta: beta(),
      fcW: fill(e * 4 * e, 0, INIT_STD),
      fcB: fill(4 * e, 0, INIT_STD),
      mlpProjW: fill(4 * e * e, 0, INIT_STD),
      mlpProjB: fill(e, 0, INIT_STD),
    });
  }
  return { config, wte, wpe, layers, lnFGamma: gamma(), lnFBeta: beta() };
}
