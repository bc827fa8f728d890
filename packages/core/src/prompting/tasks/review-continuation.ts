import type { TextGenerator, TextTokenizer } from '../../contracts/text-generator.ts';
import type { FinishReason, GenerationOptions } from '../../contracts/generation.ts';
import { PromptingError } from '../errors.ts';
import { detectLang } from '../lang.ts';
import { UNSPACED_SCRIPTS } from '../../contracts/language.ts';
import type { TaskOptions, TaskPlan, TaskResult, TaskStreamEvent } from '../task-runner.ts';
import { reviewStarter } from './review-starter.ts';
import { finishPlan, guardDefaults, optionalList, optionalRating, optionalText, planTask, requireObject, runPlan, streamPlan } from '../task-runner.ts';

/** What `writeReviewContinuation`, `streamReviewContinuation` and `streamGhostText` continue: the draft and what the shopper chose so far. */
export interface ReviewContinuationInput {
  /** What the shopper has typed so far; the caret is at its end. */
  draft: string;
  /** The shopper's star rating, when chosen: an integer from 1 to 5 (else `PromptingError` `INVALID_INPUT`). */
  rating?: number;
  /** Chosen topic chips: "fit", "quality", "shipping"… */
  topics?: string | readonly string[];
  /** The product's name, so the continuation talks about it. */
  product?: string;
  /**
   * 'ghost': a few words up to the end of the current sentence, cheap enough to run per keystroke;
   * 'compose': "help me write", a few sentences. Default 'ghost'.
   */
  mode?: 'ghost' | 'compose';
}

/** A review continuation: the task result plus the text to insert at the caret and, for ghost text, a confidence. */
export interface ReviewContinuationResult extends TaskResult {
  /** Text to insert at the caret: `text`, minus a leading space when the draft already ends with one. */
  insertText: string;
  /**
   * Ghost mode, when the engine reports log-probabilities: the probability of the suggestion's first
   * word (its tokens up to the first space after text), 0…1 — the chance that the shopper takes at
   * least one word, which is what a ghost-text gate decides. undefined = no opinion.
   */
  confidence?: number;
}

const SETTINGS: Record<'ghost' | 'compose', GenerationOptions> = {
  // Greedy and short: deterministic, cheap, and stable while the shopper types; log-probabilities give a confidence.
  ghost: { maxNewTokens: 12, doSample: false, repetitionPenalty: 1.1, logprobs: true },
  compose: { maxNewTokens: 80, doSample: true, temperature: 0.8, topK: 50, topP: 0.92, repetitionPenalty: 1.15, noRepeatNgramSize: 3 },
};

/** "Help me write" from a phrase model: room for one sentence of word pieces. */
const PHRASE_COMPOSE_PIECES = 24;

/** "★★★★☆ (4/5)": how a rating reads in the prompt (also what tools/gpt2-train writes its training pages with). */
export function stars(rating: number, lang: 'en' | 'zh'): string {
  const s = '★'.repeat(rating) + '☆'.repeat(5 - rating);
  return lang === 'zh' ? `${s}（${rating}/5）` : `${s} (${rating}/5)`;
}

/**
 * Drops trailing spaces and tabs. A loop from the end, not `/[ \t]+$/`: that regex retries from
 * every run of spaces in the text, which is quadratic on a long draft full of spaces.
 */
export function trimTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * The prompt ends with the draft verbatim (only trailing spaces trimmed: GPT-2 predicts a word with its
 * leading space), and everything before the draft is fixed while the shopper types, so consecutive
 * keystrokes share a token prefix and the engine can reuse its KV cache.
 */
