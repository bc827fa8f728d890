/** Languages the built-in templates and guard rules cover. */
export type PromptLang = 'en' | 'zh';

/** Enough text to tell the languages apart; a long draft is judged by its end, where the caret is. */
const SAMPLE_CHARS = 4_000;

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const isLatinLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * Picks 'zh' when Han characters outnumber Latin letters (a zh review often holds a brand name in Latin).
 * Counts in one pass over at most the last 4,000 characters, without building match arrays: it runs on every keystroke.
 */
export function detectLang(text: string): PromptLang {
  let han = 0;
  let latin = 0;
  for (let i = Math.max(0, text.length - SAMPLE_CHARS); i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLatinLetter(code)) latin++;
    else if (isHan(code)) han++;
  }
  return han > 0 && han * 2 >= latin ? 'zh' : 'en';
}
