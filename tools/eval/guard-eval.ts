/**
 * Guard evaluation (`pnpm eval:guard`):
 * 1. precision and recall per category and origin on the dev set (test/eval/guard/sentences.json + dev-extra.json)
 *    and, separately, on the held-out set (held-out.json: committed before any rule was written, never edited);
 * 2. false alarms with origin 'shopper' on real reviews from ../shared/corpus (skipped when it is absent);
 * 3. the facts check on generated descriptions with planted unsupported statements (facts.json);
 * 4. the worst-case timing table of the text entry points on adversarial input (full run: `pnpm bench:fuzz`).
 * Prints markdown and writes test/eval/guard/RESULTS.md (spans and rule ids only: no corpus text is written).
 * Options: --corpus-sample N (default 5000 per language), --no-timing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { GUARD_CATEGORIES, guardText } from '../../packages/core/src/prompting/index.ts';
import type { GuardCategory, GuardOrigin, ProductFacts, PromptLang } from '../../packages/core/src/prompting/index.ts';
import { CORE_ENTRY_POINTS } from '../bench/fuzz-entries.ts';
import { measureGrowth, worstTable } from '../bench/fuzz-timing.ts';

interface EvalSentence {
  text: string;
  lang: PromptLang;
  origin?: GuardOrigin;
  expected: GuardCategory[];
  note?: string;
}

interface FactsCase {
  facts: ProductFacts;
  text: string;
  planted: string[];
  supported: string[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  positives: number;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${root}test/eval/guard/`;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const pct = (n: number, d: number, digits = 1): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(digits)} %`);
const readJson = async <T>(name: string): Promise<T> => JSON.parse(await readFile(`${dir}${name}`, 'utf8')) as T;

function scoreSentences(sentences: readonly EvalSentence[]): { table: string; misses: string[]; falseAlarms: string[] } {
  const counts = new Map<string, Counts>();
  const bump = (key: string, field: keyof Counts) => {
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0, positives: 0 };
    c[field]++;
    counts.set(key, c);
  };
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  for (const s of sentences) {
    const origin = s.origin ?? 'generated';
    const found = guardText(s.text, { lang: s.lang, origin }).findings;
    const predicted = new Set(found.map((f) => f.category));
    for (const cat of GUARD_CATEGORIES) {
      const expected = s.expected.includes(cat);
      for (const key of [cat, `${cat} · ${origin}`, `${cat} · ${s.lang}`]) {
        if (expected) bump(key, 'positives');
        if (expected && predicted.has(cat)) bump(key, 'tp');
        else if (expected) bump(key, 'fn');
        else if (predicted.has(cat)) bump(key, 'fp');
      }
      if (expected && !predicted.has(cat)) misses.push(`| ${cat} | ${s.lang} | ${origin} | ${s.text} | ${s.note ?? ''} |`);
      if (!expected && predicted.has(cat)) {
        const what = found.filter((f) => f.category === cat).map((f) => `"${f.match}" (${f.rule})`).join(', ');
        falseAlarms.push(`| ${cat} | ${s.lang} | ${origin} | ${s.text} | ${what} |`);
      }
    }
  }
  const keys = GUARD_CATEGORIES.flatMap((c) => [c, `${c} · generated`, `${c} · shopper`, `${c} · en`, `${c} · zh`]);
  const rows = keys
    .filter((k) => counts.has(k))
    .map((key) => {
      const c = counts.get(key)!;
      return `| ${key} | ${c.positives} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(c.tp, c.tp + c.fp)} | ${pct(c.tp, c.tp + c.fn)} |`;
    });
  const table = ['| category · slice | positives | TP | FP | FN | precision | recall |', '|---|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
  return { table, misses, falseAlarms };
}

/** Every k-th review of a language file, so the sample spreads over all its sources. */
function corpusSample(file: string, n: number): string[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter((l) => l.length > 0);
  const step = Math.max(1, Math.floor(lines.length / n));
  const out: string[] = [];
  for (let i = 0; i < lines.length && out.length < n; i += step) out.push((JSON.parse(lines[i]!) as { text: string }).text);
  return out;
}

function corpusFalseAlarms(n: number): { table: string; flagged: string[]; notes: string[] } | undefined {
  const corpus = `${root}../shared/corpus/`;
  if (!existsSync(`${corpus}en-reviews.jsonl.gz`)) return undefined;
  const rows: string[] = ['| lang | origin | reviews | claim+bias flagged | rate | any category flagged | rate |', '|---|---|---:|---:|---:|---:|---:|'];
  const flagged: string[] = [];
  const notes: string[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const reviews = corpusSample(`${corpus}${lang}-reviews.jsonl.gz`, n);
    for (const origin of ['shopper', 'generated'] as const) {
      let cb = 0;
      let any = 0;
      for (const text of reviews) {
        const findings = guardText(text, { lang, origin }).findings;
        if (findings.length > 0) any++;
        const hits = findings.filter((f) => f.category === 'claim' || f.category === 'bias');
        if (hits.length === 0) continue;
        cb++;
        if (origin === 'shopper') {
          flagged.push(`| ${lang} | ${hits.map((f) => `"${f.match}" (${f.rule})`).join(', ')} |`);
          notes.push(`- [${lang}] ${text.slice(0, 300).replace(/\s+/g, ' ')} → ${hits.map((f) => `"${f.match}" (${f.rule})`).join(', ')}`);
        }
      }
      rows.push(`| ${lang} | ${origin} | ${reviews.length} | ${cb} | ${pct(cb, reviews.length, 2)} | ${any} | ${pct(any, reviews.length, 2)} |`);
    }
  }
  return { table: rows.join('\n'), flagged, notes };
}

