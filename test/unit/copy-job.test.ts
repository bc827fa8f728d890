/**
 * `cowrite copy` on the real tiny fixture model: bad rows reported with their line
 * numbers and skipped, output lines carrying the SKU, resume after a stop or a
 * crash (every product exactly once), determinism per row, JSON Lines catalogues,
 * the same output through `cowrite serve` + createRemoteEngine, and the CLI itself.
 */
import { execFile, spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Gpt2Model, createRemoteEngine, loadModel } from '@cowrite/core';
import { runCopyJob, startServer } from '@cowrite/server';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../packages/server/src/cli/main.ts');
const TINY = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
let model: Gpt2Model;
let dir: string;

const CSV = [
  'sku,name,material,colour',
  'J-1,Wool jacket,merino wool,navy',
  'J-2,,cotton,red', // line 3: no name
  'J-3,"Rain coat, long",nylon,yellow',
  'J-1,Second jacket,wool,grey', // line 5: duplicate SKU
  'S-1,Scarf,silk', // line 6: a field short
  'S-2,"Two-line',
  'scarf",cashmere,cream', // a quoted field across lines 7–8
  ',No SKU,linen,white', // line 9
  'B-1,Canvas bag,canvas,olive',
].join('\n');

type Line = { sku: string; text: string; seed: number; task: string; model: string; guard: unknown[]; line: number };
const readOut = async (path: string): Promise<Line[]> => (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  await ensureFixtures();
  model = await loadModel({ source: TINY });
  dir = await mkdtemp(join(tmpdir(), 'cowrite-copy-'));
  await writeFile(join(dir, 'products.csv'), CSV);
  // Invalid UTF-8 in a row: reported, not fatal.
  await appendFile(join(dir, 'products.csv'), Buffer.concat([Buffer.from('\nX-1,Bad '), Buffer.from([0xff, 0xfe]), Buffer.from(' bytes,wool,red\n')]));
}, 120_000); // loading models takes long on a busy machine

