/**
 * Benchmark page: a `<cw-review-composer>` on the real engine. It timestamps every key
 * event and every rendered ghost text; the driver (tools/bench/ghost-latency.ts) types.
 * URL parameters: `model` (folder URL), `dtype`, `mode` (`worker` | `in-page`), `debounce`, `quick` (a phrase
 * model URL: the composer's `quickEngine` next to GPT-2, as the demo runs it).
 */
import '@cowrite/elements/review-composer/define';
import type { CwReviewComposer } from '@cowrite/elements';
import { getEngineChannel, getSharedEngine, loadModel, loadPhraseModel } from '@cowrite/core';
import type { GenerationOptions, GenerationResult, ModelDtype, Prompt, TextGenerator } from '@cowrite/core';

export interface GhostEvent {
  /** Index of the key event (in typing order) the ghost text answers. */
  key: number;
  latencyMs: number;
  suggestion: string;
}

export interface EngineCall {
  promptTokens: number;
  cachedPromptTokens: number;
  newTokens: number;
  ms: number;
}

export interface BenchState {
  ready: boolean;
  error?: string;
  loadMs: number;
  backend?: string;
  threads?: number;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  keys: number[];
  ghosts: GhostEvent[];
  /** First visible ghost text (its first word, while a streaming suggestion grows) per key. */
  firstWords: GhostEvent[];
  calls: EngineCall[];
  /** Engine requests started, aborted ones included: what typing costs the CPU. */
  started: number;
}

const params = new URLSearchParams(location.search);
const state: BenchState = {
  ready: false,
  loadMs: 0,
  crossOriginIsolated,
  hardwareConcurrency: navigator.hardwareConcurrency,
  keys: [],
  ghosts: [],
  firstWords: [],
  calls: [],
  started: 0,
};
(globalThis as { bench?: BenchState }).bench = state;

/** Records what each completed request (generate or stream) cost and how much of its prompt the KV cache covered. */
function recording(engine: TextGenerator): TextGenerator {
  return {
    tokenizer: engine.tokenizer,
    contextLength: engine.contextLength,
    ...(engine.profile ? { profile: engine.profile } : {}),
    async generate(prompt: Prompt, options?: GenerationOptions): Promise<GenerationResult> {
      state.started += 1;
      const start = performance.now();
      const result = await engine.generate(prompt, options);
      state.calls.push({
        promptTokens: result.promptTokens,
        cachedPromptTokens: result.cachedPromptTokens ?? 0,
        newTokens: result.tokenIds.length,
        ms: performance.now() - start,
      });
      return result;
    },
    // The composer streams ghost text: time each stream from the call to its last chunk.
    stream: (prompt: Prompt, options?: GenerationOptions) => {
      state.started += 1;
      const start = performance.now();
      const inner = engine.stream(prompt, options);
      return (async function* () {
        let newTokens = 0;
        let promptTokens = 0;
        let cachedPromptTokens = 0;
        const iterator = inner[Symbol.asyncIterator]();
        let complete = false;
        try {
          for (;;) {
            const step = await iterator.next();
            if (step.done) {
              const result = step.value as GenerationResult | undefined;
              promptTokens = result?.promptTokens ?? 0;
              cachedPromptTokens = result?.cachedPromptTokens ?? 0;
              complete = true;
              break;
            }
            newTokens += step.value.tokenIds.length;
            if (step.value.finishReason !== undefined || /[.!?]\s*$/.test(step.value.text)) complete = true;
            yield step.value;
          }
        } finally {
          await iterator.return?.(undefined);
          // A consumer that stopped reading without aborting (a suggestion that stopped growing) also completed it.
          if (!options?.signal?.aborted) complete = true;
          if (complete) state.calls.push({ promptTokens, cachedPromptTokens, newTokens, ms: performance.now() - start });
        }
      })();
    },
  };
}

async function start(): Promise<void> {
  const composer = document.getElementById('composer') as CwReviewComposer;
  composer.debounce = Number(params.get('debounce') ?? 150);
  const source = new URL(params.get('model') ?? '/models/tiny-gpt2/', location.href).href;
  const phrase = params.get('dtype') === 'phrase';
  const quick = params.get('quick');
  // The GPT-2 benchmark models have random weights: latency is measured without the confidence gate.
  // The phrase model keeps its calibrated gate (stored with it), as shoppers get it; next to a quick
  // phrase model, GPT-2's gate is opened through its profile so that the phrase model keeps its own.
  composer.minConfidence = phrase || quick ? undefined : 0;
  const dtype = (params.get('dtype') ?? 'fp32') as ModelDtype;
  const threads = params.get('threads') ? Number(params.get('threads')) : undefined;
  const begin = performance.now();
  let engine: TextGenerator;
  if (phrase) {
    engine = await loadPhraseModel({ url: source });
    state.backend = 'phrase model, on the page';
    state.threads = 1;
  } else if (params.get('mode') === 'in-page') {
    const model = await loadModel({ source, dtype, threads });
    state.backend = model.info.runtime.backend;
    state.threads = model.info.runtime.threads;
    engine = model;
  } else {
    const shared = await getSharedEngine({ source, dtype, cache: 'none', threads });
    state.backend = shared.info.runtime.backend;
    state.threads = shared.info.runtime.threads;
    engine = await getEngineChannel({ source, dtype, cache: 'none', threads });
  }
  state.loadMs = performance.now() - begin;
  if (quick) {
    composer.quickEngine = await loadPhraseModel({ url: new URL(quick, location.href).href });
    engine = { ...recording(engine), profile: { kind: 'gpt2', name: 'benchmark GPT-2 (random weights)', minConfidence: 0 } };
    composer.engine = engine;
  } else {
    composer.engine = recording(engine);
  }
  await composer.updateComplete;

  // Capture phase on the page: the time the browser stamped on the key event (input delay included).
  addEventListener('keydown', (event) => state.keys.push(event.timeStamp), { capture: true });
  composer.addEventListener('cw-suggestion-show', (event) => {
    const key = state.keys.length - 1;
    const { suggestion } = (event as CustomEvent<{ suggestion: string }>).detail;
    // Rendered = Lit committed the ghost span and the next frame was produced.
    void composer.updateComplete.then(() =>
      requestAnimationFrame(() => {
        state.ghosts.push({ key, latencyMs: performance.now() - state.keys[key], suggestion });
      }),
    );
  });
  // First visible word: the ghost span gets new text (not the rest of the old one, which typing through leaves).
  let previous = '';
  let lastFirstKey = -1;
  new MutationObserver(() => {
    const text = composer.shadowRoot?.querySelector('[part=ghost]')?.textContent ?? '';
    const key = state.keys.length - 1;
    const fresh = text.trim().length > 0 && !previous.endsWith(text);
    previous = text;
    if (!fresh || key === lastFirstKey || key < 0) return;
    lastFirstKey = key;
    requestAnimationFrame(() => state.firstWords.push({ key, latencyMs: performance.now() - (state.keys[key] as number), suggestion: text }));
  }).observe(composer.shadowRoot as ShadowRoot, { subtree: true, childList: true, characterData: true });
  composer.focus();
  state.ready = true;
}

start().catch((error: unknown) => {
  state.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
});
