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

/** . ! ? 。 ！ ？ … and newline, by char code (this runs on every character). */
function isTerminal(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 10 || code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x2026;
}
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Splits on . ! ? 。 ！ ？ … and newlines; the closing punctuation stays with its sentence. */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (!isTerminal(code)) {
      index++;
      continue;
    }
    // "3.5 inch", "v2.0": a dot between digits does not end a sentence.
    if (code === 46 && isDigit(text.charCodeAt(index - 1)) && isDigit(text.charCodeAt(index + 1))) {
      index++;
      continue;
    }
    let exclamations = 0;
    let question = false;
    for (let next = text.charCodeAt(index); index < length && (isTerminal(next) || next === 32); next = text.charCodeAt(++index)) {
      if (next === 33 || next === 0xff01) exclamations++;
      if (next === 63 || next === 0xff1f) question = true;
    }
    pushTrimmed(text, start, index, exclamations, question, sentences);
    start = index;
  }
  pushTrimmed(text, start, length, 0, false, sentences);
  return sentences;
}

const isSpace = (code: number): boolean => code <= 32 || code === 0x3000 || code === 0xa0;

function pushTrimmed(text: string, start: number, end: number, exclamations: number, question: boolean, out: SentenceSpan[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, exclamations, question });
}
