import { UNSPACED_SCRIPTS } from '../contracts/language.ts';

/**
 * Splits text into the word pieces a phrase model counts: a word, a number or one punctuation
 * mark (a run of the same mark is one piece: "..."), each with the single space before it
 * (" great", " 5", ","), as GPT-2's pre-tokenizer
 * does, so a suggestion is whole words with their spacing. A line break is its own piece ("\n");
 * other runs of whitespace shrink to the space carried by the next piece. Curly apostrophes
 * become straight ones, so "don’t" and "don't" are one word. Chinese and Japanese are written
 * without spaces, so each of their characters is a piece of its own ("质", "量"): their n-grams are
 * character n-grams. One pass over the code points: linear in the input, whatever it holds.
 */
export function splitWordPieces(text: string): string[] {
  const pieces: string[] = [];
  let space = false;
  let word = '';
  let kind: 'letter' | 'digit' | '' = '';
  const endWord = (): void => {
    if (word.length === 0) return;
    pieces.push(word);
    word = '';
    kind = '';
  };
  for (const raw of text) {
    const ch = raw === '\u2019' ? "'" : raw;
    if (ch === '\n' || ch === '\r') {
      endWord();
      if (pieces[pieces.length - 1] !== '\n') pieces.push('\n');
      space = false;
      continue;
    }
    if (WHITESPACE.test(ch)) {
      endWord();
      space = true;
      continue;
    }
    if (UNSPACED.test(ch)) {
      endWord();
      pieces.push((space ? ' ' : '') + ch);
      space = false;
      continue;
    }
    const next = LETTER.test(ch) ? 'letter' : DIGIT.test(ch) ? 'digit' : '';
    // An apostrophe inside a word keeps it whole ("don't", "it's"); elsewhere it is punctuation.
    if (ch === "'" && kind === 'letter') {
      word += ch;
      continue;
    }
    if (next !== '' && (next === kind || (kind === 'letter' && word.endsWith("'")))) {
      word += ch;
      continue;
    }
    // A run of one punctuation mark is one piece ("...", "!!"), so a model cannot loop on it.
    if (next === '' && !space && word.length === 0 && pieces.length > 0) {
      const last = pieces[pieces.length - 1] as string;
      if (last.endsWith(ch) && [...last.trimStart()].every((c) => c === ch)) {
        pieces[pieces.length - 1] = last + ch;
        continue;
      }
    }
    endWord();
    const piece = (space ? ' ' : '') + ch;
    space = false;
    if (next === '') pieces.push(piece);
    else {
      word = piece;
      kind = next;
    }
  }
  endWord();
  return pieces;
}

const WHITESPACE = /^\s$/u;
const LETTER = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{N}$/u;
/** One character of a script written without spaces between words: a piece of its own. */
export const UNSPACED = new RegExp(`^[${UNSPACED_SCRIPTS}]$`, 'u');
