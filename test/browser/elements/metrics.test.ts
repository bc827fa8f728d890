import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import '@cowrite/elements/define';
import { collectMetrics, experimentBucket, setExperiment } from '@cowrite/elements';
import type { CwIdeaForm, CwMetric, CwReviewComposer, CwSharePost, CwSuggestedCopy } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import schema from '@cowrite/elements/cw-metric.schema.json' with { type: 'json' };
import { cleanup, mount, shadow } from './helpers.ts';

afterEach(() => {
  cleanup();
  setExperiment(undefined);
});

/** Personal data a shopper might type: none of it may reach a metric. */
const NAME = 'Marisol Quintanilla';
const EMAIL = 'marisol.q@example.org';
const PHONE = '8675309';
const CARD = '4111111111111111';
// A five-digit house number: metrics carry times in ms (`at`, `visibleMs`), and a short number can equal one by chance.
const STREET = '31742 Evergreen Terrace';
const DRAFT = `I am ${NAME}, write to ${EMAIL} or call ${PHONE}. Card ${CARD}, ${STREET}. The fabric is`;
const SECRETS = ['Marisol', 'Quintanilla', EMAIL, 'example.org', PHONE, CARD, '31742', 'Evergreen', 'Terrace', 'fabric', 'soft and warm'];
const SECRET_NUMBERS = [8675309, 4111111111111111, 31742];

const engine = () =>
  new ScriptedEngine({
    script: [
      { when: 'The fabric is', reply: ' soft and warm. It washes well.' },
      { when: 'The fabric is soft and warm.', reply: ' Runs a little small.' },
      { when: 'My post:', reply: ` ${NAME} loves it: soft and warm. Mail ${EMAIL}.` },
      { when: (prompt) => prompt.includes('Rough idea:'), reply: ` Wide-fit boots\nProblem: Boots pinch ${NAME}.\nProposal: Wide sizes, mail ${EMAIL}.` },
    ],
    fallback: ' Soft merino, made to layer.',
  });

async function page(attributes = '') {
  const container = mount(`<div ${attributes}><form>
    <cw-review-composer name="review" debounce="0" product="Alpine Jacket"></cw-review-composer>
    <cw-share-post name="post" url="https://shop.example/p/1"></cw-share-post>
    <cw-suggested-copy name="copy" count="2"><script type="application/json">{"name": "Alpine Jacket"}</script></cw-suggested-copy>
  </form>
  <form id="ideas"><cw-idea-form name="idea"></cw-idea-form></form></div>`);
  const form = container.querySelector('form') as HTMLFormElement;
  container.querySelector('#ideas')?.addEventListener('submit', (event) => event.preventDefault());
  // Like most pages: handle the post, then clear the form (before the elements' own listeners were added).
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    form.reset();
  });
  container.addEventListener('click', (event) => {
    if ((event.composedPath()[0] as Element).localName === 'a') event.preventDefault();
  });
  const composer = container.querySelector('cw-review-composer') as CwReviewComposer;
  const share = container.querySelector('cw-share-post') as CwSharePost;
  const copy = container.querySelector('cw-suggested-copy') as CwSuggestedCopy;
  const idea = container.querySelector('cw-idea-form') as CwIdeaForm;
  idea.ideas = [{ id: 1, title: 'Wide boots for hiking', votes: 3 }];
  for (const element of [composer, share, copy, idea]) element.engine = engine();
  await Promise.all([composer.updateComplete, share.updateComplete, copy.updateComplete, idea.updateComplete]);
  return { form, composer, share, copy, idea };
}

const ghost = (composer: CwReviewComposer) => shadow(composer, '[part=ghost]').textContent;
let reviewLength = 0;

