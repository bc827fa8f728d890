/**
 * Reads a product catalogue — CSV with a header row (parsed by csv-parse: quoting,
 * embedded newlines, BOM) or JSON Lines — as rows of string attributes, each with
 * the line it starts on. A row that cannot be used (wrong field count, invalid
 * UTF-8, not a JSON object, unparseable) comes out as a bad row with its line
 * number and reason, and reading goes on: one bad row never stops a catalogue.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';

/** One catalogue row: column name (lower-cased for CSV) to value. */
export type CatalogRow = Readonly<Record<string, string>>;

/** A catalogue row with the line it starts on, or the reason it cannot be used. */
export type CatalogEntry = { line: number; row: CatalogRow } | { line: number; error: string };

/** U+FFFD is what a UTF-8 decoder puts where the bytes were not UTF-8. */
const hasInvalidUtf8 = (values: Iterable<string>) => {
  for (const value of values) if (value.includes('\uFFFD')) return true;
  return false;
};

/** Reads a catalogue (CSV, or JSON Lines by extension `.jsonl`, `.json`, `.ndjson`) row by row; bad rows come out as errors and reading goes on. */
export function readCatalog(path: string): AsyncGenerator<CatalogEntry> {
  return /\.jsonl?$|\.ndjson$/i.test(path) ? readJsonLines(path) : readCsv(path);
}

async function* readCsv(path: string): AsyncGenerator<CatalogEntry> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true, skip_records_with_error: true }),
  );
  const skipped: CatalogEntry[] = [];
  parser.on('skip', (error: Error & { lines?: number }) => skipped.push({ line: error.lines ?? 0, error: `unreadable CSV: ${error.message}` }));
  let header: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; records: number } }>) {
    yield* skipped.splice(0);
    // info.lines is where the record ends; a quoted field may span lines, so count back its newlines.
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    if (!header) {
      header = record.map((name) => name.trim().toLowerCase());
      if (header.some((name) => name === '') || new Set(header).size !== header.length) {
        throw new Error(`${path}: the header row (line ${line}) needs unique, non-empty column names; got ${record.join(',')}`);
      }
      continue;
    }
    if (hasInvalidUtf8(record)) {
      yield { line, error: 'not valid UTF-8 (save the file as UTF-8)' };
      continue;
    }
    if (record.length !== header.length) {
      yield { line, error: `has ${record.length} fields, the header has ${header.length}` };
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      if (record[i] !== '') row[name] = record[i];
    });
    yield { line, row };
  }
  yield* skipped.splice(0);
}

async function* readJsonLines(path: string): AsyncGenerator<CatalogEntry> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    if (hasInvalidUtf8([text])) {
      yield { line, error: 'not valid UTF-8 (save the file as UTF-8)' };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, error: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, error: 'not a JSON object' };
      continue;
    }
    const row: Record<string, string> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field === null || field === undefined || field === '') continue;
      row[key.toLowerCase()] = Array.isArray(field) ? field.join(', ') : typeof field === 'object' ? JSON.stringify(field) : String(field);
    }
    yield { line, row };
  }
}
