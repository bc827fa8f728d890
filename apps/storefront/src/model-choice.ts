import { suggestionTier } from '@cowrite/core';
import type { DeviceHints, ModelDtype, ModelSource } from '@cowrite/core';

/** Where the demo's model comes from: GPT-2 (hub, local test model, self-hosted) or the built-in phrase model. */
export interface ModelChoice {
  kind: 'hub' | 'local' | 'custom' | 'phrase';
  source: ModelSource;
  dtype: ModelDtype;
  /** Shown to the shopper next to the model status. */
  label: string;
}

export const HUB_REPO = 'Xenova/gpt2';
/** The generated test model, served by the dev server from test/fixtures/models (see vite/serve-models.ts). */
export const LOCAL_MODEL_URL = '/models/tiny-gpt2/';

const DTYPES: readonly ModelDtype[] = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'];

function parseDtype(value: string | null | undefined): ModelDtype {
  return DTYPES.find((dtype) => dtype === value) ?? 'q8';
}

/** The review phrase model that ships in @cowrite/core: real shopper phrases, offline, ~3 MB. */
export function phraseChoice(why?: string): ModelChoice {
  return { kind: 'phrase', source: 'phrase', dtype: 'fp32', label: `Built-in review phrase model (offline${why ? `: ${why}` : ''})` };
}

export function localChoice(): ModelChoice {
  return { kind: 'local', source: LOCAL_MODEL_URL, dtype: 'q8', label: 'Local test model (tiny GPT-2, random weights)' };
}

/**
 * Reads the model from the page URL, then the build-time environment, else the device's tier (the
 * phrase model on data saver, 3G or < 4 GiB RAM), else the hub: `?model=phrase` (the built-in phrase
 * model), `?model=local` (the test model), `?model=https://cdn.example.com/gpt2/` or `?model=/models/gpt2/`
 * (a self-hosted hub-layout copy), `?hub=owner/repo`, `?dtype=fp32`; `VITE_COWRITE_MODEL`,
 * `VITE_COWRITE_DTYPE` and `VITE_COWRITE_HUB_HOST` (a hub mirror) do the same at build time.
 */
export function chooseModel(search: string, env: Record<string, string | undefined>, hints?: DeviceHints): ModelChoice {
  const params = new URLSearchParams(search);
  const model = params.get('model') ?? env.VITE_COWRITE_MODEL;
  const dtype = parseDtype(params.get('dtype') ?? env.VITE_COWRITE_DTYPE);
  if (model === 'phrase') return phraseChoice();
  if (model === undefined || model === null || model === '') {
    const tier = suggestionTier(hints);
    if (tier.tier === 'phrase' && !params.has('hub')) return phraseChoice(tier.reason);
  }
  if (model === 'local') return { ...localChoice(), dtype: params.has('dtype') ? dtype : 'q8' };
  if (model) return { kind: 'custom', source: model, dtype, label: `Self-hosted GPT-2 (${model})` };
  const hub = params.get('hub') ?? HUB_REPO;
  const host = env.VITE_COWRITE_HUB_HOST;
  return { kind: 'hub', source: host ? { hub, host } : { hub }, dtype, label: `GPT-2 from the Hugging Face hub (${hub}, ${dtype})` };
}
