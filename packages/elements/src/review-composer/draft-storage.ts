/**
 * The composer's autosave: one draft per product in `localStorage`. What comes back is
 * checked field by field — storage is page-writable, so a stored rating of 99 or a topic
 * that is not a string is dropped rather than trusted.
 */
export interface SavedDraft {
  text: string;
  /** 1…5, or 0 when the shopper chose none. */
  rating: number;
  topics: string[];
  savedAt: number;
}

const storagePrefix = 'cowrite:review-draft:';

function storageKey(productId: string): string {
  return storagePrefix + productId;
}

function validRating(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : 0;
}

/** The saved draft for a product, or undefined when there is none (or it is unreadable). */
export function readDraft(productId: string): SavedDraft | undefined {
  let saved: unknown;
  try {
    saved = JSON.parse(localStorage.getItem(storageKey(productId)) ?? 'null');
  } catch {
    return undefined;
  }
  if (!saved || typeof saved !== 'object') return undefined;
  const draft = saved as Partial<Record<keyof SavedDraft, unknown>>;
  if (typeof draft.text !== 'string') return undefined;
  const rating = validRating(draft.rating);
  if (!draft.text && !rating) return undefined;
  return {
    text: draft.text,
    rating,
    topics: Array.isArray(draft.topics) ? draft.topics.filter((topic): topic is string => typeof topic === 'string') : [],
    savedAt: typeof draft.savedAt === 'number' ? draft.savedAt : 0,
  };
}

/** Saves (or, when there is nothing to keep, forgets) a product's draft. */
export function writeDraft(productId: string, draft: Omit<SavedDraft, 'savedAt'>): void {
  try {
    if (!draft.text && !draft.rating) localStorage.removeItem(storageKey(productId));
    else localStorage.setItem(storageKey(productId), JSON.stringify({ ...draft, savedAt: Date.now() } satisfies SavedDraft));
  } catch {
    // Storage full or blocked: the shopper keeps typing; only the safety net is gone.
  }
}

export function removeDraft(productId: string): void {
  try {
    localStorage.removeItem(storageKey(productId));
  } catch {
    // Storage unavailable (private mode, quota): nothing was saved either.
  }
}
