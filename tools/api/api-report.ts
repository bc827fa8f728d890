/**
 * The public API surface of each published package, checked into the repo as API Extractor
 * reports (`packages/<name>/etc/*.api.md`), so every change to it shows up in review.
 *
 *   node tools/api/api-report.ts           rewrite the reports from the built .d.ts files
 *   node tools/api/api-report.ts --check   fail when a report differs from the build (CI)
 *
 * The elements' custom-elements.json (what IDEs, Storybook and framework wrappers read) is checked the
 * same way: analysed afresh from the sources and compared with the committed one.
 *
 * Needs `pnpm run build` first: reports are made from `dist/**.d.ts`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const check = process.argv.includes('--check');
const root = join(import.meta.dirname, '../..');
const packagesDir = join(root, 'packages');

const configs = readdirSync(packagesDir).flatMap((name) =>
  readdirSync(join(packagesDir, name))
    .filter((file) => /^api-extractor(\.[\w-]+)?\.json$/.test(file))
    .map((file) => join(packagesDir, name, file)),
);

let drifted = 0;
for (const configPath of configs) {
  const config = ExtractorConfig.loadFileAndPrepare(configPath);
  const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false });
  const report = relative(root, config.reportFilePath);
  if (result.apiReportChanged) {
    drifted++;
    console.error(check ? `✗ ${report} is out of date` : `✎ ${report} rewritten`);
  } else if (!result.succeeded) {
    drifted++;
    console.error(`✗ ${report}: API Extractor reported ${result.errorCount} error(s)`);
  } else {
    console.log(`✓ ${report}`);
  }
}
// The elements' manifest: analyse into a scratch folder, then compare (check) or copy over (update).
const elementsDir = join(packagesDir, 'elements');
const manifest = join(elementsDir, 'custom-elements.json');
// The analyzer joins its outdir onto the package folder, so the scratch folder lives there (ignored by git).
const scratchName = '.cache/manifest-check';
const scratch = join(elementsDir, scratchName);
try {
  execFileSync('pnpm', ['run', '--silent', 'analyze'], { cwd: elementsDir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CEM_OUTDIR: scratchName } });
  const fresh = readFileSync(join(scratch, 'custom-elements.json'), 'utf8');
  if (fresh === readFileSync(manifest, 'utf8')) console.log(`✓ ${relative(root, manifest)}`);
  else if (check) {
    drifted++;
    console.error(`✗ ${relative(root, manifest)} is out of date`);
  } else {
    writeFileSync(manifest, fresh);
    console.error(`✎ ${relative(root, manifest)} rewritten`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (check && drifted > 0) {
  console.error('\nThe public API changed. Run `pnpm run build && pnpm run api:update`, review the .api.md and custom-elements.json diff, commit it.');
  process.exit(1);
}
