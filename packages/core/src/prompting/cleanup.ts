import type { FinishReason } from '../contracts/generation.ts';
import { sentenceEnds } from './sentences.ts';

/**
 * - `sentences`: keep complete sentences only (a trailing fragment is cut);
 * - `first-sentence`: ghost text, up to the first sentence end (or whole words when none ends);
 * - `line`: the first non-empty line (headlines, taglines, titles).
 */
export type CleanupMode = 'sentences' | 'first-sentence' | 'line';

/** Why a task returned no text. */
export type EmptyReason =
  | 'empty-generation'
  | 'stopped-at-start'
  | 'no-complete-sentence'
  | 'only-repeats'
  | 'guard-rejected'
  | 'unparseable';

/** Settings for `OutputCleaner`. */
export interface CleanupOptions {
  /** How much of the output to keep; see `CleanupMode`. */
  mode: CleanupMode;
  /** Cut at the first of these (the engine should already have stopped there). */
  stop?: readonly string[];
  /** Sentences the output must not repeat (e.g. the shopper's draft). */
  avoid?: readonly string[];
  /** Keep one leading space: ghost text is inserted right after the caret. */
  keepLeadingSpace?: boolean;
  /** `line` mode: a longer line is cut to whole words within this many characters (titles, headlines). */
  maxLength?: number;
}

/** What output clean-up removed. */
export interface CleanupReport {
  /** Sentences or phrases removed as repeats. */
  removedRepeats: string[];
  /** A trailing fragment cut because it was not a complete sentence. */
  droppedTail?: string;
  /** The stop string the text was cut at, when the clean-up found one. */
  stopString?: string;
}

