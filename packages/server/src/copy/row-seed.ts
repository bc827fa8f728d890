import { createHash } from 'node:crypto';

/** The sampler seed for one product: from its SKU (and the task), so a re-run writes the same copy for the same row. */
export function seedFor(sku: string, task: string): number {
  return createHash('sha256').update(`${task}\u0000${sku}`).digest().readUInt32BE(0) & 0x7fffffff;
}
