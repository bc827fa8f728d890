/**
 * Main-thread cost per keystroke of ghost text on long drafts: what the page does
 * before a request leaves for the engine (planReviewContinuation: prompt, budget,
 * token counts with GPT-2's real tokenizer), plus the prompt's tokenization that an
 * in-page engine does on the same thread. Drafts of 100, 2,000 and 60,000 characters
 * (text written for this benchmark, no corpus), each "keystroke" appends one character.
 *
 *   node --conditions=source tools/bench/long-text-bench.ts [--keys 15]
 *
 * Writes test/bench/long-text.json and .md. Goal: ≤ 16 ms per keystroke at every length.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Gpt2Tokenizer, planReviewContinuation, type TextGenerator } from '@cowrite/core';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../gpt2/make-fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { keys: { type: 'string', default: '15' } } });
const KEYS = Number(values.keys);

const SENTENCES = [
  'The jacket kept me dry on a long walk in the rain, and the hood stays put in the wind.',
  'Sizing runs a little large, so I would order one size down next time.',
  'After three weeks of daily use the zip still runs smoothly and the seams look fine.',
  'Shipping took four days and the parcel arrived without a scratch.',
];
function draftOf(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${SENTENCES[i % SENTENCES.length]} `;
  return text.slice(0, length);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

await ensureFixtures();
const dir = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
const tokenizer = new Gpt2Tokenizer(JSON.parse(await readFile(join(dir, 'tokenizer.json'), 'utf8')), JSON.parse(await readFile(join(dir, 'tokenizer_config.json'), 'utf8')));
let charsTokenized = 0;
const counting = {
  encode: (text: string) => ((charsTokenized += text.length), tokenizer.encode(text)),
  decode: (ids: readonly number[]) => tokenizer.decode(ids),
};
const engine = { tokenizer: counting, contextLength: 1024 } as unknown as TextGenerator;

const rows: { chars: number; medianMs: number; maxMs: number; charsTokenizedPerKey: number }[] = [];
for (const length of [100, 2_000, 60_000]) {
  const base = draftOf(length);
  // Warm-up: the tokenizer's caches and the JIT.
  for (let i = 0; i < 3; i++) planReviewContinuation(engine, { draft: `${base}x`, rating: 4 });
  const times: number[] = [];
  charsTokenized = 0;
  let draft = base;
  for (let k = 0; k < KEYS; k++) {
    draft += 'abcdefghij '[k % 11];
    const start = performance.now();
    const plan = planReviewContinuation(engine, { draft, rating: 4 });
    counting.encode(plan.prompt); // an in-page engine tokenizes the prompt on the same thread
    times.push(performance.now() - start);
  }
  rows.push({ chars: length, medianMs: +median(times).toFixed(2), maxMs: +Math.max(...times).toFixed(2), charsTokenizedPerKey: Math.round(charsTokenized / KEYS) });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
console.table(rows);
const md = [
  '# Main-thread cost per ghost-text keystroke on long drafts',
  '',
  'planReviewContinuation (prompt + budget with the real GPT-2 tokenizer) + tokenizing the fitted prompt, per keystroke;',
  `${KEYS} keystrokes per length, after warm-up. Reproduce: \`node --conditions=source tools/bench/long-text-bench.ts\`.`,
  `Machine: ${machine} (shared, noisy: compare the lengths with each other). Goal ≤ 16 ms at every length.`,
  '',
  '| draft chars | median ms | max ms | chars tokenized per keystroke |',
  '| ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.chars} | ${r.medianMs} | ${r.maxMs} | ${r.charsTokenizedPerKey} |`),
  '',
  'Before issue 13 (same script, same machine, load average ≈ 15): 60,000 characters cost a median 573 ms and 444,878 characters',
  'tokenized per keystroke (the budget re-tokenized the whole draft ~17 times in a binary search); 2,000 characters 2.7 ms / 5,128 characters.',
  'Now a long draft costs one window (~5,000 characters, what a 1,024-token prompt holds), one count of the fitted prompt and,',
  "for an in-page engine, the prompt's own tokenization: independent of the draft's length. The tokenizer runs several times",
  'slower on this shared machine than on a quiet one, so compare the lengths within a run.',
  '',
];
await writeFile(join(ROOT, 'test/bench/long-text.json'), `${JSON.stringify({ machine, keys: KEYS, rows }, null, 2)}\n`);
await writeFile(join(ROOT, 'test/bench/long-text.md'), md.join('\n'));
