import type { TextTokenizer } from '../contracts/text-generator.ts';
import { PromptingError } from './errors.ts';
import type { PromptTemplate } from './template.ts';
import { renderPrompt } from './template.ts';

/** A free-text field the budget may shorten, and which end of it matters. */
export interface ShortenableField {
  name: string;
  /** 'end' for a shopper's draft (the caret is there), 'start' for descriptions and notes. */
  keep: 'start' | 'end';
}

export interface TruncatedField {
  field: string;
  keep: 'start' | 'end';
  originalChars: number;
  keptChars: number;
  /** Exactly what was left out of the prompt, so nothing typed is silently lost. */
  removedText: string;
}

export interface BudgetReport {
  contextLength: number;
  promptTokens: number;
  maxNewTokens: number;
  examplesAvailable: number;
  examplesUsed: number;
  /** Indexes (into the template's examples) of the few-shot examples left out. */
  droppedExamples: number[];
  truncatedFields: TruncatedField[];
}

export interface BudgetRequest {
  template: PromptTemplate;
  shared: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  /** Per-example placeholder values (already mapped from the template's examples). */
  examples: readonly Readonly<Record<string, string>>[];
  shortenable: readonly ShortenableField[];
  tokenizer: TextTokenizer;
  contextLength: number;
  maxNewTokens: number;
}

export interface FittedPrompt {
  prompt: string;
  /** The query values actually used (after shortening). */
  query: Record<string, string>;
  report: BudgetReport;
}

const ELLIPSIS = '…';

function countTokens(tokenizer: TextTokenizer, text: string): number {
  return tokenizer.encode(text).length;
}

/** Never split a UTF-16 surrogate pair when slicing. */
function safeSlice(text: string, keep: 'start' | 'end', chars: number): string {
  if (keep === 'start') {
    let end = chars;
    if (end > 0 && end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
    return text.slice(0, end);
  }
  let start = text.length - chars;
  if (start > 0 && start < text.length && /[\udc00-\udfff]/.test(text.charAt(start))) start++;
  return text.slice(start);
}

/** The longest slice (from the kept end) whose tokens fit `maxTokens`, snapped to a word boundary. */
function shortenTo(tokenizer: TextTokenizer, text: string, keep: 'start' | 'end', maxTokens: number): string {
  const marked = (s: string) => (s.length === 0 ? '' : keep === 'end' ? ELLIPSIS + s : s + ELLIPSIS);
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (countTokens(tokenizer, marked(safeSlice(text, keep, mid))) <= maxTokens) lo = mid;
    else hi = mid - 1;
  }
  let kept = safeSlice(text, keep, Math.max(0, lo));
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

/**
 * Fits prompt + `maxNewTokens` into the context window: drops few-shot examples (last first),
 * then shortens the longest free-text field, keeping the end that matters. Throws `prompt-too-long`
 * when even an empty set of shortenable fields does not fit.
 */
export function fitPrompt(request: BudgetRequest): FittedPrompt {
  const { template, shared, tokenizer, contextLength, maxNewTokens } = request;
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1 || maxNewTokens >= contextLength) {
    throw new PromptingError('invalid-input', `maxNewTokens must be an integer from 1 to ${contextLength - 1}`, 'maxNewTokens');
  }
  const available = contextLength - maxNewTokens;
  const query: Record<string, string> = { ...request.query };
  let examples = [...request.examples];
  const droppedExamples: number[] = [];
  const truncatedFields: TruncatedField[] = [];

  const render = () => renderPrompt(template, shared, query, examples);
  let prompt = render();
  let tokens = countTokens(tokenizer, prompt);

  while (tokens > available && examples.length > 0) {
    examples = examples.slice(0, -1);
    droppedExamples.unshift(examples.length);
    prompt = render();
    tokens = countTokens(tokenizer, prompt);
  }

  const originals = new Map(request.shortenable.map((f) => [f.name, query[f.name] ?? '']));
  while (tokens > available) {
    const candidates = request.shortenable
      .map((f) => ({ field: f, size: countTokens(tokenizer, query[f.name] ?? '') }))
      .filter((c) => c.size > 0)
      .sort((a, b) => b.size - a.size);
    const longest = candidates[0];
    if (!longest) {
      throw new PromptingError(
        'prompt-too-long',
        `prompt needs ${tokens} tokens + ${maxNewTokens} new tokens, more than the ${contextLength}-token window even with every example dropped and free text emptied`,
      );
    }
    const { field } = longest;
    const target = Math.max(0, longest.size - (tokens - available));
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
