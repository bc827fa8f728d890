import type { SentimentLanguage } from './types.ts';

/**
 * Replaces HTML tags, script/style bodies and entities with spaces of the same length,
 * so every offset found afterwards is still an offset into the caller's original string.
 * Linear: each pattern is anchored on a literal and has no nested quantifiers.
 */
export function blankMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  const blank = (match: string): string => ' '.repeat(match.length);
  return blankScriptBodies(text)
    .replace(/<!--[^]{0,500}?-->/g, blank)
    .replace(/<\/?[a-zA-Z][^<>]{0,500}>/g, blank)
    .replace(/&(?:[a-zA-Z]{2,10}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, blank);
}

/** `<script>` and `<style>` bodies are not words; an unclosed one runs to the end of the text. */
function blankScriptBodies(text: string): string {
  let out = '';
  let copied = 0;
  const opening = /<(script|style)\b/gi;
  for (let found = opening.exec(text); found; found = opening.exec(text)) {
    const closing = new RegExp(`</${found[1]}[^>]{0,100}>`, 'gi');
    closing.lastIndex = found.index;
    const closed = closing.exec(text);
    const closeEnd = closed ? closed.index + closed[0].length : text.length;
    out += text.slice(copied, found.index) + ' '.repeat(closeEnd - found.index);
    copied = closeEnd;
    if (!closed) break;
    opening.lastIndex = closeEnd;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

export interface SentenceSpan {
  start: number;
  end: number;
  /** "!" / "！" in the closing punctuation run (emphasis). */
  exclamations: number;
  question: boolean;
}

const isTerminal = (char: string): boolean => '.!?。！？…\n'.includes(char);

/** Splits on . ! ? 。 ！ ？ … and newlines; the closing punctuation stays with its sentence. */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    if (!isTerminal(text[index])) {
      index++;
      continue;
    }
    // "3.5 inch", "v2.0": a dot between digits does not end a sentence.
    if (text[index] === '.' && /\d/.test(text[index - 1] ?? '') && /\d/.test(text[index + 1] ?? '')) {
      index++;
      continue;
    }
    let exclamations = 0;
    let question = false;
    while (index < length && (isTerminal(text[index]) || text[index] === ' ')) {
      const char = text[index];
      if (char === '!' || char === '！') exclamations++;
      if (char === '?' || char === '？') question = true;
      index++;
    }
    pushTrimmed(text, start, index, exclamations, question, sentences);
    start = index;
  }
  pushTrimmed(text, start, length, 0, false, sentences);
  return sentences;
}

function pushTrimmed(text: string, start: number, end: number, exclamations: number, question: boolean, out: SentenceSpan[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end, exclamations, question });
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/** Chinese when Han characters × 3 ≥ Latin letters (a Chinese word is one or two characters, an English one about five letters). */
export function detectLanguage(text: string, start = 0, end = text.length): SentimentLanguage {
  let han = 0;
  let latin = 0;
  for (let index = start; index < end; index++) {
    const char = text[index];
    if (char.charCodeAt(0) < 128) {
      if (LATIN.test(char)) latin++;
    } else if (HAN.test(char)) {
      han++;
    }
  }
  return han > 0 && han * 3 >= latin ? 'zh' : 'en';
}