export function planReviewContinuation(engine: TextGenerator, input: ReviewContinuationInput, options: TaskOptions = {}): TaskPlan {
  const fields = requireObject(input, 'reviewContinuation');
  const mode = fields.mode ?? 'ghost';
  if (mode !== 'ghost' && mode !== 'compose') throw new PromptingError('INVALID_INPUT', '"mode" must be ghost or compose', 'mode');
  const draftValue = fields.draft;
  if (draftValue === undefined || draftValue === null) throw new PromptingError('MISSING_FIELD', '"draft" is required', 'draft');
  if (typeof draftValue !== 'string') throw new PromptingError('INVALID_INPUT', '"draft" must be a string', 'draft');
  if (mode === 'ghost' && !/\S/.test(draftValue)) {
    throw new PromptingError('MISSING_FIELD', 'ghost text needs a non-empty draft', 'draft');
  }
  // GPT-2 predicts a word with its leading space, so trailing spaces are trimmed (linear time: see trimTrailingSpaces);
  // a generator that completes words itself reads that space as "the last word is finished" and gets it.
  const draft = engine.profile?.completesWords === true ? draftValue : trimTrailingSpaces(draftValue);
  const rating = optionalRating(fields, 'rating');
  const topicsText = optionalList(fields, 'topics', ', ');
  const lang = options.lang ?? (/\S/.test(draft) ? detectLang(draft) : detectLang(topicsText));
  return planTask(engine, {
    task: 'reviewContinuation',
    lang,
    options,
    query: {
      rating: rating === undefined ? '' : stars(rating, lang),
      product: optionalText(fields, 'product'),
      topics: lang === 'zh' ? optionalList(fields, 'topics', '，') : topicsText,
      draft,
    },
    shortenable: [{ name: 'draft', keep: 'end' }],
    // A Han character is about two GPT-2 tokens: give Chinese ghost text the same reach in characters.
    // A phrase model keeps to one sentence: it has no plan beyond its last few words.
    generation: {
      ...(mode === 'ghost' && lang === 'zh'
        ? { ...SETTINGS.ghost, maxNewTokens: 24 }
        : mode === 'compose' && engine.profile?.kind === 'phrase'
          ? { ...SETTINGS.compose, maxNewTokens: PHRASE_COMPOSE_PIECES }
          : SETTINGS[mode]),
      // A draft that ends inside a word ("so comf"): GPT-2 completes the word from its whole-word tokens
      // (" comfortable") instead of continuing an odd split; a generator that completes words itself needs no help.
      // (Tested on the draft as typed: after "is " the shopper wants the next word, not a longer "is".)
      ...(engine.profile?.completesWords !== true && /[\p{L}\p{N}]$/u.test(draftValue) ? { tokenHealing: true } : {}),
    },
    // A phrase model's "help me write" is one sentence per click, on the starter's topic (review-starter.ts).
    cleanupMode: mode === 'ghost' || engine.profile?.kind === 'phrase' ? 'first-sentence' : 'sentences',
    extraStop: mode === 'ghost' ? ['\n'] : [],
    avoid: [draft],
    keepLeadingSpace: true,
    // Shown to shoppers inline: a sentence with a medium finding is left out.
    guard: guardDefaults(options, { policy: 'reject', rejectAt: 'medium', categories: ['claim', 'bias', 'profanity', 'pii'] }),
  });
}

function withInsertText(result: TaskResult, draft: string, tokenizer?: TextTokenizer): ReviewContinuationResult {
  const draftEndsWithSpace = /\s$/.test(draft) || draft.length === 0;
  const insertText = draftEndsWithSpace ? result.text.replace(/^\s+/, '') : result.text;
  const { logprobs, tokenIds } = result.generation;
  if (!logprobs || logprobs.length === 0 || insertText.length === 0) return { ...result, insertText };
  const tokens = tokenizer && tokenIds ? firstWordTokens(tokenizer, tokenIds, result.generation.rawText) : 1;
  const first = logprobs.slice(0, Math.max(1, tokens)).reduce((sum, lp) => sum + lp, 0);
  return { ...result, insertText, confidence: Math.exp(first) };
}

/**
 * How many tokens it takes to reach the end of the first visible word (letters or digits; punctuation
 * after it is not part of it, so "size." is as sure as "size"). Text the engine generated but did not
 * show (a word it completed: `rawText` is then a suffix of the decoded tokens) counts as part of it.
 */
