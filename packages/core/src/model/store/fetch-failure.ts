/**
 * Why a `fetch` rejected, in words a developer can act on. Node (undici) names the cause
 * (`ENOTFOUND` is DNS); a browser only says "Failed to fetch" for DNS, offline, a firewall and
 * CORS alike, so there the message lists them instead of guessing CORS.
 */
const CAUSES: Record<string, (host: string) => string> = {
  ENOTFOUND: (host) => `the host name ${host} could not be resolved (DNS): offline, or the name is wrong`,
  EAI_AGAIN: (host) => `the host name ${host} could not be resolved (DNS): offline, or the name is wrong`,
  ECONNREFUSED: (host) => `${host} refused the connection`,
  ECONNRESET: (host) => `the connection to ${host} was reset`,
  ETIMEDOUT: (host) => `the connection to ${host} timed out`,
  UND_ERR_CONNECT_TIMEOUT: (host) => `the connection to ${host} timed out`,
};

function causeCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code in CAUSES) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function describeFetchFailure(url: string, error: unknown): string {
  const host = new URL(url).host;
  const code = causeCode(error);
  if (code) return `Could not fetch ${url}: ${CAUSES[code](host)}.`;
  const navigatorState = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  if (navigatorState?.onLine === false) return `Could not fetch ${url}: this device is offline.`;
  const detail = error instanceof Error ? error.message : String(error);
  return (
    `Could not fetch ${url} (${detail}): ${host} could not be reached — no network, a host name that does not resolve, ` +
    `a firewall, or a server that does not allow this origin (CORS). The browser's console names the cause.`
  );
}
