/**
 * Keystroke-to-ghost-text latency of <cw-review-composer> on the real engine, in headless
 * Debian Chromium. A scripted shopper types a review with natural pauses; the page stamps
 * each key event and each rendered ghost text (tools/bench/ghost-latency/main.ts).
 *
 *   node tools/bench/ghost-latency.ts [--models phrase,tiny,124m-q8,124m-q8+phrase] [--debounce 0,50] [--mode worker|in-page] [--threads 1,2]
 *   node tools/bench/ghost-latency.ts --runtime node [--backends native,wasm] [--threads 1,2] [--stride 3]
 *     (GPT-2-124M-shaped int8 in Node, no browser: see ghost-latency/node-bench.ts; writes ghost-latency-node.md/.json)
 *
 * The phrase model always runs on the page (it needs no Worker).
 *
 * Writes test/bench/ghost-latency.json and .md.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { build, defaultClientConditions } from 'vite';
import type { BenchState } from './ghost-latency/main.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { REVIEW } from './ghost-latency/review.ts';
import { runNodeBench } from './ghost-latency/node-bench.ts';
import { seededRandom } from '../shared/seeded-random.ts';
import { BENCH_124M_DIR, ensureBench124m } from './bench-model.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE_DIR = join(ROOT, 'tools/bench/ghost-latency');
const OUT_DIR = join(ROOT, '.bench/ghost-latency-page');
const MODEL_124M = BENCH_124M_DIR;

const MODELS: Record<string, { label: string; url: string; dtype: string; quick?: string }> = {
  tiny: { label: 'tiny GPT-2 (test fixture, fp32)', url: '/models/tiny-gpt2/', dtype: 'fp32' },
  '124m-q8': { label: 'GPT-2-124M-shaped, int8 (model_quantized.onnx)', url: '/models/gpt2-124m/', dtype: 'q8' },
  phrase: { label: 'review phrase model (shipped, on the page, calibrated gate)', url: '/models/phrase/review-phrases-en.cwpm', dtype: 'phrase' },
  // The demo's setup with GPT-2: the phrase model's words at once (its calibrated gate), GPT-2 extending them.
  '124m-q8+phrase': {
    label: 'GPT-2-124M-shaped int8 + phrase model as quickEngine',
    url: '/models/gpt2-124m/',
    dtype: 'q8',
    quick: '/models/phrase/review-phrases-en.cwpm',
  },
};


/** Pause after each character: quick within words, longer after some words and after sentences. */
function typingPlan(text: string, seed = 7): { char: string; pauseMs: number }[] {
  // Deterministic, so every run types the same way.
  const next = seededRandom(seed);
  return [...text].map((char) => {
    let pauseMs = 70 + next() * 90; // ~60–90 wpm bursts
    if (char === ' ' && next() < 0.35) pauseMs += 400 + next() * 800; // looking for the next word
    if (/[.,]/.test(char)) pauseMs += 900 + next() * 900; // end of a clause or sentence
    return { char, pauseMs };
  });
}

function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (rank - low);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
};

