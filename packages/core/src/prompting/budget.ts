import type { TextTokenizer } from '../contracts/text-generator.ts';
import { PromptingError } from './errors.ts';
import type { PromptTemplate } from './template.ts';
import { safeSlice, tokenWindow } from '../tokenizer/text-window.ts';
import { renderPrompt } from './template.ts';

/** A free-text field the budget may shorten, and which end of it matters. */
export interface ShortenableField {
  /** Name of the template placeholder holding the text. */
  name: string;
  /** 'end' for a shopper's draft (the caret is there), 'start' for descriptions and notes. */
  keep: 'start' | 'end';
}

/** A free-text field that was shortened to fit the context window. */
export interface TruncatedField {
  /** Name of the shortened placeholder (e.g. `features`, `draft`). */
  field: string;
  /** Which end of the text was kept: `'start'` or `'end'`; an ellipsis marks the cut on the other side. */
  keep: 'start' | 'end';
  /** Length of the field before shortening, in UTF-16 code units (string `length`). */
  originalChars: number;
  /** Length of the text kept (without the ellipsis), in UTF-16 code units. */
  keptChars: number;
  /** Exactly what was left out of the prompt, so nothing typed is silently lost. */
  removedText: string;
}

/** How a prompt was fitted into the model's context window. */
export interface BudgetReport {
  /** The model's context window, in tokens (prompt plus new tokens). */
  contextLength: number;
  /** Tokens in the final prompt. */
  promptTokens: number;
  /** Tokens reserved for generation; `promptTokens + maxNewTokens` never exceeds `contextLength`. */
  maxNewTokens: number;
  /** Few-shot examples the template offered. */
  examplesAvailable: number;
  /** Few-shot examples kept in the prompt (examples are dropped from the last one first). */
  examplesUsed: number;
  /** Indexes (into the template's examples) of the few-shot examples left out. */
  droppedExamples: number[];
  /** Free-text fields that were shortened, with exactly what was removed; empty when none was. */
  truncatedFields: TruncatedField[];
}

/** Input to `fitPrompt`: a template, the values to fill in and the token budget. */
export interface BudgetRequest {
  /** The prompt template to render. */
  template: PromptTemplate;
  /** Values shared by the header and every example (e.g. `brand`, `voice`). */
  shared: Readonly<Record<string, string>>;
  /** Placeholder values for the final (query) entry. */
  query: Readonly<Record<string, string>>;
  /** Per-example placeholder values (already mapped from the template's examples). */
  examples: readonly Readonly<Record<string, string>>[];
  /** Query fields that may be shortened, tried longest first, once every example is dropped. */
  shortenable: readonly ShortenableField[];
  /** Tokenizer used to count tokens. */
  tokenizer: TextTokenizer;
  /** The model's context window, in tokens. */
  contextLength: number;
  /** Tokens to keep free for generation: an integer from 1 to `contextLength - 1`. */
  maxNewTokens: number;
}

/** A prompt that fits the budget, with the values used and a report of what was cut. */
export interface FittedPrompt {
  /** The rendered prompt text. */
  prompt: string;
  /** The query values actually used (after shortening). */
  query: Record<string, string>;
  /** What was dropped or shortened to make the prompt fit. */
  report: BudgetReport;
}

const ELLIPSIS = '…';

/**
 * The budget asks for the same strings' tokens more than once (a field, then the text being
 * shortened): remember them for the duration of one call.
 */
function memoized(tokenizer: TextTokenizer): TextTokenizer & { remember(text: string, ids: number[]): void } {
  const seen = new Map<string, number[]>();
  return {
    remember: (text, ids) => void seen.set(text, ids),
    encode(text) {
      let ids = seen.get(text);
      if (!ids) seen.set(text, (ids = tokenizer.encode(text)));
      return ids;
    },
    decode: (ids) => tokenizer.decode(ids),
  };
}

function countTokens(tokenizer: TextTokenizer, text: string): number {
  return tokenizer.encode(text).length;
}

/**
 * The longest slice (from the kept end) whose tokens, with the ellipsis, fit `maxTokens`, snapped
 * to a word boundary. One tokenization: the kept tokens are decoded back to the text they cover.
 */
function shortenTo(tokenizer: TextTokenizer, text: string, keep: 'start' | 'end', maxTokens: number): string {
  const marked = (s: string) => (s.length === 0 ? '' : keep === 'end' ? ELLIPSIS + s : s + ELLIPSIS);
  const ids = tokenizer.encode(text);
  let kept: string | undefined;
  // A token boundary inside a multi-byte character decodes to U+FFFD: step one token further.
  for (let n = Math.min(ids.length, maxTokens - countTokens(tokenizer, ELLIPSIS)), tries = 0; tries < 4; n--, tries++) {
    if (n <= 0) {
      kept = '';
      break;
    }
    const piece = tokenizer.decode(keep === 'end' ? ids.slice(ids.length - n) : ids.slice(0, n));
    if (keep === 'end' ? text.endsWith(piece) : text.startsWith(piece)) {
      kept = piece;
      break;
    }
  }
  kept ??= searchLongestFit(tokenizer, text, keep, maxTokens, marked);
  // Prefer whole words when the cut fell inside one (CJK text has no spaces: keep as is).
  if (keep === 'end') {
    const cutInsideWord = /\w/.test(text.charAt(text.length - kept.length - 1)) && /^\w/.test(kept);
    const firstSpace = kept.search(/\s/);
    if (cutInsideWord && firstSpace >= 0 && firstSpace < 24) kept = kept.slice(firstSpace + 1);
  } else {
    const cutInsideWord = /\w$/.test(kept) && /\w/.test(text.charAt(kept.length));
    const lastSpace = kept.search(/\s\S*$/);
    if (cutInsideWord && lastSpace >= 0 && kept.length - lastSpace < 24) kept = kept.slice(0, lastSpace);
  }
  return marked(kept);
}

