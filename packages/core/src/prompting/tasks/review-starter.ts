/**
 * How a phrase model starts "help me write". It reads only the last few words of the review, so the
 * prompt's product, rating and topic lines (which GPT-2 reads) never reach it, and from an empty
 * draft it writes any review at all: a tablet review for a jacket. So a chosen topic the draft does
 * not mention yet, the product's noun and the rating's leaning become the next sentence's first
 * words, and the model finishes the sentence; each click covers the next topic. English only: other
 * languages start from the draft alone.
 */
export interface StarterInput {
  draft: string;
  topics: readonly string[];
  product: string | undefined;
  rating: number | undefined;
}

type Leaning = 'positive' | 'mixed' | 'negative';

/** Openers per topic key (the composer's default chips) and leaning; `{noun}` is the product's noun. */
const OPENERS: Record<string, Record<Leaning, string>> = {
  fit: { positive: 'The fit is', mixed: 'The fit is okay, but', negative: 'The fit is not' },
  quality: { positive: 'The quality of this {noun} is', mixed: 'The quality is okay, but', negative: 'The quality of this {noun} is not' },
  shipping: { positive: 'Shipping was fast and', mixed: 'Shipping took a while, but', negative: 'Shipping took' },
  value: { positive: 'For the price, this {noun} is', mixed: 'For the price, it is okay, but', negative: 'For the price, I expected' },
  comfort: { positive: 'This {noun} is very comfortable and', mixed: 'This {noun} is comfortable, but', negative: 'This {noun} is not comfortable' },
};

/** Words that show the draft already covers a topic (else the topic's own key does). */
const MENTIONS: Record<string, readonly string[]> = {
  fit: ['fit', 'size'],
  shipping: ['shipping', 'delivery', 'arrived'],
  value: ['value', 'price', 'money'],
};

const NO_TOPIC: Record<Leaning, string> = {
  positive: 'I love this {noun}, it is',
  mixed: 'This {noun} is okay, but',
  negative: 'I am disappointed with this {noun}, it',
};

/** Once the draft covers every chosen topic: a closing sentence. */
const CLOSING: Record<Leaning, string> = {
  positive: 'Overall, this {noun} is',
  mixed: 'Overall, it is okay, but',
  negative: 'Overall, I would not',
};

/** A draft a starter may follow: empty, or ended at a sentence. */
const STARTS_FRESH = /^\s*$|[.!?]\s*$/;

/** The words that begin a phrase model's "help me write", or undefined when the draft already says enough to go on from. */
export function reviewStarter(input: StarterInput): string | undefined {
  if (!STARTS_FRESH.test(input.draft)) return undefined;
  const leaning: Leaning = input.rating === undefined || input.rating >= 4 ? 'positive' : input.rating === 3 ? 'mixed' : 'negative';
  const draft = input.draft.toLowerCase();
  const chosen = input.topics.map((each) => each.trim().toLowerCase()).filter((each) => each.length > 0);
  const topic = chosen.find((each) => !(MENTIONS[each] ?? [each]).some((word) => draft.includes(word)));
  if (topic === undefined) return (chosen.length > 0 || /\S/.test(draft) ? CLOSING : NO_TOPIC)[leaning].replace('{noun}', productNoun(input.product));
  const known = OPENERS[topic];
  // A topic of the page's own ("battery", "sound"): named as the shopper's chip names it.
  const opener = known ? known[leaning] : `The ${topic} is${leaning === 'negative' ? ' not' : leaning === 'mixed' ? ' okay, but' : ''}`;
  return opener.replace('{noun}', productNoun(input.product));
}

/**
 * "Ridgeline Insulated Jacket" → "jacket": a product name's last word is usually what it is. A plural
 * ("Trail Shoes") or anything but a word becomes "product", which every opener's grammar fits.
 */
function productNoun(product: string | undefined): string {
  const last = product?.trim().split(/\s+/).pop()?.toLowerCase();
  if (last === undefined || !/^[a-z][a-z-]{2,}$/.test(last)) return 'product';
  return /[^su]s$/.test(last) ? 'product' : last;
}