/** Loopback static server with COOP/COEP, so the page is cross-origin isolated (WASM threads). */
async function serve(mounts: Record<string, string>): Promise<{ origin: string; close: () => Promise<void> }> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = prefixes.find((each) => url.pathname.startsWith(each));
    const relative = prefix ? normalize(decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html') : '';
    const path = prefix ? join(mounts[prefix], relative) : '';
    const info = prefix && !relative.startsWith('..') ? await stat(path).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

interface RunResult {
  model: string;
  debounceMs: number;
  mode: string;
  keystrokes: number;
  ghostsShown: number;
  /** Keystrokes followed by a pause of ≥ 400 ms, and how many of those got ghost text in the pause. */
  longPauses: number;
  longPausesWithGhost: number;
  latencyMs: { p50: number; p90: number; min: number; max: number };
  /** Key → first visible word of new ghost text (streaming shows it before the suggestion is complete). */
  firstWordMs: { p50: number; p90: number };
  /** Ghost text for the final keystroke, when the shopper stops typing (null: none within 30 s). */
  afterLastKeyMs: number | null;
  engineCalls: number;
  /** Requests started, aborted ones included. */
  engineStarts: number;
  engineMs: { p50: number; p90: number };
  promptTokens: { p50: number };
  cachedPromptTokens: { p50: number; min: number; max: number; shareOfPromptP50: number; coldCalls: number };
  threads?: number;
  backend?: string;
  crossOriginIsolated: boolean;
  loadMs: number;
}

async function runOnce(origin: string, model: string, debounceMs: number, mode: string, threads?: string): Promise<RunResult> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    const { url, dtype, quick } = MODELS[model];
    const query = `model=${encodeURIComponent(url)}&dtype=${dtype}&debounce=${debounceMs}&mode=${mode}${threads ? `&threads=${threads}` : ''}`;
    await page.goto(`${origin}/?${query}${quick ? `&quick=${encodeURIComponent(quick)}` : ''}`);
    await page.waitForFunction(() => {
      const bench = (globalThis as { bench?: BenchState }).bench;
      return bench?.ready || bench?.error;
    }, undefined, { timeout: 600_000 });
    const loaded = await page.evaluate(() => (globalThis as unknown as { bench: BenchState }).bench.error);
    if (loaded) throw new Error(loaded);
    await page.locator('cw-review-composer textarea').click();
    const plan = typingPlan(REVIEW);
    for (const { char, pauseMs } of plan) {
      await page.keyboard.type(char);
      await page.waitForTimeout(pauseMs);
    }
    // After the last key the shopper waits: how long until ghost text appears (up to 30 s)?
    const lastKey = plan.length - 1;
    await page
      .waitForFunction((key) => (globalThis as unknown as { bench: BenchState }).bench.ghosts.some((ghost) => ghost.key === key), lastKey, { timeout: 30_000 })
      .catch(() => undefined);
    const state = await page.evaluate(() => (globalThis as unknown as { bench: BenchState }).bench);
    const latencies = state.ghosts.map((ghost) => ghost.latencyMs);
    const pauses = plan.map((step, index) => ({ index, long: step.pauseMs >= 400 })).filter((step) => step.long);
    const ghostKeys = new Set(state.ghosts.map((ghost) => ghost.key));
    const cached = state.calls.map((call) => call.cachedPromptTokens);
    return {
      model,
      debounceMs,
      mode,
      keystrokes: state.keys.length,
      ghostsShown: state.ghosts.length,
      longPauses: pauses.length,
      longPausesWithGhost: pauses.filter((step) => ghostKeys.has(step.index)).length,
      latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), min: Math.min(...latencies), max: Math.max(...latencies) },
      firstWordMs: { p50: percentile(state.firstWords.map((g) => g.latencyMs), 50), p90: percentile(state.firstWords.map((g) => g.latencyMs), 90) },
      afterLastKeyMs: state.ghosts.find((ghost) => ghost.key === lastKey)?.latencyMs ?? null,
      engineCalls: state.calls.length,
      engineStarts: state.started,
      engineMs: { p50: percentile(state.calls.map((call) => call.ms), 50), p90: percentile(state.calls.map((call) => call.ms), 90) },
      promptTokens: { p50: percentile(state.calls.map((call) => call.promptTokens), 50) },
      cachedPromptTokens: {
        p50: percentile(cached, 50),
        min: Math.min(...cached),
        max: Math.max(...cached),
        shareOfPromptP50: percentile(state.calls.map((call) => call.cachedPromptTokens / call.promptTokens), 50),
        coldCalls: cached.filter((n) => n === 0).length,
      },
      threads: state.threads,
      backend: state.backend,
      crossOriginIsolated: state.crossOriginIsolated,
      loadMs: state.loadMs,
    };
  } finally {
    await browser.close();
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function markdown(results: RunResult[], meta: Record<string, unknown>): string {
  const rows = results.map(
    (r) =>
      `| ${MODELS[r.model].label} | ${r.debounceMs} | ${r.model === "phrase" ? "on the page" : `${r.mode} · ${r.threads ?? "?"} thread(s)`} | ${r.keystrokes} | ${r.ghostsShown} | ${r.longPausesWithGhost}/${r.longPauses} | ${fmt(r.firstWordMs?.p50 ?? Number.NaN)} / ${fmt(r.firstWordMs?.p90 ?? Number.NaN)} | **${fmt(r.latencyMs.p50)}** | **${fmt(r.latencyMs.p90)}** | ${fmt(r.latencyMs.min)}–${fmt(r.latencyMs.max)} | ${r.afterLastKeyMs === null ? 'none in 30 s' : fmt(r.afterLastKeyMs)} | ${fmt(r.engineMs.p50)} / ${fmt(r.engineMs.p90)} | ${fmt(r.promptTokens.p50)} | ${fmt(r.cachedPromptTokens.p50)} (${fmt(r.cachedPromptTokens.shareOfPromptP50 * 100)} %), ${r.cachedPromptTokens.coldCalls} cold of ${r.engineCalls} | ${r.engineStarts} |`,
  );
  return [
    '# Ghost-text latency (keystroke → rendered ghost text)',
    '',
    `Command: \`pnpm bench:ghost${meta.args ? ` ${String(meta.args)}` : ''}\` · ${meta.date} · Chromium ${meta.chromium} (headless, Debian) · ${meta.cpus} CPU cores, load average ${meta.loadavg} at start.`,
    '',
    'Timings on a small shared machine are noisy (the load average above says how busy it was); compare rows from the same run.',
    '',
    `The page is cross-origin isolated (COOP/COEP from the script's loopback server): ${meta.isolated}. The engine runs in`,
    "a module Worker (core's `getSharedEngine`, the default for pages) unless the mode says `in-page`; core picks the",
    'thread count (half the cores, at most 4).',
    '',
    `Session: ${meta.keystrokes} keystrokes of a scripted review (70–160 ms between keys, 0.4–1.2 s pauses after a third`,
    'of the words, 0.9–1.8 s after commas and full stops). Latency = `performance.now()` when the frame after Lit rendered',
    'the ghost span − the key event\'s `timeStamp` (input delay included), for every keystroke that got ghost text before',
    'the next one. **Debounce is part of the latency**: the element waits `debounce` ms of quiet before asking the model.',
    '',
    '| model | debounce ms | engine | keys | ghosts shown | long pauses with ghost | first word p50 / p90 ms | complete p50 ms | complete p90 ms | min–max ms | after last key ms | engine call p50 / p90 ms | prompt tokens p50 | cachedPromptTokens p50 (share), cold calls | requests started (aborted included) |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...rows,
    '',
    'Goals: p90 ≤ 150 ms on the int8 124M model; p90 ≤ 10 ms engine call for the phrase model (ghost text only where its calibrated gate lets it through). "engine call" is one completed `generate` (aborted ones are not counted);',
    '`cachedPromptTokens` is how much of each prompt the KV cache already held (prefix reuse between keystrokes).',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      models: { type: 'string', default: 'phrase,tiny,124m-q8' },
      debounce: { type: 'string', default: '0,50' },
      mode: { type: 'string', default: 'worker' },
      // e.g. `1,2`: one run per WASM thread count (default: Cowrite's own choice).
      threads: { type: 'string', default: '' },
      out: { type: 'string' },
      runtime: { type: 'string', default: 'browser' },
      backends: { type: 'string', default: 'native,wasm' },
      stride: { type: 'string', default: '3' },
    },
  });
  if (values.runtime === 'node') {
    ensureBench124m();
    const threads = values.threads ? values.threads.split(',') : ['1', '2'];
    await runNodeBench({ root: ROOT, modelDir: MODEL_124M, backends: values.backends.split(','), threads, stride: Number(values.stride), out: values.out ?? 'ghost-latency-node', args: process.argv.slice(2).join(' ') });
    return;
  }
  const out = values.out ?? 'ghost-latency';
  const models = values.models.split(',');
  if (models.some((model) => model.startsWith('124m-q8'))) ensureBench124m();
  await build({
    root: PAGE_DIR,
    configFile: false,
    base: './',
    logLevel: 'warn',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    worker: { format: 'es' },
    build: { outDir: OUT_DIR, emptyOutDir: true, target: 'es2022' },
  });
  const server = await serve({ '/': OUT_DIR, '/models/tiny-gpt2/': join(ROOT, 'test/fixtures/models/tiny-gpt2'), '/models/gpt2-124m/': MODEL_124M, '/models/phrase/': join(ROOT, 'packages/core/models') });
  const meta = {
    args: process.argv.slice(2).join(' '),
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    chromium: spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']).stdout?.toString().trim().replace(/^\D+/, ''),
    cpus: cpus().length,
    loadavg: loadavg().map((n) => n.toFixed(2)).join(' '),
    keystrokes: [...REVIEW].length,
    isolated: false,
  };
  const results: RunResult[] = [];
  try {
    for (const model of models) {
      for (const debounce of values.debounce.split(',').map(Number)) {
        for (const threads of values.threads ? values.threads.split(',') : [undefined]) {
          const result = await runOnce(server.origin, model, debounce, values.mode, threads);
          meta.isolated = result.crossOriginIsolated;
          console.log(JSON.stringify(result));
          results.push(result);
        }
      }
    }
  } finally {
    await server.close();
  }
  await writeFile(join(ROOT, `test/bench/${out}.json`), `${JSON.stringify({ meta, review: REVIEW, results }, null, 2)}\n`);
  await writeFile(join(ROOT, `test/bench/${out}.md`), markdown(results, meta));
  console.log(markdown(results, meta));
}

await main();