const WORDY_REPEAT = /(?<![\p{L}\p{N}'’-])((?:[\p{L}\p{N}'’-]+[ \t,;]+){1,7}[\p{L}\p{N}'’-]+)(?:[ \t,;]+\1)+(?![\p{L}\p{N}])/giu;
const HAN_REPEAT = /([\u3400-\u9fff]{2,10}?[，、]?)\1+/gu;

function normalizeSentence(s: string): string {
  return s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Collapses "so soft and so soft and" → "so soft and"; returns the removed text too. */
export function collapseRepeatedPhrases(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const once = (pattern: RegExp, s: string) =>
    s.replace(pattern, (whole: string, phrase: string) => {
      removed.push(whole.slice(phrase.length).trim());
      return phrase;
    });
  return { text: once(HAN_REPEAT, once(WORDY_REPEAT, text)), removed };
}

/**
 * U+FFFD is what a decoder writes for bytes that are not valid UTF-8 — a byte-level BPE model can
 * emit half a character. It is never text a shopper should see, in any task.
 */
const REPLACEMENT_CHARACTER = /\uFFFD/g;

/** Cuts to at most `max` characters, at the last word boundary when there is one (CJK text has none). */
export function capLength(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const nextIsBreak = /^\s/.test(chars[max] ?? ' ');
  const atWord = nextIsBreak ? head : head.replace(/\s+\S*$/, '');
  const kept = atWord.trim().length > 0 ? atWord : head;
  return kept.replace(/[\s,;:、，；：–—-]+$/u, '');
}

function tidyWhitespace(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n[ \t\n]*/g, (m) => (m.split('\n').length > 2 ? '\n\n' : '\n'));
}

export function cutAtStop(text: string, stop: readonly string[] = []): { text: string; stopString?: string } {
  let cut = -1;
  let which: string | undefined;
  for (const s of stop) {
    if (s.length === 0) continue;
    const i = text.indexOf(s);
    if (i >= 0 && (cut < 0 || i < cut)) {
      cut = i;
      which = s;
    }
  }
  return cut < 0 ? { text } : { text: text.slice(0, cut), stopString: which };
}

/**
 * Incremental clean-up so streaming and one-shot results are identical:
 * `push` raw model text, get back cleaned sentences as they complete; `finish` returns the rest.
 * Each returned piece carries its separating whitespace at the front, so joining them is the result.
 */
export class OutputCleaner {
  /** What has been removed so far; complete after `finish`. */
  readonly report: CleanupReport = { removedRepeats: [] };
  private readonly options: CleanupOptions;
  private readonly seen = new Set<string>();
  private raw = '';
  private consumed = 0;
  private emitted = '';
  private stopped = false;
  private sawText = false;
  private finishReason: FinishReason | 'aborted' | undefined;

  constructor(options: CleanupOptions) {
    this.options = options;
    for (const a of options.avoid ?? []) for (const s of splitComplete(a)) this.seen.add(normalizeSentence(s));
  }

  /** True once a stop string, a line end in `line` mode or the first sentence in `first-sentence` mode was reached. */
  get done(): boolean {
    return this.stopped;
  }

  /** The cleaned text so far. */
  get text(): string {
    return this.emitted;
  }

  /** Adds raw model text; returns the cleaned pieces that became complete (each with its leading whitespace). */
  push(delta: string): string[] {
    if (this.stopped) return [];
    this.raw += delta.replaceAll('<|endoftext|>', '').replace(REPLACEMENT_CHARACTER, '');
    const stop = cutAtStop(this.raw, this.options.stop);
    if (stop.stopString !== undefined) {
      this.raw = stop.text;
      this.report.stopString = stop.stopString;
      this.stopped = true;
    }
    if (/\S/.test(this.raw)) this.sawText = true;
    if (this.options.mode === 'line') return [];
    return this.drain(this.stopped);
  }

  /** Emits complete sentences; an end at the very end of the text counts only when `final` ("2." may become "2.5"). */
  private drain(final: boolean): string[] {
    const pending = this.raw.slice(this.consumed);
    const pieces: string[] = [];
    let from = 0;
    for (const end of sentenceEnds(pending)) {
      if (end === pending.length && !final) break;
      // A bare mark first (". I love it") belongs to the sentence after it, not nowhere.
      if (this.emitted.length === 0 && normalizeSentence(pending.slice(from, end)).length === 0 && end < pending.length) continue;
      const piece = this.accept(pending.slice(from, end));
      from = end;
      if (piece) pieces.push(piece);
      if (this.options.mode === 'first-sentence' && this.emitted.length > 0) {
        this.stopped = true;
        this.consumed = this.raw.length;
        return pieces;
      }
    }
    this.consumed += from;
    return pieces;
  }

  /** Ends the stream; returns the last pieces (a kept fragment, or the line in `line` mode). */
  finish(finishReason: FinishReason | 'aborted'): string[] {
    this.finishReason = finishReason;
    if (this.options.mode === 'line') {
      const line = this.raw.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
      const unquoted = line.replace(/^["'“”「」]+|["'“”「」]+$/g, '').trim();
      const piece = this.accept(this.options.maxLength === undefined ? unquoted : capLength(unquoted, this.options.maxLength));
      return piece ? [piece] : [];
    }
    const done = this.options.mode === 'first-sentence' && this.emitted.length > 0;
    const complete = done ? [] : this.drain(true);
    const rest = this.raw.slice(this.consumed);
    this.consumed = this.raw.length;
    if (!/\S/.test(rest) || (this.options.mode === 'first-sentence' && this.emitted.length > 0)) return complete;
    const truncated = finishReason === 'length' || finishReason === 'aborted';
    if (this.options.mode === 'first-sentence') {
      // No sentence ended: offer whole words; a length cut may have split the last word.
      const kept = truncated ? rest.replace(/\s+\S*$/, '') : rest;
      if (kept !== rest) this.report.droppedTail = rest.slice(kept.length);
      const piece = kept.trim().length > 0 ? this.accept(kept) : '';
      return piece ? [...complete, piece] : complete;
    }
    if (truncated || this.emitted.length > 0) {
      this.report.droppedTail = rest.trim();
      return complete;
    }
    // The model ended on its own without punctuation: the fragment is its whole answer.
    const piece = this.accept(rest);
    return piece ? [...complete, piece] : complete;
  }

  /** Why the cleaned text is empty, or undefined when it is not. */
  emptyReason(): EmptyReason | undefined {
    if (this.emitted.trim().length > 0) return undefined;
    if (!this.sawText) {
      // The engine may have cut the stop string itself and reported only finishReason 'stop'.
      return this.report.stopString !== undefined || this.finishReason === 'stop' ? 'stopped-at-start' : 'empty-generation';
    }
    if (this.report.removedRepeats.length > 0) return 'only-repeats';
    return 'no-complete-sentence';
  }

  private accept(sentence: string): string {
    const collapsed = collapseRepeatedPhrases(tidyWhitespace(sentence));
    this.report.removedRepeats.push(...collapsed.removed);
    const key = normalizeSentence(collapsed.text);
    if (key.length === 0) return '';
    if (this.seen.has(key)) {
      this.report.removedRepeats.push(collapsed.text.trim());
      return '';
    }
    this.seen.add(key);
    let piece = collapsed.text.trimEnd();
    if (this.emitted.length === 0) {
      const lead = this.options.keepLeadingSpace && /^\s/.test(piece) ? ' ' : '';
      piece = lead + piece.trimStart();
    }
    this.emitted += piece;
    return piece;
  }
}

function splitComplete(text: string): string[] {
  const ends = sentenceEnds(text);
  const out: string[] = [];
  let from = 0;
  for (const end of ends) {
    out.push(text.slice(from, end));
    from = end;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}
