/** Facts about where Cowrite runs, shared by the modules that branch on them. */

export const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** `https:…`, `file:…`, `blob:…` — but not a Windows drive path such as `C:\models`. */
export function hasUrlScheme(value: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(value) && !/^[a-z]:[\\/]/i.test(value);
}

/**
 * A page-relative URL (`/models/gpt2/`) made absolute against the page, so it means the same in a
 * Worker or as a cache key; strings with a scheme, and anything outside a page, are returned as they are.
 */
export function resolveAgainstPage(value: string): string {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  return hasUrlScheme(value) || isNode || page === undefined ? value : new URL(value, page).href;
}