afterAll(async () => {
  await model?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('runCopyJob', () => {
  it('writes one line per good row with its sku, and reports bad rows by line number', async () => {
    const out = join(dir, 'first.jsonl');
    const summary = await runCopyJob({ engine: model, modelName: 'tiny', catalog: join(dir, 'products.csv'), out, task: 'marketing' });
    const lines = await readOut(out);
    expect(lines.map((l) => l.sku)).toEqual(['J-1', 'J-3', 'S-2', 'B-1']);
    expect(lines.map((l) => l.line)).toEqual([2, 4, 7, 10]);
    expect(lines.every((l) => l.task === 'marketing' && l.model === 'tiny' && Array.isArray(l.guard) && l.text.length > 0)).toBe(true);
    expect(summary.bad).toEqual([
      { line: 3, error: 'missing name' },
      { line: 5, error: 'duplicate sku "J-1" (first on line 2)' },
      { line: 6, error: 'has 3 fields, the header has 4' },
      { line: 9, error: 'missing sku' },
      { line: 11, error: 'not valid UTF-8 (save the file as UTF-8)' },
    ]);
    expect(summary).toMatchObject({ written: 4, alreadyDone: 0, failed: [], rows: 9, stopped: false });
  });

  it('is deterministic per row: the seed comes from the SKU', async () => {
    const [a, b] = [join(dir, 'det-a.jsonl'), join(dir, 'det-b.jsonl')];
    await runCopyJob({ engine: model, modelName: 'tiny', catalog: join(dir, 'products.csv'), out: a, task: 'marketing' });
    await runCopyJob({ engine: model, modelName: 'tiny', catalog: join(dir, 'products.csv'), out: b, task: 'marketing' });
    const [first, second] = [await readOut(a), await readOut(b)];
    expect(second.map((l) => l.text)).toEqual(first.map((l) => l.text));
    expect(new Set(first.map((l) => l.seed)).size).toBe(first.length);
    expect(new Set(first.map((l) => l.text)).size).toBe(first.length);
  });

  it('resumes: a stopped run, then a crash that cut the last line, still end with every product exactly once', async () => {
    const out = join(dir, 'resume.jsonl');
    const reference = await readOut(join(dir, 'first.jsonl'));
    const partial = await runCopyJob({ engine: model, modelName: 'tiny', catalog: join(dir, 'products.csv'), out, task: 'marketing', limit: 2 });
    expect(partial).toMatchObject({ written: 2, stopped: true });
    await appendFile(out, '{"sku":"S-2","task":"mark'); // a crash mid-write
    const rest = await runCopyJob({ engine: model, modelName: 'tiny', catalog: join(dir, 'products.csv'), out, task: 'marketing' });
    expect(rest).toMatchObject({ written: 2, alreadyDone: 2 });
    const lines = await readOut(out);
    expect(lines.map((l) => l.sku).sort()).toEqual(['B-1', 'J-1', 'J-3', 'S-2']);
    expect(lines.map((l) => l.text).sort()).toEqual(reference.map((l) => l.text).sort());
  });

  it('reads JSON Lines catalogues and reports unparseable lines', async () => {
    const catalog = join(dir, 'products.jsonl');
    await writeFile(catalog, ['{"sku":"J-1","name":"Wool jacket","material":"merino wool","colour":"navy"}', '{"sku":"J-2", "name": ', '', '["not", "an object"]', '{"sku":"B-1","name":"Canvas bag","features":["roomy","washable"]}'].join('\n'));
    const out = join(dir, 'jsonl-out.jsonl');
    const summary = await runCopyJob({ engine: model, modelName: 'tiny', catalog, out, task: 'description' });
    expect((await readOut(out)).map((l) => l.sku)).toEqual(['J-1', 'B-1']);
    expect(summary.bad.map((b) => b.line)).toEqual([2, 4]);
    expect(summary.bad[1].error).toBe('not a JSON object');
  });

  it('writes the same copy through cowrite serve and createRemoteEngine as in-process', async () => {
    const server = await startServer({ models: { tiny: model }, port: 0 });
    try {
      const out = join(dir, 'remote.jsonl');
      const engine = createRemoteEngine({ baseURL: `${server.url}/v1`, model: 'tiny', tokenizer: model.tokenizer });
      await runCopyJob({ engine, modelName: 'tiny', catalog: join(dir, 'products.csv'), out, task: 'marketing' });
      expect((await readOut(out)).map((l) => l.text)).toEqual((await readOut(join(dir, 'first.jsonl'))).map((l) => l.text));
    } finally {
      await server.close(0);
    }
  });
});

describe('the cowrite command', () => {
  it('copy: exits 0 and prints the summary', async () => {
    const out = join(dir, 'cli.jsonl');
    const { stderr } = await run(process.execPath, ['--conditions=source', CLI, 'copy', '--catalog', join(dir, 'products.csv'), '--task', 'marketing', '--model', TINY, '--out', out]);
    expect(stderr).toMatch(/Done: 4 written .* 5 bad rows skipped, 0 failed, of 9 rows read/);
    expect(stderr).toMatch(/line 3: missing name — skipped/);
    expect((await readOut(out)).map((l) => l.model)).toEqual(['tiny-gpt2', 'tiny-gpt2', 'tiny-gpt2', 'tiny-gpt2']);
  });

  it('copy: a wrong flag is a usage error (exit 2)', async () => {
    const error = (await run(process.execPath, ['--conditions=source', CLI, 'copy', '--catalogue', 'x.csv']).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/Usage:/);
  });

  it('serve: prints its address, answers, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--conditions=source', CLI, 'serve', '--model', TINY, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (data: Buffer) => {
        text += data.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
        if (match) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error('serve exited early')));
    });
    const engine = createRemoteEngine({ baseURL: `${url}/v1`, model: 'tiny-gpt2' });
    expect((await engine.generate('Hello', { maxNewTokens: 3, doSample: false })).finishReason).toBe('length');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