/** A whole co-writing session full of personal data: review with suggestions, guard, submit; share post; copy. */
async function session(attributes = ''): Promise<CwMetric[]> {
  const metrics: CwMetric[] = [];
  const stop = collectMetrics((metric) => metrics.push(metric));
  try {
    const { form, composer, share, copy, idea } = await page(attributes);
    const textarea = shadow<HTMLTextAreaElement>(composer, 'textarea');
    await userEvent.click(textarea);
    await userEvent.keyboard(DRAFT);
    await expect.poll(() => ghost(composer)).toBe(' soft and warm.');
    await userEvent.keyboard('{Control>}{ArrowRight}{/Control}');
    await userEvent.keyboard('{Tab}');
    // After an acceptance the next suggestion waits for the shopper to type (issue 13: Tab then leaves the field).
    await userEvent.keyboard(' ');
    await expect.poll(() => ghost(composer)).toMatch(/^ ?Runs a little small\.$/);
    await userEvent.keyboard('{Escape}');
    await userEvent.click(composer.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=topic]')[1]);
    await userEvent.click(shadow(composer, '[part=help-button]'));
    await expect.poll(() => ghost(composer)).not.toBe('');
    await userEvent.keyboard('{Escape}');
    form.requestSubmit();
    await composer.updateComplete;
    const review = composer.value;
    await userEvent.click(shadow(composer, '[part=guard] button:not(.primary)'));
    reviewLength = review.length;

    share.review = review;
    await share.write();
    await share.updateComplete;
    await userEvent.type(shadow(share, '[part~=editor]'), ` Call ${PHONE}.`);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => {} } });
    await userEvent.click(share.shadowRoot!.querySelector('[part~=actions] button')!);
    await userEvent.click(share.shadowRoot!.querySelector('[part~=network]')!);

    await copy.generate();
    await copy.updateComplete;
    const card = copy.shadowRoot!.querySelector('[part=candidate]')!;
    await userEvent.click(card.querySelector('button')!);
    await userEvent.click(card.querySelectorAll('button')[1]);
    await userEvent.type(card.querySelector('textarea')!, ` ${NAME} ${PHONE}`);
    await userEvent.click(textarea);

    await userEvent.click(shadow(idea, '[part=title-input]'));
    await userEvent.keyboard(`Wide boots for ${NAME}`);
    await expect.poll(() => idea.similarIdeas.length).toBe(1);
    await userEvent.click(shadow(idea, '[part=description-input]'));
    await userEvent.keyboard(`Mail ${EMAIL} or call ${PHONE}`);
    await userEvent.click(shadow(idea, '[part=refine-button]'));
    await expect.poll(() => idea.shadowRoot!.querySelector('[part=comparison]')).not.toBeNull();
    await userEvent.click(shadow(idea, '[part=comparison]').querySelectorAll('.suggested button')[0]);
    expect(idea.submit()).toBe(true);
    await Promise.resolve();
    return metrics;
  } finally {
    stop();
  }
}

describe('cw-metric', () => {
  it('carries no typed text, names, emails or numbers from the draft', async () => {
    const metrics = await session();
    // The session produced every kind of metric (an empty list would pass the privacy check trivially).
    expect(new Set(metrics.map((m) => m.name))).toEqual(
      new Set([
        'review-started',
        'suggestion-shown',
        'suggestion-accepted',
        'suggestion-dismissed',
        'topic-chip',
        'help-me-write',
        'guard-findings',
        'review-submitted',
        'share-post-created',
        'share-post-shared',
        'copy-generated',
        'copy-published',
        'copy-edited',
        'similar-ideas',
        'idea-refined',
        'idea-submitted',
      ]),
    );
    for (const metric of metrics) {
      for (const [key, value] of Object.entries(metric)) {
        if (typeof value === 'string') {
          for (const secret of SECRETS) expect(value.toLowerCase(), `${metric.name}.${key}`).not.toContain(secret.toLowerCase());
          expect(value, `${metric.name}.${key}`).not.toMatch(/\d{3}|@/);
        } else if (typeof value === 'number') {
          expect(SECRET_NUMBERS, `${metric.name}.${key}`).not.toContain(value);
        } else {
          expect(typeof value, `${metric.name}.${key}`).toBe('boolean');
        }
      }
    }
    const accepted = metrics.filter((m) => m.name === 'suggestion-accepted');
    expect(accepted.map((m) => m.mode)).toEqual(['word', 'whole']);
    const submitted = metrics.find((m) => m.name === 'review-submitted');
    expect(submitted).toMatchObject({ length: reviewLength, suggestionsAccepted: 2, acceptedChars: ' soft and warm.'.length, keystrokesSaved: ' soft'.length - 1 + ' and warm.'.length - 1 });
    expect(metrics.find((m) => m.name === 'guard-findings' && m.stage === 'submit')).toMatchObject({ pii: expect.any(Number) });
    expect((metrics.find((m) => m.name === 'guard-findings' && m.stage === 'submit') as { pii: number }).pii).toBeGreaterThan(0);
    expect(metrics.filter((m) => m.name === 'share-post-shared').map((m) => [m.channel, m.network])).toEqual([
      ['copy', 'none'],
      ['link', 'x'],
    ]);
    expect(metrics.filter((m) => m.name === 'review-submitted')).toHaveLength(1);
    expect(metrics.find((m) => m.name === 'idea-submitted')).toMatchObject({ usedTitle: true, usedDescription: false, titleLength: 'Wide-fit boots'.length });
    const edited = metrics.find((m) => m.name === 'copy-edited');
    expect(edited).toMatchObject({ editDistance: ` ${NAME} ${PHONE}`.length });
  });

  it('every emitted event validates against the shipped JSON Schema', async () => {
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    const metrics = await session();
    expect(metrics.length).toBeGreaterThan(10);
    for (const metric of metrics) expect(validate(metric) ? [] : validate.errors, metric.name).toEqual([]);
    // Every kind the schema describes was emitted and checked (the schema has no stale entries).
    expect(schema.oneOf.map((entry) => entry.title).sort()).toEqual([...new Set(metrics.map((m) => m.name))].sort());
    // The schema rejects what a careless emitter might add.
    expect(validate({ ...metrics[0], text: 'hello' })).toBe(false);
  });

  it('no-metrics on the element or an ancestor: nothing is emitted', async () => {
    const metrics = await session('no-metrics');
    expect(metrics).toEqual([]);
  });
});

