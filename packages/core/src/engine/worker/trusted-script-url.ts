/**
 * Trusted Types for the engine Worker's URL. A page with `require-trusted-types-for 'script'`
 * refuses a plain string or URL in `new Worker(...)`; Cowrite then asks for its own named policy,
 * `cowrite` (the page allows it with `trusted-types cowrite`, next to Lit's `lit-html`), which
 * only lets through same-origin script URLs that Cowrite itself computed.
 */

/** The slice of the Trusted Types API used here (not in TypeScript's DOM library yet). */
interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): { createScriptURL(input: string): unknown };
}

export const TRUSTED_TYPES_POLICY = 'cowrite';

let policy: { createScriptURL(input: string): unknown } | undefined;

/**
 * The value to give `new Worker(...)`: the URL itself where Trusted Types are not enforced, else a
 * TrustedScriptURL from the `cowrite` policy. Throws when the page's CSP does not allow the policy.
 */
export function trustedScriptUrl(url: URL): unknown {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!factory) return url;
  policy ??= factory.createPolicy(TRUSTED_TYPES_POLICY, {
    createScriptURL(input: string) {
      const parsed = new URL(input, globalThis.location?.href);
      const origin = globalThis.location?.origin;
      // Only the engine's own module (same origin, or the bundle's blob:), never an arbitrary string.
      if (parsed.protocol !== 'blob:' && origin !== undefined && parsed.origin !== origin) {
        throw new TypeError(`The cowrite Trusted Types policy only allows same-origin Worker scripts, not ${parsed.href}.`);
      }
      return parsed.href;
    },
  });
  return policy.createScriptURL(url.href);
}
