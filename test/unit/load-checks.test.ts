/**
 * Loads that used to pass and then fail later (issue 13, item 8): config.json against the
 * graph, generation_config.json defaults, odd arguments, abort reasons, and messages.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type GenerationOptions, type Gpt2Model } from '@cowrite/core';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';

const TINY = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
let scratch: string;
let model: Gpt2Model;

async function tinyWith(name: string, file: string, edit: (json: Record<string, unknown>) => void): Promise<string> {
  const dir = join(scratch, name);
  await cp(TINY, dir, { recursive: true });
  const json = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(json);
  await writeFile(join(dir, file), JSON.stringify(json));
  return dir;
}

beforeAll(async () => {
  await ensureFixtures();
  scratch = await mkdtemp(join(tmpdir(), 'cowrite-checks-'));
  model = await loadModel({ source: TINY });
});
afterAll(async () => {
  await model.dispose();
  await rm(scratch, { recursive: true, force: true });
});

describe('config.json against the graph', () => {
  it.each([
    ['n_head', { n_head: 4 }],
    ['n_embd', { n_embd: 64 }],
    ['n_layer', { n_layer: 3 }],
  ])('a wrong %s fails the load with CONFIG_MISMATCH, not every generate', async (name, patch) => {
    const dir = await tinyWith(`mismatch-${name}`, 'config.json', (json) => Object.assign(json, patch));
    await expect(loadModel({ source: dir })).rejects.toMatchObject({ code: 'CONFIG_MISMATCH', file: 'config.json', message: expect.stringContaining(name) });
  });
});

describe('generation_config.json defaults', () => {
  it('a bad default names generation_config.json, not an option the caller never passed', async () => {
    const dir = await tinyWith('bad-gen', 'generation_config.json', (json) => (json.top_p = 5));
    const bad = await loadModel({ source: dir });
    const error = await bad.generate('Hello', { maxNewTokens: 2 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_CORRUPT', file: 'generation_config.json', message: expect.stringContaining('top_p') });
    expect((error as Error).message).not.toMatch(/^topP/);
    // The caller can still override it.
    expect((await bad.generate('Hello', { maxNewTokens: 2, topP: 0.9 })).tokenIds).toHaveLength(2);
    await bad.dispose();
  });
});

describe('arguments', () => {
  it('generate(prompt, null) is a typed INVALID_OPTION naming options', async () => {
    await expect(model.generate('x', null as unknown as GenerationOptions)).rejects.toMatchObject({ code: 'INVALID_OPTION', argument: 'options' });
  });

  it('temperature 0 is accepted for greedy decoding, and equals greedy; sampling at 0 says what to do', async () => {
    const greedy = await model.generate('Hello', { maxNewTokens: 4 });
    expect((await model.generate('Hello', { maxNewTokens: 4, temperature: 0 })).tokenIds).toEqual(greedy.tokenIds);
    await expect(model.generate('Hello', { maxNewTokens: 4, temperature: 0, doSample: true })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      argument: 'temperature',
      message: expect.stringContaining('doSample: false'),
    });
  });

  it('abort(reason) keeps the reason: in the AbortError message and as its cause', async () => {
    const controller = new AbortController();
    const reason = new Error('the shopper left');
    const error = await (async () => {
      for await (const _ of model.stream('Great', { maxNewTokens: 100, signal: controller.signal })) controller.abort(reason);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect((error as Error).message).toContain('the shopper left');
    expect((error as Error).cause).toBe(reason);
    const stringReason = new AbortController();
    stringReason.abort('closed the tab');
    await expect(model.generate('Hi', { signal: stringReason.signal })).rejects.toMatchObject({ name: 'AbortError', message: expect.stringContaining('closed the tab') });
  });

  it('a missing local file names folder and file with a separator between them', async () => {
    const dir = join(scratch, 'empty-folder');
    await expect(loadModel({ source: dir })).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND', message: expect.stringContaining(`${dir}/config.json`) });
  });
});
