import type { CatalogEntry } from './catalog-reader.ts';
import { type CopyTask, requiredColumns } from './copy-tasks.ts';

export interface Checked {
  line: number;
  sku?: string;
  row?: Record<string, string>;
  error?: string;
}

/** Validates entries in catalogue order: required columns present, SKUs unique. */
export async function* checkedRows(entries: AsyncIterable<CatalogEntry>, task: CopyTask): AsyncGenerator<Checked> {
  const firstLine = new Map<string, number>();
  const required = requiredColumns(task);
  for await (const entry of entries) {
    if ('error' in entry) {
      yield entry;
      continue;
    }
    const sku = entry.row.sku?.trim();
    if (!sku) {
      yield { line: entry.line, error: 'missing sku' };
      continue;
    }
    const missing = required.filter((column) => !entry.row[column]?.trim());
    if (missing.length) {
      yield { line: entry.line, sku, error: `missing ${missing.join(' and ')}` };
      continue;
    }
    const seen = firstLine.get(sku);
    if (seen !== undefined) {
      yield { line: entry.line, sku, error: `duplicate sku "${sku}" (first on line ${seen})` };
      continue;
    }
    firstLine.set(sku, entry.line);
    yield { line: entry.line, sku, row: { ...entry.row } };
  }
}
