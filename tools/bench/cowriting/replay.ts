/**
 * Replays a review as a shopper typing it with ghost text, the way Smart Compose is measured: at each
 * word boundary (after a typed space, and right after accepting) the shown suggestion either starts
 * with what the shopper meant to type — they accept the longest run of whole words that matches, one
 * key — or it is wrong and they type on. Suggestions are looked up by caret position, so one pass of
 * model calls serves every confidence threshold.
 */
import { UNSPACED_SCRIPTS } from '../../../packages/core/src/contracts/language.ts';

/** What the real path returned at a caret position (undefined: nothing to show, whatever the gate). */
export interface Offer {
  text: string;
  confidence?: number;
}

export type OfferAt = (draft: string) => Promise<Offer | undefined>;

export interface ReplayTotals {
  reviews: number;
  /** Characters of the reviews: what the shopper would type with no help. */
  chars: number;
  acceptedChars: number;
  acceptKeys: number;
  boundaries: number;
  shown: number;
  accepted: number;
  wrong: number;
}

export function emptyTotals(): ReplayTotals {
  return { reviews: 0, chars: 0, acceptedChars: 0, acceptKeys: 0, boundaries: 0, shown: 0, accepted: 0, wrong: 0 };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Chinese and Japanese characters: each is a whole word to accept, as the phrase model writes them. */
const UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, 'u');
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Where a shopper writing Chinese looks: after each word the input method commits (Intl.Segmenter's
 * word boundaries after a Chinese character), as an English shopper looks after each space.
 */
function committedWordEnds(text: string): Set<number> {
  const ends = new Set<number>();
  if (!UNSPACED.test(text)) return ends;
  for (const { index, segment } of segmenter.segment(text)) {
    const end = index + segment.length;
    if (UNSPACED.test(text[end - 1] as string)) ends.add(end);
  }
  return ends;
}

/**
 * Characters of `target` (from `at`) that the shopper accepts from `suggestion`: the longest prefix of
 * the suggestion that ends at a whole word of it (before a space or punctuation, or after punctuation
 * before a space), equals the text, and does not end inside a word of the text. 0 = wrong suggestion.
 */
export function acceptedLength(suggestion: string, target: string, at: number): number {
  let best = 0;
  let sawWord = false;
  for (let k = 1; k <= suggestion.length; k++) {
    const ch = suggestion[k - 1] as string;
    if (!/\s/.test(ch)) sawWord = true;
    if (target[at + k - 1] !== ch) break;
    // A whole word ends at a space, at the end, or where punctuation follows it ("size" of "size.").
    const next = suggestion[k];
    const unspaced = UNSPACED.test(ch);
    const wordEnds = next === undefined || /\s/.test(next) || unspaced || UNSPACED.test(next) || (WORD_CHAR.test(ch) && !WORD_CHAR.test(next) && next !== "'");
    if (!wordEnds || !sawWord || /\s/.test(ch)) continue;
    const following = target[at + k];
    if (following !== undefined && !unspaced && WORD_CHAR.test(ch) && WORD_CHAR.test(following) && !UNSPACED.test(following)) continue;
    best = k;
  }
  return best;
}

/**
 * Where the shopper looks at ghost text: `boundaries` — at word boundaries only (the issue's
 * definition); `keystrokes` — after every key, so unfinished words can be completed too (what the
 * composer offers whenever the shopper pauses; an upper bound, since nobody pauses at every key).
 */
export type ReplayPositions = 'boundaries' | 'keystrokes';

/** Replays one review through `offerAt`, showing offers that `show` lets through (it sees the draft too: the gate depends on it). */
export async function replayReview(text: string, offerAt: OfferAt, show: (offer: Offer, draft: string) => boolean, totals: ReplayTotals, positions: ReplayPositions = 'boundaries'): Promise<void> {
  totals.reviews += 1;
  totals.chars += text.length;
  let pos = 0;
  let justAccepted = false;
  const committed = committedWordEnds(text);
  while (pos < text.length) {
    const boundary = pos > 0 && (justAccepted || positions === 'keystrokes' || /\s/.test(text[pos - 1] as string) || committed.has(pos));
    justAccepted = false;
    if (boundary) {
      totals.boundaries += 1;
      const draft = text.slice(0, pos);
      const offer = await offerAt(draft);
      if (offer && offer.text.length > 0 && show(offer, draft)) {
        totals.shown += 1;
        const length = acceptedLength(offer.text, text, pos);
        if (length > 0) {
          totals.accepted += 1;
          totals.acceptKeys += 1;
          totals.acceptedChars += length;
          pos += length;
          justAccepted = true;
          continue;
        }
        totals.wrong += 1;
      }
    }
    pos += 1; // the shopper types one character
  }
}

export interface ReplayMetrics {
  /** (accepted characters − accept keys) / characters typed without help. */
  keystrokeSavings: number;
  /** Accepted / shown suggestions. */
  acceptance: number;
  /** Shown-but-wrong suggestions per look (word boundary, or keystroke): how often the shopper is shown something wrong. */
  wrongRate: number;
  /** Shown suggestions per 100 characters of review. */
  suggestionsPer100Chars: number;
}

export function metrics(t: ReplayTotals): ReplayMetrics {
  return {
    keystrokeSavings: t.chars === 0 ? 0 : (t.acceptedChars - t.acceptKeys) / t.chars,
    acceptance: t.shown === 0 ? 0 : t.accepted / t.shown,
    wrongRate: t.boundaries === 0 ? 0 : t.wrong / t.boundaries,
    suggestionsPer100Chars: t.chars === 0 ? 0 : (100 * t.shown) / t.chars,
  };
}
