/** The languages the built-in templates, guard rules and sentiment lexicons cover. */
export type Lang = 'en' | 'zh';

/** Enough text to tell the languages apart; a long draft is judged by its end, where the caret is. */
const SAMPLE_CHARS = 4_000;

/** Han characters per Latin letter that still make a text Chinese; chosen by `node tools/bench/lang-detect.ts`. */
const HAN_WEIGHT = 4;

/**
 * Scripts written without spaces between words (Chinese, Japanese kana), as a regular-expression
 * character-class body (`u` flag): each of their characters is a word of its own to the phrase model,
 * its word healing and the ghost-text gate.
 */
export const UNSPACED_SCRIPTS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';

/** CJK ideographs: unified, extension A and compatibility blocks. */
const isHan = (code: number): boolean => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
const HAN_CHARACTER = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Whether `text` holds a Han character of the ranges `detectLang` counts: one native search, so `detectLang` can say 'zh'. */
export const hasHan = (text: string): boolean => HAN_CHARACTER.test(text);
const isLatinLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * 'zh' when Han characters × 4 ≥ Latin letters: a Chinese word is one or two characters, an English one about
 * five letters, and a zh review often holds a brand name in Latin ("MacBook Air 续航很好").
 * Looks at `text[start, end)`, at most its last 4,000 characters, in one pass without building match arrays:
 * it runs on every keystroke.
 */
export function detectLang(text: string, start = 0, end = text.length): Lang {
  let han = 0;
  let latin = 0;
  for (let index = Math.max(start, end - SAMPLE_CHARS); index < end; index++) {
    const code = text.charCodeAt(index);
    if (isLatinLetter(code)) latin++;
    else if (isHan(code)) han++;
  }
  return han > 0 && han * HAN_WEIGHT >= latin ? 'zh' : 'en';
}