function firstWordTokens(tokenizer: TextTokenizer, tokenIds: readonly number[], rawText: string): number {
  const full = tokenizer.decode(tokenIds);
  const hidden = full.endsWith(rawText) ? full.length - rawText.length : 0;
  for (let k = 2; k <= tokenIds.length; k++) {
    if (WORD_THEN_OTHER.test(tokenizer.decode(tokenIds.slice(0, k)).slice(hidden))) return k - 1;
  }
  return tokenIds.length;
}

// A Chinese or Japanese character is a word of its own here: the gate judges the first character,
// as it judges the first word of English (a whole clause would make every suggestion look unlikely).
const WORD_THEN_OTHER = new RegExp(`[\\p{L}\\p{N}][^\\p{L}\\p{N}'’]|[${UNSPACED_SCRIPTS}].`, 'u');

/** Continues the shopper's draft in their voice (ghost text or "help me write"). */
export async function writeReviewContinuation(
  engine: TextGenerator,
  input: ReviewContinuationInput,
  options: TaskOptions = {},
): Promise<ReviewContinuationResult> {
  // A model that shortens its ghost text by confidence does it the same way here as while streaming.
  if ((input.mode ?? 'ghost') === 'ghost' && engine.profile?.minExtensionConfidence !== undefined) return drain(streamGhostText(engine, input, options));
  const { continued, lead } = startFor(engine, input, options);
  const plan = planReviewContinuation(engine, continued, options);
  return withLead(withInsertText(await runPlan(engine, plan, options.signal), continued.draft, engine.tokenizer), lead);
}

/**
 * "Help me write" on a phrase model: the input it continues (the draft plus the starter's words, see
 * review-starter.ts) and the text that goes before what it writes ('' for other models and modes).
 */
function startFor(engine: TextGenerator, input: ReviewContinuationInput, options: TaskOptions): { continued: ReviewContinuationInput; lead: string } {
  if (input.mode !== 'compose' || engine.profile?.kind !== 'phrase' || typeof input.draft !== 'string') return { continued: input, lead: '' };
  const plan = planReviewContinuation(engine, input, options);
  if (plan.lang !== 'en') return { continued: input, lead: '' };
  const topics = input.topics === undefined ? [] : typeof input.topics === 'string' ? input.topics.split(',') : input.topics;
  const starter = reviewStarter({ draft: input.draft, topics, product: input.product, rating: input.rating });
  if (starter === undefined) return { continued: input, lead: '' };
  // The starter's own leading space follows the insertText rule: none after a space or in an empty field.
  // Its trailing space tells the phrase model that its last word is finished (it would complete "jacket").
  const lead = `${/\s$/.test(input.draft) || input.draft.length === 0 ? '' : ' '}${starter} `;
  return { continued: { ...input, draft: input.draft + lead }, lead };
}

/** The starter's words before a result's text; an empty result stays empty (a bare "The fit is" helps nobody). */
function withLead(result: ReviewContinuationResult, lead: string): ReviewContinuationResult {
  if (lead.length === 0 || result.insertText.length === 0) return result;
  return { ...result, text: lead.trimStart() + result.text, insertText: lead + result.insertText };
}

/**
 * The same function as `writeReviewContinuation`.
 * @deprecated Renamed `writeReviewContinuation` (every task is `planX` / `writeX` / `streamX`); this alias stays until the next major.
 */
export const continueReview = writeReviewContinuation;

async function drain<T>(updates: AsyncGenerator<unknown, T>): Promise<T> {
  for (;;) {
    const step = await updates.next();
    if (step.done) return step.value;
  }
}

