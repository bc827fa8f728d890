/** One pass over the text: English words (lower-cased), Han characters one by one, and clause breaks. */
export interface GuardToken {
  /** Lower-cased word, or the single Han character. */
  norm: string;
  start: number;
  end: number;
  kind: 'word' | 'han' | 'break';
}

const isWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
const isHanCode = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
// Frames never reach over these: a sentence or clause end.
const BREAKS = new Set(['.', ',', ';', ':', '!', '?', '\n', '。', '，', '；', '：', '！', '？', '、', '…', '(', ')', '（', '）', '"', '“', '”']);

export function tokenize(text: string): GuardToken[] {
  const tokens: GuardToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWordCode(c)) {
      const start = i;
      i++;
      // Apostrophes inside a word keep "don't", "women's" whole.
      for (;;) {
        const d = text.charCodeAt(i);
        if (isWordCode(d)) i++;
        else if ((d === 39 || d === 0x2019) && isWordCode(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      tokens.push({ norm: text.slice(start, i).toLowerCase().replace(/\u2019/g, "'"), start, end: i, kind: 'word' });
    } else if (isHanCode(c)) {
      tokens.push({ norm: text[i]!, start: i, end: i + 1, kind: 'han' });
      i++;
    } else {
      const ch = text[i]!;
      if (BREAKS.has(ch)) tokens.push({ norm: ch, start: i, end: i + 1, kind: 'break' });
      i++;
    }
  }
  return tokens;
}

/** A dictionary of token sequences (words, or Han characters), matched at each position by walking a trie. */
export class TermTrie<T> {
  private readonly root = new Map<string, TrieNode<T>>();
  readonly maxDepth: number;

  constructor(entries: Iterable<readonly [terms: string, value: T]>) {
    let depth = 0;
    for (const [terms, value] of entries) {
      const parts = splitTerm(terms);
      depth = Math.max(depth, parts.length);
      let level = this.root;
      let node: TrieNode<T> | undefined;
      for (const part of parts) {
        node = level.get(part);
        if (!node) level.set(part, (node = { next: new Map() }));
        level = node.next;
      }
      if (node) node.value = value;
    }
    this.maxDepth = depth;
  }

  /** Longest entry starting at token `at` (never crossing a break): its value and the index after it. */
  longestAt(tokens: readonly GuardToken[], at: number): { value: T; end: number } | undefined {
    let level = this.root;
    let best: { value: T; end: number } | undefined;
    for (let i = at; i < tokens.length && i - at < this.maxDepth; i++) {
      const node = level.get(tokens[i]!.norm);
      if (!node) break;
      if (node.value !== undefined) best = { value: node.value, end: i + 1 };
      level = node.next;
    }
    return best;
  }
}

interface TrieNode<T> {
  value?: T;
  next: Map<string, TrieNode<T>>;
}

/** "not meant for" → words; "连" or "老年人" → characters. */
function splitTerm(term: string): string[] {
  return term.split(' ').flatMap((w) => (/^[\u3400-\u9fff]+$/.test(w) ? Array.from(w) : [w]));
}