/** The fallback when decoding does not give back the text (special-token text, odd normalizers): a binary search. */
function searchLongestFit(tokenizer: TextTokenizer, text: string, keep: 'start' | 'end', maxTokens: number, marked: (s: string) => string): string {
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (countTokens(tokenizer, marked(safeSlice(text, keep, mid))) <= maxTokens) lo = mid;
    else hi = mid - 1;
  }
  return safeSlice(text, keep, Math.max(0, lo));
}

/**
 * Fits prompt + `maxNewTokens` into the context window: drops few-shot examples (last first),
 * then shortens the longest free-text field, keeping the end that matters. Throws `PROMPT_TOO_LONG`
 * when even an empty set of shortenable fields does not fit.
 */
export function fitPrompt(request: BudgetRequest): FittedPrompt {
  const { template, shared, contextLength, maxNewTokens } = request;
  const tokenizer = memoized(request.tokenizer);
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1 || maxNewTokens >= contextLength) {
    throw new PromptingError('INVALID_INPUT', `maxNewTokens must be an integer from 1 to ${contextLength - 1}`, 'maxNewTokens');
  }
  const available = contextLength - maxNewTokens;
  const query: Record<string, string> = { ...request.query };
  let examples = [...request.examples];
  const droppedExamples: number[] = [];
  const truncatedFields: TruncatedField[] = [];

  // A shortenable field never keeps more tokens than the whole window holds: tokenize only the end
  // (or start) of it that could fit, so a 60,000-character draft costs what a short one does.
  let fieldAloneTooLong = false;
  for (const field of request.shortenable) {
    const window = tokenWindow(tokenizer, query[field.name] ?? '', field.keep, available);
    if (!window.whole) {
      query[field.name] = window.text;
      // The window's tokens were counted in context; near its cut they may differ by a token, which the final count checks.
      tokenizer.remember(window.text, window.ids);
    }
    fieldAloneTooLong ||= !window.whole;
  }

  // A field that alone outgrows the window leaves no room for any example: drop them all at once.
  if (fieldAloneTooLong) {
    droppedExamples.push(...examples.map((_, i) => i));
    examples = [];
  }

  const render = () => renderPrompt(template, shared, query, examples);
  let prompt = render();
  // Known to overflow: skip counting a prompt that is about to be shortened anyway.
  let tokens = fieldAloneTooLong ? Number.POSITIVE_INFINITY : countTokens(tokenizer, prompt);

  while (tokens > available && examples.length > 0) {
    examples = examples.slice(0, -1);
    droppedExamples.unshift(examples.length);
    prompt = render();
    tokens = countTokens(tokenizer, prompt);
  }

  const originals = new Map(request.shortenable.map((f) => [f.name, request.query[f.name] ?? '']));
  while (tokens > available) {
    const candidates = request.shortenable
      .map((f) => ({ field: f, size: countTokens(tokenizer, query[f.name] ?? '') }))
      .filter((c) => c.size > 0)
      .sort((a, b) => b.size - a.size);
    const longest = candidates[0];
    if (!longest) {
      throw new PromptingError(
        'PROMPT_TOO_LONG',
        `prompt needs ${Number.isFinite(tokens) ? tokens : countTokens(tokenizer, prompt)} tokens + ${maxNewTokens} new tokens, more than the ${contextLength}-token window even with every example dropped and free text emptied`,
      );
    }
    const { field } = longest;
    // Room for this field: the window minus the rest of the prompt (counted with the field empty: short).
    const rest = countTokens(tokenizer, renderPrompt(template, shared, { ...query, [field.name]: '' }, examples));
    // Each pass asks for less than the last (the second bound), so the loop ends.
    const overflowBound = Number.isFinite(tokens) ? longest.size - (tokens - available) : Number.POSITIVE_INFINITY;
    // A few tokens of slack: the ellipsis and the seam with the text before the field can merge differently.
    const target = Math.max(0, Math.min(available - rest - 3, overflowBound));
    query[field.name] = shortenTo(tokenizer, query[field.name] ?? '', field.keep, target);
    prompt = render();
    tokens = countTokens(tokenizer, prompt);
  }

  for (const field of request.shortenable) {
    const original = originals.get(field.name) ?? '';
    const now = query[field.name] ?? '';
    if (now === original) continue;
    const kept = now.replace(field.keep === 'end' ? /^…/ : /…$/, '');
    const removedText = field.keep === 'end' ? original.slice(0, original.length - kept.length) : original.slice(kept.length);
    truncatedFields.push({ field: field.name, keep: field.keep, originalChars: original.length, keptChars: kept.length, removedText });
  }

  return {
    prompt,
    query,
    report: {
      contextLength,
      promptTokens: tokens,
      maxNewTokens,
      examplesAvailable: request.examples.length,
      examplesUsed: examples.length,
      droppedExamples,
      truncatedFields,
    },
  };
}
