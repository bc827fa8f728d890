/**
 * The textarea's native `maxlength` when the page sets none: long enough for any real review,
 * short enough that a stray paste (a whole document) cannot make every keystroke slow.
 * The page's own `maxlength` attribute replaces it.
 */
export const REVIEW_MAX_LENGTH = 10_000;
