/**
 * Links the elements render from page data (`reviews[].href`, `ideas[].href`) must never run
 * script: only http(s) and relative URLs pass. The check reads the string the way the browser's
 * URL parser will — leading/trailing C0 controls and spaces dropped, tabs and newlines removed
 * anywhere — so ` JaVaScRiPt:`, `java\tscript:` and `\x01javascript:` are caught too.
 */
const EDGE_CONTROLS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/** The URL when it is http(s) or relative, else undefined (render no link). */
export function safeLinkUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.replace(EDGE_CONTROLS, '').replace(TAB_OR_NEWLINE, '');
  if (url === '') return undefined;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return url;
  return scheme === 'http' || scheme === 'https' ? url : undefined;
}