/** Streaming "help me write": cleaned, guarded deltas, then the result (with `insertText`). */
export async function* streamReviewContinuation(
  engine: TextGenerator,
  input: ReviewContinuationInput,
  options: TaskOptions = {},
): AsyncGenerator<{ type: 'delta'; text: string } | { type: 'result'; result: ReviewContinuationResult }> {
  const { continued, lead } = startFor(engine, input, options);
  const plan = planReviewContinuation(engine, continued, options);
  let first = true;
  // A starter's words go out just before the model's first words (not at all when it writes nothing).
  let leadPending = lead.length > 0;
  for await (const event of streamPlan(engine, plan, options.signal) as AsyncIterable<TaskStreamEvent>) {
    if (event.type === 'result') {
      yield { type: 'result', result: withLead(withInsertText(event.result, continued.draft), lead) };
    } else {
      // The first delta follows the same leading-space rule as insertText.
      const text = first && (/\s$/.test(continued.draft) || continued.draft.length === 0) ? event.text.replace(/^\s+/, '') : event.text;
      first = false;
      if (text.length === 0) continue;
      if (leadPending) yield { type: 'delta', text: lead };
      leadPending = false;
      yield { type: 'delta', text };
    }
  }
}

/** A ghost-text update: whole words so far, cleaned and guarded, with the first word's confidence. */
export interface GhostUpdate {
  /** The suggestion so far, to show at the caret: whole words, without a leading space when the draft ends with one. */
  insertText: string;
  /** The probability (0…1) of the suggestion's first word, as in `ReviewContinuationResult.confidence`; absent without log-probabilities. */
  confidence?: number;
}

/**
 * Ghost text as it streams: yields a growing suggestion — the first whole word as soon as it exists,
 * then longer ones — each one cleaned and guarded on its own, and returns the final result, cleaned
 * like `writeReviewContinuation`'s. Stops reading once the first sentence is complete, or — for a model whose
 * profile sets `minExtensionConfidence` — once another word would make the whole suggestion less
 * likely than that: words the shopper would rarely take cost reading time and a model step each.
 */
export async function* streamGhostText(
  engine: TextGenerator,
  input: Omit<ReviewContinuationInput, 'mode'>,
  options: TaskOptions = {},
): AsyncGenerator<GhostUpdate, ReviewContinuationResult> {
  const plan = planReviewContinuation(engine, { ...input, mode: 'ghost' }, options);
  const generation = options.signal ? { ...plan.generation, signal: options.signal } : plan.generation;
  const minJoint = engine.profile?.minExtensionConfidence;
  const logMinJoint = minJoint === undefined || minJoint <= 0 ? Number.NEGATIVE_INFINITY : Math.log(minJoint);
  let text = '';
  const tokenIds: number[] = [];
  const logprobs: number[] = [];
  let joint = 0;
  let finishReason: FinishReason = 'length';
  let last = '';
  // What the last shown update was made of: the result when a further word is too unlikely.
  let shown: { text: string; tokens: number } | undefined;
  for await (const chunk of engine.stream(plan.prompt, generation)) {
    text += chunk.text;
    tokenIds.push(...chunk.tokenIds);
    if (chunk.logprobs) {
      logprobs.push(...chunk.logprobs);
      for (const lp of chunk.logprobs) joint += lp;
    }
    if (chunk.finishReason) {
      // The last chunk: let the engine's stream end by itself (its result, cache bookkeeping).
      finishReason = chunk.finishReason;
      continue;
    }
    const partial = withInsertText(finishPlan(plan, { text, finishReason: 'length', tokenIds, logprobs }), input.draft, engine.tokenizer);
    if (partial.insertText.length > 0 && partial.insertText !== last) {
      if (shown !== undefined && joint < logMinJoint) {
        text = shown.text;
        tokenIds.length = shown.tokens;
        logprobs.length = Math.min(logprobs.length, shown.tokens);
        finishReason = 'length';
        break;
      }
      last = partial.insertText;
      shown = { text, tokens: tokenIds.length };
      yield partial.confidence === undefined ? { insertText: last } : { insertText: last, confidence: partial.confidence };
      // The first sentence is done: later tokens cannot change the suggestion.
      if (partial.cleanup.droppedTail === undefined && /[.!?。！？]$/.test(last.trimEnd())) {
        finishReason = 'stop';
        break;
      }
    }
  }
  const generated = { text, finishReason, tokenIds, ...(logprobs.length > 0 ? { logprobs } : {}) };
  return withInsertText(finishPlan(plan, generated), input.draft, engine.tokenizer);
}
