/** Languages the built-in templates and guard rules cover. */
export type PromptLang = 'en' | 'zh';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_LETTER = /[A-Za-z]/g;

/** Picks 'zh' when Han characters outnumber Latin letters (a zh review often holds a brand name in Latin). */
export function detectLang(text: string): PromptLang {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  return han > 0 && han * 2 >= latin ? 'zh' : 'en';
}
