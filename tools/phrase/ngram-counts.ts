/**
 * N-gram counts over word-piece ids, one table per order. An n-gram is stored as (index of its
 * (n−1)-gram prefix on the order below, last word), so a key `prefix × V + word` stays an exact
 * double for any order, and every prefix and suffix of a counted n-gram is counted too.
 */
export interface OrderTable {
  /** Order 1: unused (the index is the word id). Order ≥ 2: index of the prefix on order n−1. */
  prefix: number[];
  word: number[];
  count: number[];
  /** Index on order n−1 of the n-gram without its first word (order 1: unused). */
  suffix: number[];
  keys: Map<number, number>;
}

export class NgramCounts {
  readonly order: number;
  readonly vocabSize: number;
  /** tables[n - 1] holds order n. */
  readonly tables: OrderTable[];

  constructor(order: number, vocabSize: number) {
    this.order = order;
    this.vocabSize = vocabSize;
    this.tables = [];
    for (let n = 1; n <= order; n++) this.tables.push({ prefix: [], word: [], count: [], suffix: [], keys: new Map() });
    const unigrams = this.tables[0] as OrderTable;
    for (let w = 0; w < vocabSize; w++) {
      unigrams.prefix.push(-1);
      unigrams.word.push(w);
      unigrams.count.push(0);
      unigrams.suffix.push(-1);
    }
  }

  #bump(n: number, prefix: number, word: number): number {
    const table = this.tables[n - 1] as OrderTable;
    const key = prefix * this.vocabSize + word;
    let index = table.keys.get(key);
    if (index === undefined) {
      index = table.word.length;
      table.keys.set(key, index);
      table.prefix.push(prefix);
      table.word.push(word);
      table.count.push(0);
      table.suffix.push(-1);
    }
    (table.count as number[])[index] = (table.count[index] as number) + 1;
    return index;
  }

  /** Counts one line: `ids[0]` is the start marker, and it is never counted as a word. */
  addLine(ids: ArrayLike<number>): void {
    // previous[n] = index of the n-gram ending at the previous position, per order.
    let previous: number[] = [];
    for (let t = 1; t < ids.length; t++) {
      const word = ids[t] as number;
      const unigrams = this.tables[0] as OrderTable;
      (unigrams.count as number[])[word] = (unigrams.count[word] as number) + 1;
      const current: number[] = [-1, word];
      for (let n = 2; n <= this.order && n <= t + 1; n++) {
        const prefix = n === 2 ? (ids[t - 1] as number) : (previous[n - 1] as number);
        current[n] = this.#bump(n, prefix, word);
      }
      previous = current;
    }
  }

  /** Fills `suffix` for every order ≥ 2 (call once, after counting). */
  linkSuffixes(): void {
    for (let n = 2; n <= this.order; n++) {
      const table = this.tables[n - 1] as OrderTable;
      const lower = this.tables[n - 2] as OrderTable;
      for (let i = 0; i < table.word.length; i++) {
        const word = table.word[i] as number;
        if (n === 2) {
          table.suffix[i] = word;
          continue;
        }
        // The prefix's own suffix (on order n−2) followed by this word.
        const prefixSuffix = (this.tables[n - 2] as OrderTable).suffix[table.prefix[i] as number] as number;
        const index = lower.keys.get(prefixSuffix * this.vocabSize + word);
        if (index === undefined) throw new Error(`order ${n}: a suffix was never counted`);
        table.suffix[i] = index;
      }
    }
  }

  /** First word of an n-gram (walks the prefixes down to order 1). */
  firstWord(n: number, index: number): number {
    let at = index;
    for (let k = n; k > 1; k--) at = (this.tables[k - 1] as OrderTable).prefix[at] as number;
    return at;
  }
}
