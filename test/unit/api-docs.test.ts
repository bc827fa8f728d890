/**
 * Every published declaration carries a TSDoc comment: the API Extractor reports
 * (`packages/*\/etc/*.api.md`) mark one without a comment `(undocumented)`. `api:check` keeps the
 * reports in step with the code, so a report without the marker means the code is documented too.
 * On failure the test names each declaration: document it, then `pnpm run build && pnpm run api:update`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

const TOP_LEVEL = /^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|let|enum|namespace) ([\w$]+)/;
const MODIFIERS = /^(?:(?:readonly|static|protected|public|abstract|override|accessor|get|set|async)\s+)*/;

/** The declarations a report marks `(undocumented)`: `Name` for exports, `Container.member` for members. */
function undocumentedDeclarations(report: string): string[] {
  const lines = report.split('\n');
  const found: string[] = [];
  let container = '';
  for (let index = 0; index < lines.length; index++) {
    const top = TOP_LEVEL.exec(lines[index]);
    if (top) container = top[1];
    if (!lines[index].includes('(undocumented)')) continue;
    // The marker is a comment line of its own; the declaration is the next line that is not a comment.
    let next = index + 1;
    while (next < lines.length && lines[next].trimStart().startsWith('//')) next++;
    const declaration = lines[next] ?? '';
    const exported = TOP_LEVEL.exec(declaration);
    if (exported) {
      found.push(exported[1]);
      continue;
    }
    const member = declaration.trim().replace(MODIFIERS, '');
    const name = /^(?:\[[^\]]*\]|'[^']*'|"[^"]*"|[\w$#]+)/.exec(member)?.[0] ?? member;
    found.push(`${container}.${name}`);
  }
  return found;
}

function apiReports(): string[] {
  const packages = join(ROOT, 'packages');
  return readdirSync(packages).flatMap((name) => {
    const etc = join(packages, name, 'etc');
    try {
      return readdirSync(etc)
        .filter((file) => file.endsWith('.api.md'))
        .map((file) => join('packages', name, 'etc', file));
    } catch {
      return [];
    }
  });
}

describe('public API documentation', () => {
  it('finds the marked declarations in a report, exports and members alike', () => {
    const report = [
      '// @public (undocumented)',
      'export interface Options {',
      '    // (undocumented)',
      '    readonly count: number;',
      '    size?: number;',
      '    // (undocumented)',
      "    get ['x-y'](): string;",
      '}',
      '',
      '// @public',
      'export class Engine {',
      '    // (undocumented)',
      '    // @internal',
      '    static create(): Engine;',
      '    // (undocumented)',
      '    generate(prompt: string): Promise<string>;',
      '}',
      '',
      '// @public @deprecated (undocumented)',
      'export const oldName: typeof newName;',
    ].join('\n');
    expect(undocumentedDeclarations(report)).toEqual(['Options', 'Options.count', "Options.['x-y']", 'Engine.create', 'Engine.generate', 'oldName']);
    expect(undocumentedDeclarations(report.replaceAll(' (undocumented)', ''))).toEqual([]);
  });

  it('every exported declaration in packages/*/etc/*.api.md has a TSDoc comment', () => {
    const reports = apiReports();
    // The reports of all three published packages are there (a moved folder must not make this pass vacuously).
    expect(reports.some((path) => path.startsWith(join('packages', 'core')))).toBe(true);
    expect(reports.some((path) => path.startsWith(join('packages', 'elements')))).toBe(true);
    expect(reports.some((path) => path.startsWith(join('packages', 'server')))).toBe(true);
    const undocumented = reports.flatMap((path) => undocumentedDeclarations(readFileSync(join(ROOT, path), 'utf8')).map((name) => `${path}: ${name}`));
    expect(undocumented, 'Undocumented public declarations: add a /** … */ comment in the source, then run `pnpm run build && pnpm run api:update`').toEqual([]);
  });
});
