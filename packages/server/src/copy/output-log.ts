/**
 * The output JSON Lines file, which is also the job's progress record: one line per
 * finished product, appended in a single write. Re-running reads the SKUs already
 * there and skips them; a last line cut short by a crash is dropped (truncated away)
 * and that product is written again — so every product appears exactly once.
 */
import { open, readFile, truncate } from 'node:fs/promises';

export interface OutputLog {
  /** SKUs already written by an earlier run. */
  readonly done: ReadonlySet<string>;
  append(record: { sku: string } & Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function openOutputLog(path: string): Promise<OutputLog> {
  const done = new Set<string>();
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let complete = text.lastIndexOf('\n') + 1; // bytes up to the last whole line
  for (const line of text.slice(0, complete).split('\n')) {
    if (!line) continue;
    try {
      const sku = (JSON.parse(line) as { sku?: unknown }).sku;
      if (typeof sku === 'string') done.add(sku);
    } catch {
      // a corrupt line in the middle: leave it, its product will be written again
    }
  }
  if (complete < text.length) {
    complete = Buffer.byteLength(text.slice(0, complete));
    await truncate(path, complete);
  }
  const file = await open(path, 'a');
  return {
    done,
    async append(record) {
      await file.write(JSON.stringify(record) + '\n');
    },
    close: () => file.close(),
  };
}
