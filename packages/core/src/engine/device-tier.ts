/**
 * Which suggestion model suits this device: the shipped phrase model (≈ 3 MB, instant, no Worker)
 * or GPT-2 (≈ 125 MB int8 download, ≈ 0.3–0.5 GB of memory while it runs, ~20–45 ms a token on a
 * laptop CPU). The hints are the browser's own (Network Information API, Device Memory API; Chromium
 * only — elsewhere they are absent and GPT-2 stays the choice). A page overrides with its own rule.
 */
export interface DeviceHints {
  /** `navigator.connection.saveData`: the shopper turned on a data saver. */
  saveData?: boolean;
  /** `navigator.connection.effectiveType`: 'slow-2g' | '2g' | '3g' | '4g'. */
  effectiveType?: string;
  /** `navigator.deviceMemory`: RAM in GiB, rounded down to a power of two and capped at 8. */
  deviceMemory?: number;
}

/** Which suggestion model to use: the shipped `phrase` model or `gpt2`. */
export type SuggestionTier = 'phrase' | 'gpt2';

/** Below this much RAM (GiB), GPT-2's working set would crowd out the page: 2 GiB phones. */
export const MIN_GPT2_DEVICE_MEMORY = 4;
const SLOW_NETWORKS = new Set(['slow-2g', '2g', '3g']);

interface NavigatorHints {
  connection?: { saveData?: boolean; effectiveType?: string };
  deviceMemory?: number;
}

/** Reads the hints from `navigator` (empty outside a browser). */
export function readDeviceHints(nav: unknown = (globalThis as { navigator?: unknown }).navigator): DeviceHints {
  const n = (nav ?? {}) as NavigatorHints;
  const hints: DeviceHints = {};
  if (typeof n.connection?.saveData === 'boolean') hints.saveData = n.connection.saveData;
  if (typeof n.connection?.effectiveType === 'string') hints.effectiveType = n.connection.effectiveType;
  if (typeof n.deviceMemory === 'number') hints.deviceMemory = n.deviceMemory;
  return hints;
}

/**
 * The phrase model when the shopper saves data, the network is 3G or slower, or the device has less
 * than 4 GiB of RAM; GPT-2 otherwise. `reason` says which hint decided, for logs and the UI.
 */
export function suggestionTier(hints: DeviceHints = readDeviceHints()): { tier: SuggestionTier; reason: string } {
  if (hints.saveData === true) return { tier: 'phrase', reason: 'data saver is on' };
  if (hints.effectiveType !== undefined && SLOW_NETWORKS.has(hints.effectiveType)) return { tier: 'phrase', reason: `the network is ${hints.effectiveType}` };
  if (hints.deviceMemory !== undefined && hints.deviceMemory < MIN_GPT2_DEVICE_MEMORY) return { tier: 'phrase', reason: `the device has ${hints.deviceMemory} GiB of memory` };
  return { tier: 'gpt2', reason: 'no constraint reported' };
}