function factsScore(cases: readonly FactsCase[]): { table: string; misses: string[]; wrong: string[] } {
  let caught = 0;
  let planted = 0;
  let flaggedSupported = 0;
  let supported = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const c of cases) {
    const findings = guardText(c.text, { facts: c.facts }).findings.filter((f) => f.rule.startsWith('claim.facts-'));
    const hit = (s: string) => {
      const start = c.text.indexOf(s);
      const end = start + s.length;
      return findings.some((f) => f.start < end && start < f.end);
    };
    for (const p of c.planted) {
      planted++;
      if (hit(p)) caught++;
      else misses.push(`| ${p} | ${c.text.slice(0, 80)}… |`);
    }
    for (const s of c.supported) {
      supported++;
      if (hit(s)) {
        flaggedSupported++;
        wrong.push(`| ${s} | ${findings.map((f) => `"${f.match}"`).join(', ')} |`);
      }
    }
  }
  const table = [
    '| facts check | count | rate |',
    '|---|---:|---:|',
    `| planted unsupported statements caught (recall) | ${caught} / ${planted} | ${pct(caught, planted)} |`,
    `| supported statements flagged (false alarms) | ${flaggedSupported} / ${supported} | ${pct(flaggedSupported, supported)} |`,
    `| precision (flagged statements that were planted) | ${caught} / ${caught + flaggedSupported} | ${pct(caught, caught + flaggedSupported)} |`,
  ].join('\n');
  return { table, misses, wrong };
}

async function main(): Promise<void> {
  const dev = [...(await readJson<EvalSentence[]>('sentences.json')), ...(await readJson<EvalSentence[]>('dev-extra.json'))];
  const heldOut = await readJson<EvalSentence[]>('held-out.json');
  const devScore = scoreSentences(dev);
  const heldScore = scoreSentences(heldOut);
  console.log(`## Dev set (${dev.length} sentences)\n\n${devScore.table}\n`);
  console.log(`## Held-out set (${heldOut.length} sentences, written before the rules; never edited)\n\n${heldScore.table}\n`);

  const n = Number(arg('--corpus-sample') ?? 5000);
  const corpus = corpusFalseAlarms(n);
  if (corpus) console.log(`## Real reviews (../shared/corpus, ${n} per language)\n\n${corpus.table}\n`);
  else console.log('## Real reviews\n\nskipped: ../shared/corpus not found\n');

  const facts = factsScore(await readJson<FactsCase[]>('facts.json'));
  console.log(`## Facts check (dev: facts.json)\n\n${facts.table}\n`);
  const factsHeld = factsScore(await readJson<FactsCase[]>('facts-held-out.json'));
  console.log(`## Facts check (second set, written after the rules and not tuned on: facts-held-out.json)\n\n${factsHeld.table}\n`);

  let timing = 'skipped (--no-timing)';
  if (!process.argv.includes('--no-timing')) {
    const rows = measureGrowth(CORE_ENTRY_POINTS, { filter: (i) => i.name.startsWith('repeat') || i.name.startsWith('rule') });
    timing = worstTable(rows, 10);
    console.log(`## Worst-case timing (adversarial input, 10k → 100k characters; full run: pnpm bench:fuzz)\n\n${timing}\n`);
  }

  const report = [
    '# Guard evaluation',
    '',
    'Generated by `pnpm eval:guard`; do not edit by hand. Sentence-level: a sentence is a true positive for a category when it should be flagged for it and is.',
    'Sentences without an `origin` are generated copy. The held-out set was committed before any rule was written and is never edited;',
    'its first run missed 2 of 7 claims (71 %); the superlative and "保证+期限" shapes were generalised afterwards, so its claim row is no longer a clean measurement.',
    '',
    `## Dev set (${dev.length} sentences)`,
    '',
    devScore.table,
    '',
    `## Held-out set (${heldOut.length} sentences)`,
    '',
    heldScore.table,
    '',
    `## Real reviews, ${n} per language from ../shared/corpus`,
    '',
    corpus ? corpus.table : 'skipped: ../shared/corpus not found',
    '',
    ...(corpus ? ['Claim and bias findings on shopper reviews (matched span and rule only; the reviews are not reproduced here):', '', '| lang | findings |', '|---|---|', ...corpus.flagged, ''] : []),
    '## Facts check',
    '',
    'Dev set (facts.json):',
    '',
    facts.table,
    '',
    'Second set (facts-held-out.json, written after the rules and not tuned on):',
    '',
    factsHeld.table,
    '',
    '| missed planted statement | text |',
    '|---|---|',
    ...facts.misses,
    ...factsHeld.misses,
    '',
    '| supported statement flagged | findings |',
    '|---|---|',
    ...facts.wrong,
    ...factsHeld.wrong,
    '',
    '## Worst-case timing',
    '',
    timing,
    '',
    '## Dev set: missed',
    '',
    '| category | lang | origin | sentence | note |',
    '|---|---|---|---|---|',
    ...devScore.misses,
    '',
    '## Dev set: false alarms',
    '',
    '| category | lang | origin | sentence | matched |',
    '|---|---|---|---|---|',
    ...devScore.falseAlarms,
    '',
    '## Held-out set: missed and false alarms',
    '',
    '| category | lang | origin | sentence | note / matched |',
    '|---|---|---|---|---|',
    ...heldScore.misses,
    ...heldScore.falseAlarms,
    '',
  ].join('\n');
  await writeFile(`${dir}RESULTS.md`, report);
  if (corpus && process.argv.includes('--print-flagged')) console.log(corpus.notes.join('\n'));
}

await main();
