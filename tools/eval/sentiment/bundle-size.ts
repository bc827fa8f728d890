/**
 * Bundles the sentiment entry points with Vite (minified ES module, no externals) and prints
 * raw and gzipped sizes:  node tools/eval/sentiment/bundle-size.ts
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const sentimentDir = fileURLToPath(new URL('../../../packages/core/src/sentiment/', import.meta.url));
const entries: Record<string, string> = {
  'analyzeSentiment + summarizeFeedback (en + zh)': `export { analyzeSentiment, summarizeFeedback } from '${sentimentDir}index.ts';`,
  'analyzeSentiment + summarizeFeedback + loadSentimentModel (weights are lazy chunks)': `export { analyzeSentiment, summarizeFeedback, loadSentimentModel } from '${sentimentDir}index.ts';`,
  'English only (createSentimentAnalyzer + englishPack)': `import { createSentimentAnalyzer } from '${sentimentDir}analyze.ts'; import { englishPack } from '${sentimentDir}lexicon-en.ts'; export const analyze = createSentimentAnalyzer({ en: englishPack });`,
  'Chinese only (createSentimentAnalyzer + chinesePack)': `import { createSentimentAnalyzer } from '${sentimentDir}analyze.ts'; import { chinesePack } from '${sentimentDir}lexicon-zh.ts'; export const analyze = createSentimentAnalyzer({ zh: chinesePack });`,
};

const work = mkdtempSync(join(tmpdir(), 'sentiment-bundle-'));
console.log('| bundle | initial chunk minified | gzipped | lazy chunks (gzipped) |\n|---|---|---|---|');
for (const [name, source] of Object.entries(entries)) {
  const entry = join(work, 'entry.js');
  writeFileSync(entry, source);
  const outDir = join(work, 'out');
  await build({
    logLevel: 'silent',
    configFile: false,
    build: { outDir, emptyOutDir: true, minify: true, lib: { entry, formats: ['es'], fileName: 'bundle' } },
  });
  const files = readdirSync(outDir).filter((file) => file.endsWith('.js'));
  const gzipped = (file: string): string => `${(gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length / 1024).toFixed(1)} kB`;
  const main = readFileSync(join(outDir, files.find((file) => file.startsWith('bundle')) ?? files[0]));
  const lazy = files.filter((file) => !file.startsWith('bundle')).map((file) => `${file.replace(/-[\w-]{8}\.js$/, '')} ${gzipped(file)}`);
  console.log(`| ${name} | ${(main.length / 1024).toFixed(1)} kB | ${(gzipSync(main, { level: 9 }).length / 1024).toFixed(1)} kB | ${lazy.join(', ') || '—'} |`);
}
rmSync(work, { recursive: true, force: true });
