/**
 * The folder tree is the architecture diagram: each package's folders sit in layers, and an
 * import may only point to a lower layer (or stay inside its own folder). A layer that needs
 * something from above needs a contract below instead. The map is drawn in README.md.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Bottom first. Folders of one layer must not import each other either (that is how cycles start). */
const LAYERS: Record<string, readonly (readonly string[])[]> = {
  'packages/core/src': [
    ['contracts', 'errors', 'runtime'],
    ['model', 'tokenizer', 'sentiment'],
    ['generate'],
    ['engine', 'prompting', 'phrase'],
    ['testing', 'entries'],
    ['index.ts'],
  ],
  'packages/elements/src': [
    ['services'],
    ['metrics'],
    ['base'],
    ['engine-provider', 'model-status', 'review-composer', 'suggested-copy', 'share-post', 'idea-form', 'feedback-summary'],
    ['testing'],
    ['index.ts', 'define-all.ts'],
  ],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative specifiers of static imports/exports and dynamic imports (`new URL(…)` worker entries too). */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)'(\.{1,2}\/[^']+)'/g)) found.push(match[1]);
  return found;
}

const topFolder = (srcDir: string, file: string): string => relative(srcDir, file).split(sep)[0];

for (const [pkg, layers] of Object.entries(LAYERS)) {
  const srcDir = join(ROOT, pkg);
  const layerOf = new Map(layers.flatMap((folders, index) => folders.map((folder) => [folder, index] as const)));
  const files = sourceFiles(srcDir);

  describe(`layers of ${pkg}`, () => {
    it('places every top-level folder in a layer', () => {
      const unplaced = [...new Set(files.map((file) => topFolder(srcDir, file)))].filter((folder) => !layerOf.has(folder));
      expect(unplaced).toEqual([]);
    });

    it('imports only point down', () => {
      const upward: string[] = [];
      for (const file of files) {
        const from = topFolder(srcDir, file);
        for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
          const to = topFolder(srcDir, resolve(dirname(file), specifier));
          if (to === from || to.startsWith('..')) continue;
          const fromLayer = layerOf.get(from) ?? -1;
          const toLayer = layerOf.get(to) ?? Number.POSITIVE_INFINITY;
          if (toLayer >= fromLayer) upward.push(`${relative(srcDir, file)} → ${specifier} (${from} may not use ${to})`);
        }
      }
      expect(upward).toEqual([]);
    });

  });
}

/**
 * One error model: what a user can catch is a `CowriteError` (or an AbortError). Plain `Error`s are allowed only
 * where they never reach a caller, each with its reason.
 */
const PLAIN_ERRORS_ALLOWED: Record<string, string> = {
  'packages/core/src/engine/worker/trusted-script-url.ts': 'thrown inside the Trusted Types policy; spawn-worker turns it into CSP_BLOCKED',
  'packages/elements/src/base/css-props.ts': 'a directive used in the wrong template position: a bug in our own templates, found at development time',
  'packages/elements/src/share-post/share-post.ts': 'caught by the element itself and shown as its error state',
};

describe('one error model', () => {
  it('throws no plain Error, TypeError or RangeError that a caller could catch', () => {
    const offenders: string[] = [];
    for (const pkg of Object.keys(LAYERS)) {
      for (const file of sourceFiles(join(ROOT, pkg))) {
        const path = relative(ROOT, file);
        if (path.includes('/testing/') || PLAIN_ERRORS_ALLOWED[path]) continue;
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/new (Error|TypeError|RangeError)\(/g)) offenders.push(`${path}: new ${match[1]}(`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

/**
 * Files stay small enough to read in one sitting: one job per file. A file may grow past the limit
 * only when its top says why (within its first lines, so the reason is the first thing a reader sees).
 */
const MAX_LINES = 400;
const LONG_FILE_REASON = 'Why this file is long:';

function longFiles(pkgs: readonly string[]): string[] {
  const long: string[] = [];
  for (const pkg of pkgs) {
    for (const file of sourceFiles(join(ROOT, pkg))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      if (lines.length > MAX_LINES && !lines.slice(0, 12).join('\n').includes(LONG_FILE_REASON)) {
        long.push(`${relative(ROOT, file)}: ${lines.length} lines`);
      }
    }
  }
  return long;
}

describe('file size', () => {
  it(`keeps every source file under ${MAX_LINES} lines unless its top says why`, () => {
    expect(longFiles(['packages/core/src', 'packages/elements/src', 'packages/server/src'])).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('finds static, dynamic and URL imports', () => {
    const sample = `import a from './a.ts';\nexport { b } from '../b/index.ts';\nconst c = await import('./c.ts');\nnew URL('./worker.ts', import.meta.url);\nimport './side.ts';\nimport x from 'lit';`;
    expect(relativeImports(sample)).toEqual(['./a.ts', '../b/index.ts', './c.ts', './worker.ts', './side.ts']);
  });
});
