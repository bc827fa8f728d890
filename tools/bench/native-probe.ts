/**
 * Why does native onnxruntime decode at the speed it does? Runs the bare greedy loop
 * (bare-ort-loop.ts's shape, on onnxruntime-node) under several session-option variants,
 * each in a fresh process, alternating, and reports medians side by side; with
 * `--profile` also onnxruntime's own per-operator profile of the decode steps.
 *   node tools/bench/native-probe.ts [--model .bench/models/gpt2-124m] [--dtype fp32|q8] [--variants base,threads2,...] [--repeats 3] [--new-tokens 64] [--profile]
 * A variant is a name from VARIANTS below. Not part of CI; writes nothing into the repo.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type * as Ort from 'onnxruntime-web';
import { greedyLoop } from './bare-ort-loop.ts';

type SessionOptions = Ort.InferenceSession.SessionOptions;

/**
 * glibc's malloc backs large allocations (onnxruntime's weights and prepacked buffers) with
 * transparent huge pages when the kernel's THP mode is `madvise`: fewer TLB misses while
 * streaming the weights each token. Must be set before the process starts.
 */
export const HUGE_PAGES_ENV = { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' };

const VARIANTS: Record<string, SessionOptions> = {
  /** What Cowrite (and pnpm bench) uses: 1 intra-op thread, all graph optimizations, memory arena on. */
  base: { intraOpNumThreads: 1 },
  hugepages: { intraOpNumThreads: 1 },
  'threads2-hugepages': { intraOpNumThreads: 2 },
  threads2: { intraOpNumThreads: 2 },
  'threads2-nospin': { intraOpNumThreads: 2, extra: { session: { 'intra_op.allow_spinning': '0' } } },
  'no-arena': { intraOpNumThreads: 1, enableCpuMemArena: false },
  'no-mem-pattern': { intraOpNumThreads: 1, enableMemPattern: false },
  extended: { intraOpNumThreads: 1, graphOptimizationLevel: 'extended' },
  basic: { intraOpNumThreads: 1, graphOptimizationLevel: 'basic' },
  disabled: { intraOpNumThreads: 1, graphOptimizationLevel: 'disabled' },
  'no-prepack': { intraOpNumThreads: 1, extra: { session: { disable_prepacking: '1' } } },
};

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: '.bench/models/gpt2-124m' },
    dtype: { type: 'string', default: 'fp32' },
    variants: { type: 'string', default: Object.keys(VARIANTS).join(',') },
    repeats: { type: 'string', default: '3' },
    'new-tokens': { type: 'string', default: '64' },
    'prompt-tokens': { type: 'string', default: '64' },
    profile: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface Result {
  variant: string;
  msPerToken: number;
  cpuMsPerToken: number;
  /** onnxruntime's own run time per decode step (profile), when profiled. */
  ortRunMs?: number;
  byOp?: Record<string, number>;
}

