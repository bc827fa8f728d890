import { beforeAll, describe, expect, it } from 'vitest';
import { PromptingError, fitPrompt, planProductDescription, planReviewContinuation, renderTemplate } from '@cowrite/core';
import type { PromptTemplate, TextTokenizer } from '@cowrite/core';
import { ScriptedEngine } from '@cowrite/core/testing';
import { gpt2Tokenizer } from './gpt2-test-tokenizer.ts';

let tokenizer: TextTokenizer;
// Replies with the same text to every prompt, tokenized with real GPT-2.
const scripted = (reply: string): ScriptedEngine => new ScriptedEngine({ tokenizer, fallback: reply });
beforeAll(async () => {
  tokenizer = await gpt2Tokenizer();
});

describe('renderTemplate', () => {
  it('fills placeholders and drops lines whose placeholders are all empty', () => {
    expect(renderTemplate('Product: {{name}}\nCategory: {{category}}\nDescription:', { name: 'Mug', category: '' })).toBe(
      'Product: Mug\nDescription:',
    );
  });
  it('throws INVALID_TEMPLATE for an unknown placeholder', () => {
    expect(() => renderTemplate('{{nmae}}', { name: 'x' })).toThrow(expect.objectContaining({ code: 'INVALID_TEMPLATE', field: 'nmae' }));
  });
});

describe('golden prompts against the real GPT-2 tokenizer', () => {
  it('ghost text prompt for an English draft', () => {
    const engine = scripted('');
    const plan = planReviewContinuation(engine, { draft: 'The fit is great and the', rating: 4, topics: ['fit', 'quality'], product: 'rain jacket' });
    expect(plan.prompt.endsWith('Rating: ★★★★☆ (4/5)\nProduct: rain jacket\nTopics: fit, quality\nReview: The fit is great and the')).toBe(true);
    expect(plan.budget).toEqual({
      contextLength: 1024,
      promptTokens: 180,
      maxNewTokens: 12,
      examplesAvailable: 3,
      examplesUsed: 3,
      droppedExamples: [],
      truncatedFields: [],
    });
    // Ends on the draft's last word token: " the" is GPT-2 id 262.
    expect(tokenizer.encode(plan.prompt).at(-1)).toBe(262);
    expect(plan.generation).toMatchObject({ maxNewTokens: 12, doSample: false, stop: expect.arrayContaining(['\n']) });
  });

  it('ghost text prompt for a Chinese draft (no product line: the line is dropped)', () => {
    const engine = scripted('');
    const plan = planReviewContinuation(engine, { draft: '尺码很合适，面料', rating: 5, topics: ['尺码', '质量'] });
    expect(plan.lang).toBe('zh');
    expect(plan.prompt.endsWith('评分：★★★★★（5/5）\n关注点：尺码，质量\n评价：尺码很合适，面料')).toBe(true);
    expect(plan.budget.promptTokens).toBe(342);
  });

  it('product description prompt', () => {
    const engine = scripted('');
    const plan = planProductDescription(engine, {
      name: 'Cloud Knit Beanie',
      category: 'Accessories',
      features: ['double-layer knit', 'fold-up cuff'],
      materials: 'merino wool',
      audience: 'cold-weather commuters',
      tone: 'cosy',
      length: 'short',
    });
    expect(plan.prompt.startsWith('Our store | Online store\nProduct descriptions in a friendly, clear voice.\n\nProduct: Alder Linen Throw\n')).toBe(true);
    expect(plan.prompt.endsWith(
      'Product: Cloud Knit Beanie\nCategory: Accessories\nFeatures: double-layer knit, fold-up cuff\nMaterials: merino wool\nMade for: cold-weather commuters\nTone: cosy\nDescription:',
    )).toBe(true);
    expect(plan.budget.promptTokens).toBe(337);
    expect(tokenizer.encode(plan.prompt).length).toBe(plan.budget.promptTokens);
  });

  it('consecutive keystrokes share the token prefix up to the draft', () => {
    const engine = scripted('');
    const input = { rating: 4, topics: ['fit'], product: 'rain jacket' };
    const keystrokes = ['The fit', 'The fit is', 'The fit is gr', 'The fit is great'];
    const encoded = keystrokes.map((draft) => tokenizer.encode(planReviewContinuation(engine, { ...input, draft }).prompt));
    const fixedPart = tokenizer.encode(planReviewContinuation(engine, { ...input, draft: 'x' }).prompt.slice(0, -2)).length;
    for (let i = 1; i < encoded.length; i++) {
      let shared = 0;
      while (encoded[i - 1][shared] === encoded[i][shared]) shared++;
      expect(shared).toBeGreaterThanOrEqual(fixedPart);
    }
  });
});

