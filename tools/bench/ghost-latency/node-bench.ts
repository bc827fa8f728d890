/**
 * `pnpm bench:ghost --runtime node`: the GPT-2-124M-shaped int8 model (seeded random weights, real
 * shape) answering the composer's ghost-text call in Node, per backend (native onnxruntime-node,
 * onnxruntime-web WASM) and thread count. Each configuration runs in a fresh process (node-run.ts).
 * No browser and no debounce: the times are the engine's share of key → ghost text; the composer
 * adds its debounce (50 ms) and a frame.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

export interface NodeRunResult {
  backend: string;
  threads: number;
  calls: number;
  loadMs: number;
  coldCompleteMs: number;
  firstWordMs: { p50: number; p90: number };
  completeMs: { p50: number; p90: number };
  wordsP50: number;
}

export interface NodeBenchOptions {
  root: string;
  modelDir: string;
  backends: string[];
  threads: string[];
  stride: number;
  out: string;
  args: string;
}

const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : '–');

export async function runNodeBench(options: NodeBenchOptions): Promise<void> {
  const started = new Date();
  const load = loadavg().map((n) => n.toFixed(2)).join(' ');
  const results: NodeRunResult[] = [];
  for (const backend of options.backends) {
    for (const threads of options.threads) {
      const run = spawnSync(process.execPath, ['--conditions=source', join(options.root, 'tools/bench/ghost-latency/node-run.ts'), options.modelDir, backend, threads, String(options.stride)], {
        cwd: options.root,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      const line = run.stdout.trim().split('\n').pop() ?? '';
      if (run.status !== 0 || !line.startsWith('{')) {
        console.error(`${backend} × ${threads} thread(s) failed:\n${run.stderr}`);
        continue;
      }
      const result = JSON.parse(line) as NodeRunResult;
      console.log(line);
      results.push(result);
    }
  }
  const md = [
    '# Ghost-text latency in Node: GPT-2-124M-shaped int8',
    '',
    `Command: \`pnpm bench:ghost ${options.args}\` · ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${cpus().length} CPU cores, load average ${load} at start (a shared machine: compare rows of one run).`,
    '',
    'Model: `.bench/models/gpt2-124m/onnx/model_quantized.onnx`, made by `tools/gpt2/make-model.ts` (GPT-2-124M shape — 12 layers, 12 heads, hidden 768, vocabulary 50,257 — int8 `MatMulInteger`, **seeded random weights**: the timing of a real GPT-2-124M, not its text). Random weights never end a sentence, so every suggestion runs to the ghost limit of 12 tokens: "complete" is the longest a suggestion takes.',
    '',
    `Each row: a fresh process loads the model on the backend with that many threads, makes one warm-up call, then calls \`streamDraftContinuation\` (the composer's ghost-text path: review-continuation prompt, greedy 12 tokens, streaming whole words, each update cleaned and guarded) for the review typed so far, every ${options.stride} keys, each call to its end (the KV cache reuses the prompt prefix between calls as in the composer). **First word** = call → first streamed update (a whole visible word); **complete** = call → the final suggestion. No debounce: in the composer add its 50 ms and one frame.`,
    '',
    '| backend | threads | calls | first word p50 / **p90** ms | complete p50 / p90 ms | first call after load ms | load ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.backend} | ${r.threads} | ${r.calls} | ${fmt(r.firstWordMs.p50)} / **${fmt(r.firstWordMs.p90)}** | ${fmt(r.completeMs.p50)} / ${fmt(r.completeMs.p90)} | ${fmt(r.coldCompleteMs)} | ${fmt(r.loadMs)} |`),
    '',
    'Goal (issue 14): first visible word p90 ≤ 150 ms with GPT-2-124M int8, key to screen — so the engine share here must leave room for the 50 ms debounce.',
    '',
  ].join('\n');
  await writeFile(join(options.root, `test/bench/${options.out}.md`), md);
  await writeFile(join(options.root, `test/bench/${options.out}.json`), `${JSON.stringify({ date: started.toISOString(), loadavg: load, node: process.version, results }, null, 2)}\n`);
  console.log(md);
}
