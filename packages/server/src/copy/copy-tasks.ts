/**
 * Which prompting task writes each kind of copy, and how a catalogue row becomes
 * that task's input. Columns the task has no field for (colour, size, …) are kept
 * as "colour: navy" features, so the model sees every attribute the merchant gave.
 */
import { type MarketingCopyKind, type TaskOptions, type TaskResult, type TextGenerator, writeMarketingCopy, writeProductDescription, writeUserStory } from '@cowrite/core';
import type { CatalogRow } from './catalog-reader.ts';

/** Which copy a catalogue run writes: a product `description`, `marketing` copy, or a customer `story` from a review. */
export type CopyTask = 'description' | 'marketing' | 'story';
/** Every copy task, for argument checking and help text. */
export const COPY_TASKS: readonly CopyTask[] = ['description', 'marketing', 'story'];

/** Columns that are identity or bookkeeping, not product facts. */
const NOT_ATTRIBUTES = new Set(['sku', 'kind', 'review', 'customer', 'length']);
const DESCRIPTION_FIELDS = new Set(['name', 'category', 'features', 'materials', 'material', 'audience', 'tone']);

/** The columns each task cannot do without (besides `sku`). */
export function requiredColumns(task: CopyTask): string[] {
  return task === 'story' ? ['name', 'review'] : ['name'];
}

/** The row's attributes as facts for the guard: everything the merchant stated about the product. */
export function rowFacts(row: CatalogRow): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) if (!NOT_ATTRIBUTES.has(key)) facts[key] = value;
  return facts;
}

function extraFeatures(row: CatalogRow, known: Set<string>): string[] {
  return Object.entries(row)
    .filter(([key]) => !known.has(key) && !NOT_ATTRIBUTES.has(key))
    .map(([key, value]) => `${key}: ${value}`);
}

export function runCopyTask(engine: TextGenerator, task: CopyTask, row: CatalogRow, options: TaskOptions & { kind?: MarketingCopyKind }): Promise<TaskResult> {
  const features = [row.features, ...extraFeatures(row, DESCRIPTION_FIELDS)].filter((f): f is string => Boolean(f));
  if (task === 'description') {
    const length = row.length === 'short' || row.length === 'long' ? row.length : 'medium';
    return writeProductDescription(
      engine,
      { name: row.name, category: row.category, features, materials: row.materials ?? row.material, audience: row.audience, tone: row.tone, length },
      options,
    );
  }
  if (task === 'marketing') {
    const kind = (row.kind as MarketingCopyKind | undefined) ?? options.kind ?? 'tagline';
    const marketingFeatures = [row.category, row.materials ?? row.material, ...features].filter((f): f is string => Boolean(f));
    return writeMarketingCopy(engine, { kind, name: row.name, features: marketingFeatures, audience: row.audience, tone: row.tone }, options);
  }
  return writeUserStory(engine, { review: row.review, product: row.name, customer: row.customer }, options);
}
