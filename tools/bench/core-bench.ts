/**
 * `pnpm bench`: Cowrite's engine against a bare onnxruntime loop on the
 * GPT-2-124M-shaped model (generated on demand into .bench/, never committed),
 * fp32 and int8, in Node, on both backends (native onnxruntime-node and
 * onnxruntime-web's WASM). Each measurement runs in a fresh process (so peak RSS
 * belongs to one runner); runners alternate; figures are medians.
 * Then a soak: memory after 10 vs 1,000 generations on one loaded model.
 * Writes test/bench/core-engine.md and .json.
 * Native also runs with `--native-threads` intra-op threads (default 2: all cores of the 2-core
 * machine these numbers come from), as an extra row `native-2t`.
 *   pnpm bench [--repeats 3] [--new-tokens 128] [--prompt-tokens 64] [--threads 1] [--native-threads 2] [--backends native,wasm] [--skip-soak]
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBench124m } from './bench-model.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    'new-tokens': { type: 'string', default: '128' },
    'prompt-tokens': { type: 'string', default: '64' },
    'skip-soak': { type: 'boolean', default: false },
    backends: { type: 'string', default: 'native,wasm' },
    // One thread per session: the numbers the goals are stated for, and steadier on a shared machine.
    threads: { type: 'string', default: '1' },
    // A second native row with more intra-op threads (0 or empty: none).
    'native-threads': { type: 'string', default: '2' },
  },
});
const repeats = Number(values.repeats);
const modelDir = ensureBench124m();
const node = process.execPath;
const childFlags = ['--conditions=source', '--expose-gc'];


/** A runtime configuration: `native-2t` is native onnxruntime with `--native-threads` intra-op threads. */
type Backend = string;
const multiThreaded = `native-${values['native-threads']}t`;
const backends: Backend[] = values.backends.split(',');
if (backends.includes('native') && Number(values['native-threads']) > 1) backends.push(multiThreaded);
const runtimeOf = (backend: Backend): [string, string] => (backend === multiThreaded ? ['native', values['native-threads']] : [backend, values.threads]);

