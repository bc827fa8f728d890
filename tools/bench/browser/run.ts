/**
 * Side-by-side browser benchmark (issue 8): Cowrite in-page (and in its Worker), transformers.js
 * v4's text-generation pipeline and a bare onnxruntime-web loop, on the same GPT-2-124M-shaped
 * files, in headless Debian Chromium. One fresh browser per measurement; runners alternate;
 * cells are medians. Writes test/bench/browser-bench.json and .md.
 *   node --conditions=source tools/bench/browser/run.ts [--repeats 3] [--runners cowrite,cowrite-worker,transformers,bare]
 *        [--dtypes fp32,q8] [--variants hub,optimized] [--threads 1,2] [--new-tokens 128] [--prompt-lengths 16,64,512]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { buildRunnerPage } from './build-pages.ts';
import { makePromptFactory } from './prompts.ts';
import { startServer } from './server.ts';
import type { BenchServer } from './server.ts';
import { type Sample, summarize, toMarkdown } from './report.ts';
import { chromiumLaunchOptions } from '../../chromium.ts';
import { ensureBench124m } from '../bench-model.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    runners: { type: 'string', default: 'cowrite,cowrite-worker,transformers,bare' },
    dtypes: { type: 'string', default: 'fp32,q8' },
    variants: { type: 'string', default: 'hub,optimized' },
    threads: { type: 'string', default: '1,2' },
    'new-tokens': { type: 'string', default: '128' },
    'prompt-lengths': { type: 'string', default: '16,64,512' },
    out: { type: 'string', default: 'test/bench/browser-bench' },
  },
});
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const runners = list(values.runners);
const dtypes = list(values.dtypes) as ('fp32' | 'q8')[];
const variants = list(values.variants);
const threadCounts = list(values.threads).map(Number);
const repeats = Number(values.repeats);
const newTokens = Number(values['new-tokens']);
const promptLengths = list(values['prompt-lengths']).map(Number);

// ---- models: the generator's hub-like files, and the same weights through tools/optimize
const models = join(root, '.bench/models');
const hubDir = ensureBench124m();
const optimizedDir = join(models, 'gpt2-124m-optimized');
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (variants.includes('optimized') && (!existsSync(join(optimizedDir, 'onnx/model.onnx')) || !existsSync(join(optimizedDir, 'onnx/model_quantized.onnx')))) {
  node(['tools/optimize/optimize-graph.ts', '--in', hubDir, '--out', optimizedDir]);
  node(['tools/optimize/quantize.ts', '--in', hubDir, '--out', join(models, 'gpt2-124m-q8-integer'), '--mode', 'integer', '--granularity', 'channel']);
  node(['tools/optimize/optimize-graph.ts', '--in', join(models, 'gpt2-124m-q8-integer'), '--input-file', 'onnx/model_quantized.onnx', '--out', optimizedDir]);
}
const variantDirs: Record<string, { dir: string; id: string }> = { hub: { dir: hubDir, id: 'gpt2-124m' }, optimized: { dir: optimizedDir, id: 'gpt2-124m-optimized' } };
const modelFile = (dtype: string) => (dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx');

// ---- pages
const pagesDir = join(root, 'tools/bench/browser/pages');
const distDir = join(root, '.bench/browser/dist');
for (const runner of runners) await buildRunnerPage(pagesDir, distDir, runner);
const requireFromTransformers = createRequire(createRequire(import.meta.url).resolve('@huggingface/transformers'));
const transformersOrtDir = dirname(requireFromTransformers.resolve('onnxruntime-web'));
const ortDir = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
const mounts: Record<string, string> = { '/ort/': ortDir, '/ort-tjs/': transformersOrtDir };
for (const runner of runners) mounts[`/${runner}/`] = join(distDir, runner);
for (const { dir, id } of Object.values(variantDirs)) mounts[`/models/${id}/`] = dir;

const prompt = await makePromptFactory();
const gzipCache = new Map<string, number>();
const gzipped = (file: string) => {
  let size = gzipCache.get(file);
  if (size === undefined) gzipCache.set(file, (size = gzipSync(readFileSync(file), { level: 9 }).byteLength));
  return size;
};

async function measure(server: BenchServer, runner: string, dtype: 'fp32' | 'q8', variant: string, threads: number, repeat: number): Promise<Sample> {
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    server.served.clear();
    await page.goto(`${server.origin}/${runner}/${runner}.html`);
    await page.waitForFunction(() => window.benchRunner !== undefined, undefined, { timeout: 30_000 });
    const { dir, id } = variantDirs[variant];
    const loaded = await page.evaluate((request) => window.benchRunner!.load(request), { modelPath: `/models/${id}/`, modelId: id, dtype, threads });
    const generate = (tokens: number, variantIndex: number, count: number) =>
      page.evaluate((request) => window.benchRunner!.generate(request), { ...prompt(tokens, variantIndex), newTokens: count });
    // First generation after load (includes WASM compile warm-up), then a full-length warm-up is done.
    const cold = await generate(64, repeat * 10 + 1, newTokens);
    const ttftWarm: Record<number, number> = {};
    promptLengths.forEach((length) => (ttftWarm[length] = NaN));
    for (const [i, length] of promptLengths.entries()) ttftWarm[length] = (await generate(length, repeat * 10 + 2 + i, 1)).tokenTimes[0];
    const decode = await generate(16, repeat * 10 + 7, newTokens);
    const intervals = decode.tokenTimes.slice(1).map((t, i) => t - decode.tokenTimes[i]);
    const cdp = await browser.newBrowserCDPSession();
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const peakRssMb = info.processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + peakRss(p.id), 0) / 1e6;
    const scripts = [...server.served.values()].filter((file) => /\.(m?js)$/.test(file));
    if (errors.length > 0) console.warn(`  page errors: ${errors.join('; ')}`);
    return {
      runner,
      dtype,
      variant,
      threads,
      threadsReported: loaded.threads,
      loadMs: loaded.loadMs,
      coldTtftMs: cold.tokenTimes[0],
      ttftWarmMs: ttftWarm,
      perTokenMs: median(intervals),
      meanPerTokenMs: (decode.tokenTimes.at(-1)! - decode.tokenTimes[0]) / (decode.tokenTimes.length - 1),
      tokens: decode.tokenTimes.length,
      peakRssMb,
      jsGzipBytes: scripts.reduce((sum, file) => sum + gzipped(file), 0),
      modelBytes: statSync(join(dir, modelFile(dtype))).size,
    };
  } finally {
    await browser.close();
  }
}

function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
}

const samples: Sample[] = [];
for (const threads of threadCounts) {
  const server = await startServer(mounts, threads > 1);
  try {
    for (let r = 0; r < repeats; r++) {
      for (const dtype of dtypes) {
        for (const variant of variants) {
          // Rotate the order each repeat, so drift on a shared machine hits every runner.
          const order = runners.map((_, i) => runners[(i + r) % runners.length]);
          for (const runner of order) {
            try {
              const sample = await measure(server, runner, dtype, variant, threads, r);
              samples.push(sample);
              console.log(`  ${threads}t ${dtype} ${variant.padEnd(9)} ${runner.padEnd(14)} load ${sample.loadMs.toFixed(0)} ms, cold ttft ${sample.coldTtftMs.toFixed(0)} ms, warm ttft ${Object.values(sample.ttftWarmMs).map((v) => v.toFixed(0)).join('/')} ms, ${sample.perTokenMs.toFixed(1)} ms/token, peak ${sample.peakRssMb.toFixed(0)} MB, JS ${(sample.jsGzipBytes / 1024).toFixed(1)} kB`);
            } catch (error) {
              console.warn(`  ${threads}t ${dtype} ${variant} ${runner}: FAILED ${(error as Error).message.split('\n')[0]}`);
            }
          }
        }
      }
    }
  } finally {
    await server.close();
  }
}

const chromiumVersion = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, shared with other jobs (noisy); ${chromiumVersion} headless; Node ${process.versions.node}`;
const summary = summarize(samples, { runners, dtypes, variants, threadCounts, promptLengths });
const meta = { date: new Date().toISOString().slice(0, 10), machine, repeats, newTokens, promptLengths, command: `node --conditions=source tools/bench/browser/run.ts ${process.argv.slice(2).join(' ')}`.trim() };
const outBase = join(root, values.out);
await mkdir(dirname(outBase), { recursive: true });
await writeFile(`${outBase}.json`, JSON.stringify({ ...meta, summary, samples }, null, 2) + '\n');
const markdown = toMarkdown(meta, summary);
await writeFile(`${outBase}.md`, markdown);
console.log('\n' + markdown);
