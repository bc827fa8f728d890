import { beforeAll, describe, expect, it } from 'vitest';
import { planProductDescription, writeMarketingCopy, writeProductDescription } from '@cowrite/core';
import type { TextTokenizer } from '@cowrite/core';
import { ScriptedEngine } from '@cowrite/core/testing';
import { gpt2Tokenizer } from './gpt2-test-tokenizer.ts';

let tokenizer: TextTokenizer;
// Replies with the same text to every prompt, tokenized with real GPT-2.
const scripted = (reply: string): ScriptedEngine => new ScriptedEngine({ tokenizer, fallback: reply });
beforeAll(async () => {
  tokenizer = await gpt2Tokenizer();
});

const beanie = {
  name: 'Cloud Knit Beanie',
  features: ['double-layer knit', 'fold-up cuff'],
  materials: 'merino wool',
  facts: { origin: 'Portugal', care: 'hand wash' },
};

describe('copy tasks check their output against the product data they were given', () => {
  it('plans with the materials, features and explicit facts', () => {
    const plan = planProductDescription(scripted(''), beanie);
    expect(plan.facts).toEqual({ features: ['double-layer knit', 'fold-up cuff'], materials: 'merino wool', origin: 'Portugal', care: 'hand wash' });
  });

  it('flags a material and an origin the product data does not support, quoting the facts', async () => {
    const engine = scripted(' A merino wool beanie made in Portugal. Lined with cashmere and made in Italy.\n\nProduct: next');
    const r = await writeProductDescription(engine, beanie);
    const facts = r.guard.findings.filter((f) => f.rule.startsWith('claim.facts-'));
    expect(facts.map((f) => f.match)).toEqual(['cashmere', 'made in Italy']);
    expect(facts[0]!.suggestion.message).toContain('materials: merino wool');
    for (const f of r.guard.findings) expect(r.text.slice(f.start, f.end)).toBe(f.match);
  });

  it('marketing copy too', async () => {
    const engine = scripted(' Warm 100% cashmere for winter\n');
    const r = await writeMarketingCopy(engine, { kind: 'tagline', name: 'Beanie', features: 'merino wool' });
    expect(r.guard.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['claim.facts-number', 'claim.facts-material']));
  });
});