interface Sample {
  runner: 'cowrite' | 'bare';
  backend: Backend;
  dtype: string;
  loadMs: number;
  ttftMs: number;
  perTokenMs: number;
  cpuPerTokenMs: number;
  peakRssMb: number;
  /** 1-minute load average when the run ended. */
  load: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const samples: Sample[] = [];
for (const dtype of ['fp32', 'q8']) {
  for (let r = 0; r < repeats; r++) {
    // Alternate which runner and backend go first, so drift on a noisy machine hits all of them.
    const runners: Sample['runner'][] = r % 2 === 0 ? ['cowrite', 'bare'] : ['bare', 'cowrite'];
    const order = (r % 2 === 0 ? backends : [...backends].reverse()).flatMap((backend) => runners.map((runner) => [runner, backend] as const));
    for (const [runner, backend] of order) {
      const out = execFileSync(node, [...childFlags, join(root, 'tools/bench/bench-child.ts'), runner, modelDir, dtype, values['prompt-tokens'], values['new-tokens'], '2', ...runtimeOf(backend)], { cwd: root, encoding: 'utf8' });
      const sample = { ...(JSON.parse(out.trim().split('\n').at(-1) as string) as Sample), backend, load: loadavg()[0] };
      samples.push(sample);
      console.log(`  ${dtype} ${backend.padEnd(6)} ${runner.padEnd(7)} ttft ${sample.ttftMs.toFixed(1)} ms, ${sample.perTokenMs.toFixed(2)} ms/token (CPU ${sample.cpuPerTokenMs.toFixed(2)}), peak RSS ${sample.peakRssMb.toFixed(0)} MB`);
    }
  }
}

type Cell = { loadMs: number; ttftMs: number; perTokenMs: number; cpuPerTokenMs: number; peakRssMb: number };
const rows = ['fp32', 'q8'].flatMap((dtype) =>
  backends.map((backend) => {
    const cell = (runner: Sample['runner']): Cell => {
      const mine = samples.filter((s) => s.dtype === dtype && s.runner === runner && s.backend === backend);
      const pick = (key: keyof Cell) => median(mine.map((s) => s[key]));
      return { loadMs: pick('loadMs'), ttftMs: pick('ttftMs'), perTokenMs: pick('perTokenMs'), cpuPerTokenMs: pick('cpuPerTokenMs'), peakRssMb: pick('peakRssMb') };
    };
    return { dtype, backend, cowrite: cell('cowrite'), bare: cell('bare') };
  }),
);
const rowFor = (dtype: string, backend: Backend) => rows.find((row) => row.dtype === dtype && row.backend === backend);
/** Decode speed of native over WASM (WASM ms/token ÷ native ms/token), Cowrite's engine on both; WASM always at `--threads`. */
const speedups = ['fp32', 'q8'].flatMap((dtype) =>
  backends
    .filter((backend) => backend.startsWith('native'))
    .flatMap((backend) => {
      const [native, wasm] = [rowFor(dtype, backend), rowFor(dtype, 'wasm')];
      return native && wasm
        ? [{ dtype, backend, nativeOverWasm: wasm.cowrite.perTokenMs / native.cowrite.perTokenMs, cpuNativeOverWasm: wasm.cowrite.cpuPerTokenMs / native.cowrite.cpuPerTokenMs, ttftNativeOverWasm: wasm.cowrite.ttftMs / native.cowrite.ttftMs }]
        : [];
    }),
);
const int8 = backends.flatMap((backend) => {
  const [fp32, q8] = [rowFor('fp32', backend), rowFor('q8', backend)];
  return fp32 && q8 ? [{ backend, q8OverFp32: fp32.cowrite.perTokenMs / q8.cowrite.perTokenMs, cpuQ8OverFp32: fp32.cowrite.cpuPerTokenMs / q8.cowrite.cpuPerTokenMs }] : [];
});

let soak: unknown;
if (!values['skip-soak']) {
  console.log('› memory soak: 1,000 generations (16 new tokens, top-p sampling) on the tiny fixture …');
  execFileSync(node, [join(root, 'tools/gpt2/make-fixtures.ts')], { cwd: root });
  const out = execFileSync(node, [...childFlags, join(root, 'tools/bench/memory-soak.ts'), join(root, 'test/fixtures/models/tiny-gpt2'), 'fp32', '16'], { cwd: root, encoding: 'utf8' });
  soak = JSON.parse(out.trim().split('\n').at(-1) as string);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, onnxruntime-node 1.30 (native CPU) and onnxruntime-web 1.30 (WASM), ${values.threads} thread(s) per session`;
const lines = [
  '# Core engine benchmark (Node)',
  '',
  `Generated by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} — ${machine}.`,
  `GPT-2-124M-shaped model (12 layers, 12 heads, 768 hidden, seeded random weights), ${values['prompt-tokens']}-token prompt, ${values['new-tokens']} greedy new tokens;`,
  `each cell is the median over ${repeats} fresh processes (each: load, a full-length warm-up, 2 measured generations). "bare" is a minimal onnxruntime loop on the same backend with the same session options.`,
  '',
  '## Native against WASM (Cowrite engine on both)',
  '',
  'Wall time is what a user waits; CPU time (user + system of the process, per decoded token) is the work, and stays meaningful',
  'when other processes compete for the cores (wall time then includes waiting for a core).',
  '',
  `\`native\` runs ${values.threads} intra-op thread(s) like WASM; \`${multiThreaded}\` runs ${values['native-threads']} (WASM stays at ${values.threads}).`,
  `1-minute load average during the runs: ${Math.min(...samples.map((s) => s.load)).toFixed(1)}–${Math.max(...samples.map((s) => s.load)).toFixed(1)} (median ${median(samples.map((s) => s.load)).toFixed(1)}) on ${cpus().length} cores.`,
  '',
  '| dtype | native runtime | WASM ms / token (wall · CPU) | native ms / token (wall · CPU) | **decode speed native ÷ WASM (wall)** | same by CPU time | time to first token native ÷ WASM (speed) |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ...speedups.map((s) => {
    const [wasm, native] = [rowFor(s.dtype, 'wasm')?.cowrite, rowFor(s.dtype, s.backend)?.cowrite];
    return `| ${s.dtype} | ${s.backend} | ${wasm?.perTokenMs.toFixed(2)} · ${wasm?.cpuPerTokenMs.toFixed(2)} | ${native?.perTokenMs.toFixed(2)} · ${native?.cpuPerTokenMs.toFixed(2)} | **${s.nativeOverWasm.toFixed(2)}×** | ${s.cpuNativeOverWasm.toFixed(2)}× | ${s.ttftNativeOverWasm.toFixed(2)}× |`;
  }),
  '',
  ...int8.map((i) => `int8 (q8) decode speed over fp32 on ${i.backend}: **${i.q8OverFp32.toFixed(2)}×** by wall time, ${i.cpuQ8OverFp32.toFixed(2)}× by CPU time.`),
  '',
  '## Why fp32 native is no faster than WASM on one thread',
  '',
  'At batch 1 every decode step reads every weight once: ≈ 500 MB per token for fp32 GPT-2-124M (the 154 MB `lm_head` included),',
  'for 2 FLOPs per 4-byte weight. One core streams that from RAM at roughly 15–20 GB/s here, i.e. ≈ 25–35 ms per token, whichever',
  'kernel does the arithmetic. `node tools/bench/gemv-bandwidth.ts` times one x·W GEMV of each size on both builds: while W fits in',
  'cache (6 MB) native MLAS ran 1–3× as fast as WASM SIMD (it varies run to run); from RAM (200 MB) both ran at 18–21 GB/s on one',
  'thread, and native at ≈ 29 GB/s on two (2026-11-30, load 1.5). So on one thread native fp32 ≈ WASM fp32, and native wins where fewer bytes move (int8: a quarter of the bytes, VNNI kernels) or more cores pull',
  '(`native-2t`). `node tools/bench/native-probe.ts` compares session options on the bare native loop (graph optimization',
  'levels, memory arena, prepacking, 2 threads with and without spinning, huge pages): none but threads and dtype moves fp32 decoding.',
  '',
  'Cowrite ≈ the bare loop on native (it was 1.07–1.20× slower, 1.24–1.26× the CPU): Cowrite detaches each replaced KV cache\'s',
  'ArrayBuffers (kv-cache.ts), so the ≈ 9 MB of new `present.*` arrays onnxruntime-node returns every token no longer force a full',
  'garbage collection every few tokens, each marking the whole heap (the tokenizer\'s tables included); the bare loop leaves them to',
  'the collector, on a small heap.',
  '',
  '## Each backend against its bare loop',
  '',
  '| dtype | backend | runner | load (ms) | time to first token (ms) | ms / token (median) | CPU ms / token | peak RSS (MB) |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.flatMap((row) => [
    `| ${row.dtype} | ${row.backend} | Cowrite | ${row.cowrite.loadMs.toFixed(0)} | ${row.cowrite.ttftMs.toFixed(1)} | ${row.cowrite.perTokenMs.toFixed(2)} | ${row.cowrite.cpuPerTokenMs.toFixed(2)} | ${row.cowrite.peakRssMb.toFixed(0)} |`,
    `| ${row.dtype} | ${row.backend} | bare ORT loop | ${row.bare.loadMs.toFixed(0)} | ${row.bare.ttftMs.toFixed(1)} | ${row.bare.perTokenMs.toFixed(2)} | ${row.bare.cpuPerTokenMs.toFixed(2)} | ${row.bare.peakRssMb.toFixed(0)} |`,
    `| ${row.dtype} | ${row.backend} | **ratio Cowrite / bare** | ${(row.cowrite.loadMs / row.bare.loadMs).toFixed(2)}× | ${(row.cowrite.ttftMs / row.bare.ttftMs).toFixed(3)}× | **${(row.cowrite.perTokenMs / row.bare.perTokenMs).toFixed(3)}×** | ${(row.cowrite.cpuPerTokenMs / row.bare.cpuPerTokenMs).toFixed(3)}× | ${(row.cowrite.peakRssMb / row.bare.peakRssMb).toFixed(2)}× |`,
  ]),
  '',
];
if (soak) {
  type Point = { generations: number; rssMb: number; heapMb: number; externalMb: number };
  const s = soak as { generations: number; seconds: number; after10: Point; after1000: Point; series: Point[]; rssGrowth: number };
  lines.push(
    '## Memory over many generations',
    '',
    `One loaded tiny fixture model, ${s.generations} generations of 16 sampled tokens (${s.seconds.toFixed(0)} s), after a forced GC:`,
    '',
    '| after generations | RSS (MB) | JS heap (MB) | ArrayBuffers + external (MB) |',
    '| ---: | ---: | ---: | ---: |',
    ...s.series.map((p) => `| ${p.generations} | ${p.rssMb.toFixed(1)} | ${p.heapMb.toFixed(1)} | ${p.externalMb.toFixed(1)} |`),
    '',
    `RSS growth: ${(s.rssGrowth * 100).toFixed(1)} % (goal: within 10 %).`,
    '',
  );
}
const outDir = join(root, 'test/bench');
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'core-engine.md'), lines.join('\n'));
await writeFile(join(outDir, 'core-engine.json'), JSON.stringify({ machine, rows, speedups, int8, soak, samples }, null, 2) + '\n');
console.log('\n' + lines.join('\n'));
