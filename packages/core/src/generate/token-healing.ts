import type { TextTokenizer } from '../contracts/text-generator.ts';

/**
 * Token healing (Hugging Face's `token_healing`, here for the whole last word): a prompt that ends inside a
 * word ends on an odd split the model rarely saw ("so comf" is " com" + "f"), so its guesses are poor. Healing
 * takes the word's tokens off the prompt and lets the first new tokens only spell that text on (" comfortable",
 * or " com" then "fy"); the text the prompt already had is then taken off the output, so callers see only the
 * continuation ("ortable").
 */
export interface HealedPrompt {
  /** The prompt without the tokens of its unfinished last word. */
  promptIds: readonly number[];
  /** Those tokens' text (" comf"): what the new tokens must spell first, and what the output leaves out. */
  prefix: string;
}

/** Every token's text, from the tokenizer's own table when it has one, else decoded once per tokenizer. */
const tokenTexts = new WeakMap<TextTokenizer, string[]>();

export function textsOf(tokenizer: TextTokenizer, vocabSize: number): readonly string[] {
  const fast = tokenizer.tokenTexts?.();
  if (fast) return fast;
  let texts = tokenTexts.get(tokenizer);
  if (!texts) {
    texts = Array.from({ length: vocabSize }, (_, id) => tokenizer.decode([id]));
    tokenTexts.set(tokenizer, texts);
  }
  return texts;
}

const WORD_PIECE = /^[\p{L}\p{N}]+$/u;
const WORD_START = /^\s[\p{L}\p{N}]+$/u;

/**
 * Heals a prompt that ends in a word: back to the token that starts the word (at most `maxTokens`).
 * `undefined` when the prompt ends in a space or a mark, or the word is the whole prompt.
 */
export function healPrompt(promptIds: readonly number[], texts: readonly string[], maxTokens = 3): HealedPrompt | undefined {
  let start = promptIds.length;
  while (start > 0 && promptIds.length - start < maxTokens) {
    const text = texts[promptIds[start - 1]] ?? '';
    if (WORD_START.test(text)) {
      start--;
      break;
    }
    if (!WORD_PIECE.test(text)) break;
    start--;
  }
  if (start === promptIds.length || start === 0) return undefined;
  return { promptIds: promptIds.slice(0, start), prefix: promptIds.slice(start).map((id) => texts[id]).join('') };
}

/** While the prefix is not spelled out yet, only tokens that go on spelling it (or finish it and go further) may come. */
export class HealingConstraint {
  #rest: string;
  readonly #texts: readonly string[];

  constructor(prefix: string, texts: readonly string[]) {
    this.#rest = prefix;
    this.#texts = texts;
  }

  get active(): boolean {
    return this.#rest.length > 0;
  }

  /** Sets every token that cannot come next to −∞. */
  mask(scores: Float32Array): void {
    const rest = this.#rest;
    for (let id = 0; id < scores.length; id++) {
      const text = this.#texts[id] ?? '';
      if (text.length === 0 || !(text.startsWith(rest) || rest.startsWith(text))) scores[id] = Number.NEGATIVE_INFINITY;
    }
  }

  /** Records the chosen token. */
  accept(id: number): void {
    const text = this.#texts[id] ?? '';
    this.#rest = text.startsWith(this.#rest) ? '' : this.#rest.slice(text.length);
  }
}

/** Takes the healed prefix off the output's first deltas (it may arrive split over several). */
export class PrefixStripper {
  #rest: string;
  constructor(prefix: string) {
    this.#rest = prefix;
  }
  strip(delta: string): string {
    if (this.#rest.length === 0 || delta.length === 0) return delta;
    if (delta.startsWith(this.#rest)) {
      const visible = delta.slice(this.#rest.length);
      this.#rest = '';
      return visible;
    }
    if (this.#rest.startsWith(delta)) {
      this.#rest = this.#rest.slice(delta.length);
      return '';
    }
    // Not the healed text after all (the mask makes this impossible): show it rather than lose it.
    this.#rest = '';
    return delta;
  }
}
