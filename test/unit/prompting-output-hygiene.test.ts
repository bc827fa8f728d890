import { beforeAll, describe, expect, it } from 'vitest';
import { OutputCleaner, writeReviewContinuation, writeIdeaRefinement, writeMarketingCopy, writeProductDescription } from '@cowrite/core';
import type { TextTokenizer } from '@cowrite/core';
import { ScriptedEngine } from '@cowrite/core/testing';
import { gpt2Tokenizer } from './gpt2-test-tokenizer.ts';

let tokenizer: TextTokenizer;
// Replies with the same text to every prompt, tokenized with real GPT-2.
const scripted = (reply: string): ScriptedEngine => new ScriptedEngine({ tokenizer, fallback: reply });
beforeAll(async () => {
  tokenizer = await gpt2Tokenizer();
});

const beanie = { name: 'Cloud Knit Beanie', features: ['double-layer knit', 'fold-up cuff'], materials: 'merino wool' };
const FFFD = '\uFFFD';

describe('generated text never carries U+FFFD (a half-decoded character)', () => {
  it('headline, description, ghost text and idea refinement drop it', async () => {
    const headline = await writeMarketingCopy(scripted(` Warm ${FFFD}merino for${FFFD} cold days\n`), { kind: 'headline', ...beanie });
    expect(headline.text).toBe('Warm merino for cold days');
    const description = await writeProductDescription(scripted(` A soft${FFFD} beanie. It keeps you warm${FFFD}.`), beanie);
    expect(description.text).toBe('A soft beanie. It keeps you warm.');
    const ghost = await writeReviewContinuation(scripted(` fabric ${FFFD}${FFFD}feels soft.`), { draft: 'The fit is great and the' });
    expect(ghost.insertText).not.toContain(FFFD);
    expect(ghost.insertText).toContain('feels soft.');
    const idea = await writeIdeaRefinement(scripted(` Dimmer${FFFD} lamp\nProblem: Too bright${FFFD}.\nProposal: Add a dial.`), { idea: 'lamp too bright' });
    expect(idea.text).not.toContain(FFFD);
    expect(idea.fields.title).toBe('Dimmer lamp');
  });

  it('the cleaner drops it even when it arrives in its own delta', () => {
    const cleaner = new OutputCleaner({ mode: 'sentences' });
    const out = [...cleaner.push(' Soft'), ...cleaner.push(FFFD), ...cleaner.push(' and warm.'), ...cleaner.finish('eos')];
    expect(out.join('')).toBe('Soft and warm.');
  });
});

describe('"Refine with AI" titles are capped', () => {
  it('a runaway title is cut to whole words within 80 characters', async () => {
    // 25 different words in a cycle: longer than the 8-word phrases the repeat collapse looks for.
    const vocabulary = 'a warm hood that fits over a helmet with two zips deep pockets for gloves and maps plus reflective trim on every seam'.split(' ');
    const words = Array.from({ length: 40 }, (_, i) => vocabulary[i % vocabulary.length]);
    const engine = scripted(` ${words.join(' ')}\nProblem: The hood is small.\nProposal: Make it bigger.`);
    const r = await writeIdeaRefinement(engine, { idea: 'bigger hood' });
    expect([...r.fields.title].length).toBeLessThanOrEqual(80);
    expect(r.fields.title.length).toBeGreaterThan(40);
    expect(words.join(' ').startsWith(r.fields.title)).toBe(true);
    expect(words.join(' ')[r.fields.title.length]).toBe(' ');
    expect(r.fields.problem).toBe('The hood is small.');
  });

  it('a Chinese title without spaces is cut by characters', async () => {
    const cleaner = new OutputCleaner({ mode: 'line', maxLength: 20 });
    const out = [...cleaner.push('可拆卸的加大防风帽子配有双向拉链和反光条以及深口袋适合骑车通勤\n'), ...cleaner.finish('eos')];
    expect(out.join('')).toBe('可拆卸的加大防风帽子配有双向拉链和反光条');
  });
});