describe('sinks and sampling', () => {
  it('pushes to a dataLayer-style array with an event key; sampleRate 0 sends nothing; sampling is stable per visitor', async () => {
    const dataLayer: Record<string, unknown>[] = [];
    const stopPush = collectMetrics(dataLayer);
    const stopNone = collectMetrics(() => expect.unreachable('sampled out'), { sampleRate: 0 });
    const { composer } = await page();
    await userEvent.click(shadow(composer, 'textarea'));
    await userEvent.keyboard('x');
    stopPush();
    stopNone();
    expect(dataLayer).toEqual([expect.objectContaining({ event: 'cw_metric', name: 'review-started', element: 'review-composer', variant: 'none', lang: 'en' })]);
    expect(() => collectMetrics(() => {}, { sampleRate: 2 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', argument: 'sampleRate' }));
    let first = 0;
    let second = 0;
    for (let i = 0; i < 200; i += 1) {
      const a = collectMetrics(() => {}, { sampleRate: 0.5, visitorId: `visitor-${i}` });
      const b = collectMetrics(() => {}, { sampleRate: 0.5, visitorId: `visitor-${i}` });
      a();
      b();
      if (experimentBucket('cw-metrics-sample', `visitor-${i}`) < 0.5) first += 1;
      if (experimentBucket('cw-metrics-sample', `visitor-${i}`) < 0.5) second += 1;
    }
    expect(first).toBe(second);
  });
});

describe('experiment (control groups)', () => {
  it('the control group gets no ghost text and no help-me-write; metrics say which arm', async () => {
    const metrics: CwMetric[] = [];
    const stop = collectMetrics((metric) => metrics.push(metric));
    const { composer } = await page('experiment="ghost-2026" control-share="1" visitor-id="v-1"');
    const calls = (composer.engine as ScriptedEngine).calls;
    expect(composer.suggestionsWithheld).toBe(true);
    expect(shadow<HTMLButtonElement>(composer, '[part=help-button]').hidden).toBe(true);
    await userEvent.click(shadow(composer, 'textarea'));
    await userEvent.keyboard('The fabric is');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual([]);
    expect(ghost(composer)).toBe('');
    stop();
    expect(metrics.map((m) => m.variant)).toEqual(['control']);
  });

  it('the treatment group writes with suggestions; assignment is deterministic per visitor and near the configured share', async () => {
    const { composer } = await page('experiment="ghost-2026" control-share="0" visitor-id="v-1"');
    expect(composer.suggestionsWithheld).toBe(false);
    await userEvent.click(shadow(composer, 'textarea'));
    await userEvent.keyboard('The fabric is');
    await expect.poll(() => ghost(composer)).toBe(' soft and warm.');
    const ids = Array.from({ length: 2000 }, (_, i) => `visitor-${i}`);
    const control = ids.filter((id) => experimentBucket('ghost-2026', id) < 0.2).length / ids.length;
    expect(control).toBeGreaterThan(0.17);
    expect(control).toBeLessThan(0.23);
    expect(ids.map((id) => experimentBucket('ghost-2026', id))).toEqual(ids.map((id) => experimentBucket('ghost-2026', id)));
    // Another experiment name reshuffles the groups.
    expect(ids.filter((id) => (experimentBucket('ghost-2026', id) < 0.2) !== (experimentBucket('other', id) < 0.2)).length).toBeGreaterThan(100);
  });

  it('a page-level setExperiment applies without attributes', async () => {
    setExperiment({ name: 'page-level', controlShare: 1, visitorId: 'v-9' });
    const { composer } = await page();
    expect(composer.suggestionsWithheld).toBe(true);
    expect(() => setExperiment({ name: 'x', controlShare: 1.5, visitorId: 'v' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', argument: 'controlShare' }));
  });
});