describe('fitPrompt', () => {
  const template: PromptTemplate = {
    preamble: 'Reviews\n',
    example: 'Review: {{review}}\n',
    query: 'Review: {{draft}}',
    separator: '\n',
    stop: [],
    examples: [{ review: 'Nice and warm. '.repeat(20) }, { review: 'Runs small. '.repeat(20) }, { review: 'Fast delivery. '.repeat(20) }],
  };
  const base = { template, shared: {}, examples: template.examples, shortenable: [{ name: 'draft', keep: 'end' as const }] };

  it('drops few-shot examples first, last one first', () => {
    const fitted = fitPrompt({ ...base, query: { draft: 'Good.' }, tokenizer, contextLength: 150, maxNewTokens: 40 });
    expect(fitted.report.droppedExamples).toEqual([1, 2]);
    expect(fitted.report.examplesUsed).toBe(1);
    expect(fitted.report.truncatedFields).toEqual([]);
    expect(fitted.report.promptTokens + 40).toBeLessThanOrEqual(150);
  });

  it('then shortens the draft keeping its end, and reports exactly what was cut', () => {
    const draft = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} about the jacket.`).join(' ');
    const fitted = fitPrompt({ ...base, query: { draft }, tokenizer, contextLength: 256, maxNewTokens: 56 });
    expect(fitted.report.examplesUsed).toBe(0);
    const cut = fitted.report.truncatedFields[0];
    expect(cut).toMatchObject({ field: 'draft', keep: 'end', originalChars: draft.length });
    expect(cut.removedText + fitted.query.draft.slice(1)).toBe(draft);
    expect(fitted.query.draft.startsWith('…')).toBe(true);
    expect(fitted.prompt.endsWith('about the jacket.')).toBe(true);
    expect(tokenizer.encode(fitted.prompt).length).toBe(fitted.report.promptTokens);
    expect(fitted.report.promptTokens + 56).toBeLessThanOrEqual(256);
    // Tight: the prompt uses nearly the whole budget, so little of the draft was thrown away needlessly.
    expect(fitted.report.promptTokens).toBeGreaterThan(256 - 56 - 8);
  });

  it('keeps the start of fields marked keep: start', () => {
    const fitted = fitPrompt({
      ...base,
      shortenable: [{ name: 'draft', keep: 'start' }],
      query: { draft: '质量很好，物流很快。'.repeat(80) },
      tokenizer,
      contextLength: 300,
      maxNewTokens: 20,
    });
    expect(fitted.query.draft.startsWith('质量很好')).toBe(true);
    expect(fitted.query.draft.endsWith('…')).toBe(true);
    expect(fitted.query.draft).not.toContain('\ufffd');
    expect(fitted.report.promptTokens + 20).toBeLessThanOrEqual(300);
  });

  it('throws PROMPT_TOO_LONG when even empty fields do not fit', () => {
    const long = { ...template, preamble: 'word '.repeat(300) };
    expect(() => fitPrompt({ ...base, template: long, query: { draft: 'hi' }, tokenizer, contextLength: 256, maxNewTokens: 20 })).toThrow(
      expect.objectContaining({ name: 'PromptingError', code: 'PROMPT_TOO_LONG' }),
    );
  });

  it('refuses maxNewTokens that leave no room for a prompt', () => {
    expect(() => fitPrompt({ ...base, query: { draft: 'x' }, tokenizer, contextLength: 1024, maxNewTokens: 1024 })).toThrow(PromptingError);
  });

  it('a task with a huge draft still fits 1024 tokens and reports the cut', () => {
    const engine = scripted('');
    const draft = 'I wore this jacket on a long hike and it kept me dry. '.repeat(120) + 'The hood is';
    const plan = planReviewContinuation(engine, { draft, mode: 'compose' });
    expect(plan.budget.promptTokens + plan.budget.maxNewTokens).toBeLessThanOrEqual(1024);
    expect(plan.budget.droppedExamples).toEqual([0, 1, 2]);
    expect(plan.prompt.endsWith('The hood is')).toBe(true);
    expect(plan.budget.truncatedFields[0].removedText.length).toBeGreaterThan(0);
  });
});
