/** Sentence boundaries for English and Chinese generated text. */

const TERMINATOR = /[.!?。！？…]+["'”’」』）)\]]*/g;
const CJK_OR_FULLWIDTH = /[。！？…]/;
const ABBREVIATIONS = /(?:^|\s)(?:mr|mrs|ms|dr|st|vs|etc|e\.g|i\.e|no|approx|incl|fig|cm|mm|in)\.$/i;

/** End offsets (exclusive) of every complete sentence in `text`, in order. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(TERMINATOR)) {
    const end = m.index + m[0].length;
    const next = text.charAt(end);
    if (!CJK_OR_FULLWIDTH.test(m[0])) {
      // ASCII punctuation ends a sentence only before whitespace, the end, or CJK text ("2.5 kg" does not).
      if (next !== '' && !/\s|[\u3400-\u9fff]/.test(next)) continue;
      if (next === '') {
        ends.push(end);
        continue;
      }
      if (m[0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(0, m.index - 6), end))) continue;
    }
    ends.push(end);
  }
  return ends;
}
