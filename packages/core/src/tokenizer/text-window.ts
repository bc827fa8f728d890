/**
 * Tokenizing only as much of a long text as can matter. A prompt budget of N tokens
 * never needs more than the last (or first) N-and-a-bit tokens of a draft, so a
 * 60,000-character draft costs what a 4,000-character one does, not 15 times more.
 */

/** The `TextTokenizer` contract (kept structural so this file depends on nothing). */
interface Encoder {
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
}

export interface TokenWindow {
  /** The slice of the text that was tokenized (the whole text when `whole`). */
  text: string;
  ids: number[];
  whole: boolean;
}

/**
 * Tokens near a cut can differ from the whole text's (the cut splits a word, or a run of
 * CJK characters that is one pre-token); the margin keeps them away from the tokens used.
 */
export const CUT_MARGIN_TOKENS = 16;

/** Never split a UTF-16 surrogate pair when slicing. */
export function safeSlice(text: string, keep: 'start' | 'end', chars: number): string {
  if (keep === 'start') {
    let end = chars;
    if (end > 0 && end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    return text.slice(0, end);
  }
  let start = text.length - chars;
  if (start > 0 && start < text.length && isLowSurrogate(text.charCodeAt(start))) start++;
  return text.slice(start);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The end (or start) of `text` that holds `minTokens` tokens plus a margin, or the whole text
 * when it is shorter. Starts from ~5 characters a token, grows by the density it saw, and trims
 * the slice to exactly the tokens needed (decoded back, so no second tokenization): the work is a
 * small multiple of `minTokens`, whatever the text's length.
 */
export function tokenWindow(tokenizer: Encoder, text: string, keep: 'start' | 'end', minTokens: number): TokenWindow {
  const need = Math.max(0, minTokens) + CUT_MARGIN_TOKENS;
  // English averages ~4.5 characters a token; a first guess a little above that usually needs one pass.
  let chars = Math.max(64, need * 5);
  for (;;) {
    if (chars >= text.length) return { text, ids: tokenizer.encode(text), whole: true };
    const slice = safeSlice(text, keep, chars);
    const ids = tokenizer.encode(slice);
    if (ids.length > need) return trimmed(tokenizer, slice, ids, keep, need);
    // Denser text than guessed (long words, CJK): grow by what this slice showed, with headroom.
    chars = Math.max(Math.ceil(chars * 1.25), Math.ceil((chars * need * 1.25) / Math.max(1, ids.length)));
  }
}

/** Exactly `need` tokens of the slice, when decoding them gives back a piece of the text; else the slice. */
function trimmed(tokenizer: Encoder, slice: string, ids: number[], keep: 'start' | 'end', need: number): TokenWindow {
  const kept = keep === 'end' ? ids.slice(ids.length - need) : ids.slice(0, need);
  const piece = tokenizer.decode(kept);
  const matches = keep === 'end' ? slice.endsWith(piece) : slice.startsWith(piece);
  return matches && piece.length > 0 ? { text: piece, ids: kept, whole: false } : { text: slice, ids, whole: false };
}