async function child(variant: string): Promise<Result> {
  const ort = (await import('onnxruntime-node')) as unknown as typeof Ort;
  ort.env.logLevel = 'error';
  const file = join(values.model, values.dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx');
  const config = JSON.parse(await readFile(join(values.model, 'config.json'), 'utf8')) as { n_head: number; n_embd: number };
  const profilePrefix = join(tmpdir(), `cowrite-native-probe-${process.pid}`);
  const session = await ort.InferenceSession.create(file, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    ...VARIANTS[variant],
    ...(values.profile ? { enableProfiling: true, profileFilePrefix: profilePrefix } : {}),
  });
  const promptIds = Array.from({ length: Number(values['prompt-tokens']) }, (_, i) => 262 + ((i * 7919) % 20000));
  const newTokens = Number(values['new-tokens']);
  const loop = greedyLoop(ort, session, config);
  const generate = (onStep: () => void) => loop.generate(promptIds, newTokens, onStep);

  await generate(() => {}); // warm-up
  const stamps: number[] = [];
  let cpuAtFirst = 0;
  await generate(() => {
    stamps.push(performance.now());
    if (stamps.length === 1) cpuAtFirst = cpuMs();
  });
  const steps = stamps.length - 1;
  const result: Result = {
    variant,
    msPerToken: median(stamps.slice(1).map((t, i) => t - stamps[i])),
    cpuMsPerToken: (cpuMs() - cpuAtFirst) / steps,
  };
  if (values.profile) {
    session.endProfiling();
    await session.release();
    const name = (await readdir(tmpdir())).find((f) => f.startsWith(`cowrite-native-probe-${process.pid}`));
    if (name) {
      const events = JSON.parse(await readFile(join(tmpdir(), name), 'utf8')) as { name: string; cat: string; dur: number; args?: { op_name?: string; input_type_shape?: unknown } }[];
      await rm(join(tmpdir(), name));
      // Decode steps only: model_run events whose run is a single-token step (all but the prompt steps).
      const runs = events.filter((e) => e.cat === 'Session' && e.name === 'model_run');
      const decodeRuns = runs.filter((_, i) => i % newTokens !== 0); // step 0 of each generate is the prompt
      result.ortRunMs = median(decodeRuns.map((e) => e.dur / 1000));
      const byOp: Record<string, number> = {};
      const nodes = events.filter((e) => e.cat === 'Node' && e.name.endsWith('_kernel_time'));
      // Attribute per-op time across all runs, then scale to one decode step (prompt steps are few: 2 of 2·newTokens).
      for (const e of nodes) byOp[e.args?.op_name ?? '?'] = (byOp[e.args?.op_name ?? '?'] ?? 0) + e.dur / 1000;
      for (const key of Object.keys(byOp)) byOp[key] /= runs.length;
      result.byOp = byOp;
    }
  }
  return result;
}

if (values.child) {
  console.log(JSON.stringify(await child(values.child)));
} else {
  const variants = values.variants.split(',');
  for (const v of variants) if (!VARIANTS[v]) throw new Error(`unknown variant ${v}; known: ${Object.keys(VARIANTS).join(', ')}`);
  const results: Result[] = [];
  const loads: number[] = [];
  const self = fileURLToPath(import.meta.url);
  const passThrough = ['--model', values.model, '--dtype', values.dtype, '--new-tokens', values['new-tokens'], '--prompt-tokens', values['prompt-tokens'], ...(values.profile ? ['--profile'] : [])];
  for (let r = 0; r < Number(values.repeats); r++) {
    for (const variant of r % 2 === 0 ? variants : [...variants].reverse()) {
      loads.push(loadavg()[0]);
      const env = variant.includes('hugepages') ? { ...process.env, ...HUGE_PAGES_ENV } : process.env;
      const out = execFileSync(process.execPath, [self, ...passThrough, '--child', variant], { encoding: 'utf8', env });
      const result = JSON.parse(out.trim().split('\n').at(-1) as string) as Result;
      results.push(result);
      console.log(`  ${variant.padEnd(16)} ${result.msPerToken.toFixed(2)} ms/token (CPU ${result.cpuMsPerToken.toFixed(2)})${result.ortRunMs ? `, ORT run ${result.ortRunMs.toFixed(2)} ms` : ''}`);
    }
  }
  console.log(`\n${values.dtype}, ${values.repeats} repeats, 1-min load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`);
  console.log('| variant | ms / token (median) | CPU ms / token | speed vs base |');
  console.log('| --- | ---: | ---: | ---: |');
  const base = median(results.filter((r) => r.variant === variants[0]).map((r) => r.msPerToken));
  for (const variant of variants) {
    const mine = results.filter((r) => r.variant === variant);
    const ms = median(mine.map((r) => r.msPerToken));
    console.log(`| ${variant} | ${ms.toFixed(2)} | ${median(mine.map((r) => r.cpuMsPerToken)).toFixed(2)} | ${(base / ms).toFixed(2)}× |`);
  }
  if (values.profile) {
    const first = results.find((r) => r.byOp);
    if (first?.byOp) {
      console.log(`\nonnxruntime profile (${first.variant}), ms per run by operator:`);
      for (const [op, ms] of Object.entries(first.byOp).sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${op.padEnd(24)} ${ms.toFixed(3)}`);
    }
  }
}
