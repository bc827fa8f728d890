/**
 * Every element against the real engine (onnxruntime-web WASM) with the tiny test model.
 * Its weights are random, so the text is word salad: these tests check behaviour
 * (ghost text appears and Tab inserts it, candidates stream and can be accepted, refine
 * answers, the summary renders, status goes loading → ready), never content.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/define';
import type { CwEngineProvider, CwFeedbackSummary, CwIdeaForm, CwModelStatus, CwReviewComposer, CwSuggestedCopy } from '@cowrite/elements';
import { disposeSharedEngines, getEngineChannel, loadModel } from '@cowrite/core';
import type { Gpt2Model, GenerationOptions, GenerationResult, Prompt, TextGenerator } from '@cowrite/core';
import { cleanup, mount, mountElement, recordEvents, shadow } from './helpers.ts';

const TINY = '/test/fixtures/models/tiny-gpt2/';

/** The model plus a log of what each `generate` or `stream` call reused from the KV cache. */
function recording(model: Gpt2Model): { engine: TextGenerator; results: GenerationResult[] } {
  const results: GenerationResult[] = [];
  const engine: TextGenerator = {
    tokenizer: model.tokenizer,
    contextLength: model.contextLength,
    async generate(prompt: Prompt, options?: GenerationOptions) {
      const result = await model.generate(prompt, options);
      results.push(result);
      return result;
    },
    // The composer streams ghost text: record each stream that runs to its end.
    stream: (prompt: Prompt, options?: GenerationOptions) => {
      const inner = model.stream(prompt, options);
      return (async function* () {
        const result = yield* inner;
        results.push(result);
        return result;
      })();
    },
  };
  return { engine, results };
}

let model: Gpt2Model;

beforeAll(async () => {
  model = await loadModel({ source: TINY });
});

afterAll(async () => {
  await model.dispose();
});

afterEach(async () => {
  cleanup();
  // Shared engines are per page and model: start each test from a cold load.
  await disposeSharedEngines();
});

const ghost = (element: CwReviewComposer) => shadow(element, '[part=ghost]').textContent ?? '';

