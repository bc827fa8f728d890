/** An idea already posted, shown to prevent duplicates. */
export interface ExistingIdea {
  /** Your id for the idea: local and remote results with the same id (or, without ids, the same title) are shown once. */
  id?: string | number;
  /** The idea's title, matched against the title being typed. */
  title: string;
  /** Votes so far, shown next to the title; breaks ties between equally similar ideas. */
  votes?: number;
  /** A short status shown after the title, e.g. "Planned". */
  status?: string;
  /** Link to the idea: http(s) or relative only; any other scheme renders the title without a link. */
  href?: string;
}

const stopWords = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'you', 'your', 'are', 'can', 'could', 'would', 'should', 'please', 'add', 'make', 'more', 'new']);

/** Words (3+ letters, minus filler) and, for Chinese, character pairs. */
export function ideaTerms(text: string): Set<string> {
  const terms = new Set<string>();
  const lower = text.toLowerCase();
  for (const word of lower.match(/[\p{Script=Latin}\p{N}]{3,}/gu) ?? []) {
    if (!stopWords.has(word)) terms.add(word.replace(/(ies|es|s)$/, (ending) => (ending === 'ies' ? 'y' : '')));
  }
  for (const run of lower.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) terms.add(run);
    for (let index = 0; index + 1 < run.length; index += 1) terms.add(run.slice(index, index + 2));
  }
  return terms;
}

/** Dice overlap of two term sets, 0 … 1. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** The ideas whose titles share enough terms with `title`, most similar first. */
export function rankSimilarIdeas(title: string, ideas: readonly ExistingIdea[], threshold = 0.3, limit = 3): ExistingIdea[] {
  const terms = ideaTerms(title);
  return ideas
    .map((idea) => ({ idea, score: overlap(terms, ideaTerms(idea.title)) }))
    .filter((entry) => entry.score >= threshold)
    .sort((a, b) => b.score - a.score || (b.idea.votes ?? 0) - (a.idea.votes ?? 0))
    .slice(0, limit)
    .map((entry) => entry.idea);
}