describe('real engine (tiny GPT-2)', () => {
  it('<cw-review-composer>: ghost text appears after typing, reuses the KV prefix, and Tab inserts it into the form value', async () => {
    const { engine, results } = recording(model);
    const container = mount('<form><cw-review-composer name="review" debounce="0" min-confidence="0" no-autosave></cw-review-composer></form>');
    const form = container.querySelector('form') as HTMLFormElement;
    const element = container.querySelector('cw-review-composer') as CwReviewComposer;
    element.engine = engine;
    await element.updateComplete;
    const shown = recordEvents<{ suggestion: string }>(element, 'cw-suggestion-show');
    const accepted = recordEvents<{ text: string }>(element, 'cw-suggestion-accept');
    const textarea = shadow<HTMLTextAreaElement>(element, 'textarea');
    await userEvent.click(textarea);
    await userEvent.keyboard('I bought this jacket for my trip and the');
    await expect.poll(() => ghost(element).trim().length, { timeout: 15_000 }).toBeGreaterThan(1);
    // Ghost text streams in; its show event comes when it is complete: wait for that, then they agree.
    await expect.poll(() => shown.at(-1)?.suggestion === ghost(element), { timeout: 15_000 }).toBe(true);
    const suggestion = ghost(element);
    expect(shown.at(-1)?.suggestion).toBe(suggestion);
    expect(shadow(element, '[role=status]').textContent).toContain(suggestion.trim());
    // Ghost text is not part of the value until accepted.
    expect(new FormData(form).get('review')).toBe('I bought this jacket for my trip and the');
    // Keystrokes after the first request share the prompt's head (template + earlier draft).
    const completed = results.filter((result) => result.promptTokens > 0);
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.some((result) => (result.cachedPromptTokens ?? 0) > 0)).toBe(true);
    await userEvent.keyboard('{Tab}');
    expect(accepted.at(-1)?.text).toBe(suggestion);
    expect(element.value).toBe(`I bought this jacket for my trip and the${suggestion}`);
    expect(new FormData(form).get('review')).toBe(element.value);
  });

  it('<cw-review-composer>: at the default min-confidence, the random model\'s improbable ghost text is not shown', async () => {
    const { engine, results } = recording(model);
    const container = mount('<form><cw-review-composer name="review" debounce="0" no-autosave></cw-review-composer></form>');
    const element = container.querySelector('cw-review-composer') as CwReviewComposer;
    element.engine = engine;
    await element.updateComplete;
    await userEvent.click(shadow<HTMLTextAreaElement>(element, 'textarea'));
    await userEvent.keyboard('I bought this jacket for my trip and the');
    // Wait for a completed ghost request with text: the model answered, the gate held it back.
    await expect.poll(() => results.filter((r) => (r.logprobs?.length ?? 0) > 0).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const answered = results.filter((r) => r.logprobs?.length);
    // Confidence is the first word's probability; GPT-2 has no calibrated threshold, so the fallback 0.2 applies.
    const firstToken = Math.exp(answered[0].logprobs![0]!);
    expect(element.minConfidence).toBeUndefined();
    expect(firstToken).toBeLessThan(0.2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(element.suggestion).toBe('');
    expect(ghost(element).trim()).toBe('');
  });

  it('<cw-suggested-copy> through a Worker engine: candidates fill in, empty ones are explained, one is accepted into the form', async () => {
    const engine = await getEngineChannel({ source: TINY, mode: 'worker' });
    const container = mount(`<form><cw-suggested-copy name="copy" count="2" length="short">
      <script type="application/json">{"name": "Alpine Jacket", "materials": ["merino wool"], "audience": "hikers"}</script>
    </cw-suggested-copy></form>`);
    const form = container.querySelector('form') as HTMLFormElement;
    const element = container.querySelector('cw-suggested-copy') as CwSuggestedCopy;
    element.engine = engine;
    await element.updateComplete;
    const statuses = new Set<string>();
    const watcher = setInterval(() => element.candidates.forEach((candidate) => statuses.add(candidate.status)), 1);
    await userEvent.click(shadow(element, '[part=generate-button]'));
    const settled = () => element.candidates.map((candidate) => candidate.status !== 'streaming');
    await expect.poll(settled, { timeout: 30_000 }).toEqual([true, true]);
    clearInterval(watcher);
    await element.updateComplete;
    expect(statuses.has('streaming')).toBe(true);
    // Descriptions keep complete sentences only; random weights rarely end one, so a candidate
    // may be empty, and then it must say why rather than show a blank card.
    for (const [index, candidate] of element.candidates.entries()) {
      const card = element.shadowRoot!.querySelectorAll('[part=candidate]')[index];
      if (candidate.text) expect(candidate.status).toBe('done');
      else expect(card.querySelector('.error')?.textContent).toContain('Regenerate');
    }
    // Headlines are one line and survive clean-up: accept one into the form.
    element.kind = 'headline';
    await element.updateComplete;
    const accepted = recordEvents<{ text: string; index: number }>(element, 'cw-copy-accept');
    await element.generate();
    await element.updateComplete;
    expect(element.candidates.map((candidate) => candidate.status)).toEqual(['done', 'done']);
    const index = element.candidates.findIndex((candidate) => candidate.text.trim().length > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const accept = element.shadowRoot!.querySelectorAll('[part=candidate]')[index].querySelector<HTMLButtonElement>('[part=actions] button')!;
    await userEvent.click(accept);
    await element.updateComplete;
    expect(accept.getAttribute('aria-pressed')).toBe('true');
    expect(accepted).toEqual([expect.objectContaining({ text: element.candidates[index].text, index })]);
    expect(new FormData(form).get('copy')).toBe(element.candidates[index].text);
  });

  it('<cw-idea-form>: refine with AI gives a comparison or an explained error', async () => {
    const element = await mountElement<CwIdeaForm>('<form><cw-idea-form name="idea"></cw-idea-form></form>', 'cw-idea-form', model);
    await userEvent.click(shadow(element, '[part=title-input]'));
    await userEvent.keyboard('Jacket with a hood that packs away');
    await userEvent.click(shadow(element, '[part=description-input]'));
    await userEvent.keyboard('The hood flaps in the wind when I do not need it.');
    await userEvent.click(shadow(element, '[part=refine-button]'));
    await expect
      .poll(() => element.shadowRoot!.querySelector('[part=comparison], [role=alert]'), { timeout: 30_000 })
      .not.toBeNull();
    const comparison = element.shadowRoot!.querySelector('[part=comparison]');
    if (comparison) {
      // Both versions are shown side by side; the original stays the value until picked.
      expect(comparison.textContent).toContain('Jacket with a hood that packs away');
      expect(element.value).toBe('Jacket with a hood that packs away');
    } else {
      expect(shadow(element, '[role=alert]').textContent!.trim().length).toBeGreaterThan(10);
    }
    expect(shadow<HTMLButtonElement>(element, '[part=refine-button]').disabled).toBe(false);
  });

  it('<cw-feedback-summary>: summarizes reviews co-written with the model inside a provider', async () => {
    const openings = ['Great jacket, the quality is', 'Shipping was slow and the box', 'The fit is perfect and', 'Terrible zipper, it broke and', 'Warm and comfortable, the sleeves', 'Nice colour but the price'];
    const reviews = [];
    for (const [index, opening] of openings.entries()) {
      const { text } = await model.generate(opening, { maxNewTokens: 8 });
      reviews.push({ id: `r${index}`, text: `${opening}${text}`, rating: index % 2 ? 2 : 5 });
    }
    const container = mount('<cw-engine-provider><cw-feedback-summary min-count="5"></cw-feedback-summary></cw-engine-provider>');
    const provider = container.querySelector('cw-engine-provider') as CwEngineProvider;
    provider.engine = model;
    const element = container.querySelector('cw-feedback-summary') as CwFeedbackSummary;
    const ready = recordEvents(element, 'cw-summary-ready');
    element.reviews = reviews;
    await element.updateComplete;
    await element.summaryComplete;
    await element.updateComplete;
    expect(ready).toHaveLength(1);
    const { distribution, count } = element.summary!;
    expect(count).toBe(6);
    expect(distribution.positive + distribution.neutral + distribution.negative).toBe(6);
    expect(distribution.positive).toBeGreaterThan(0);
    expect(distribution.negative).toBeGreaterThan(0);
    expect(shadow(element, '.legend').textContent).toMatch(/Positive: \d+%/);
  });

  it('<cw-model-status>: shows download progress, then ready with the wasm backend', async () => {
    const container = mount(`<cw-engine-provider src="${TINY}"><cw-model-status></cw-model-status></cw-engine-provider>`);
    const provider = container.querySelector('cw-engine-provider') as CwEngineProvider;
    const status = container.querySelector('cw-model-status') as CwModelStatus;
    const seen: { status: string; loaded?: number; total?: number; label: string }[] = [];
    // Rendered labels, sampled as the status element re-renders.
    const observer = new MutationObserver(() => {
      const source = provider.engineSource;
      seen.push({ status: source.status, loaded: source.progress?.loaded, total: source.progress?.total, label: shadow(status, '[part=label]').textContent ?? '' });
    });
    await status.updateComplete;
    observer.observe(status.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await expect.poll(() => status.status, { timeout: 30_000 }).toBe('ready');
    await status.updateComplete;
    observer.disconnect();
    const loading = seen.filter((each) => each.status === 'loading');
    expect(loading.length).toBeGreaterThan(0);
    const measured = loading.filter((each) => each.total !== undefined);
    expect(measured.length).toBeGreaterThan(0);
    // Overall bytes over overall size: never past 100 %, never going backwards.
    for (const each of measured) expect(each.loaded!).toBeLessThanOrEqual(each.total!);
    // One overall size (every file), bigger than the ONNX weights alone.
    expect(new Set(measured.map((each) => each.total)).size).toBe(1);
    expect(measured[0].total!).toBeGreaterThan(1_000_000);
    const percents = loading.map((each) => Number(/(\d+)\s*%/.exec(each.label)?.[1])).filter((n) => !Number.isNaN(n));
    expect(percents.length).toBeGreaterThan(0);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(shadow(status, '[part=backend]').textContent).toContain('wasm');
    expect(shadow(status, '[part=label]').textContent!.trim().length).toBeGreaterThan(0);
    expect(provider.engineSource.engine).toBeDefined();
  });

  it('<cw-engine-provider mode>: `in-process` (and its earlier name `in-page`) runs the model on the page, the default in a Worker', async () => {
    const { Gpt2Model, WorkerEngine, disposeSharedEngines } = await import('@cowrite/core');
    const placement = async (mode: string) => {
      // One shared engine per model and page: start each placement from none.
      await disposeSharedEngines();
      const container = mount(`<cw-engine-provider src="${TINY}" ${mode ? `mode="${mode}"` : ''}></cw-engine-provider>`);
      const provider = container.querySelector('cw-engine-provider') as CwEngineProvider;
      await expect.poll(() => provider.engineSource.status, { timeout: 30_000 }).toBe('ready');
      const engine = provider.engineSource.engine;
      container.remove();
      return engine;
    };
    expect(await placement('in-process')).toBeInstanceOf(Gpt2Model);
    expect(await placement('in-page')).toBeInstanceOf(Gpt2Model);
    expect(await placement('')).toBeInstanceOf(WorkerEngine);
    await disposeSharedEngines();
  });
});
