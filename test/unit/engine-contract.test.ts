/** The engine contract (test/contract) over the engines that run in Node. */
import { join } from 'node:path';
import { loadModel } from '@cowrite/core';
import { ScriptedEngine } from '@cowrite/core/testing';
import { FIXTURE_MODELS_DIR } from '../../tools/gpt2/make-fixtures.ts';
import { describeEngineContract } from '../contract/engine-contract.ts';

describeEngineContract('in-process GPT-2 (tiny fixture)', async () => {
  const model = await loadModel({ source: join(FIXTURE_MODELS_DIR, 'tiny-gpt2') });
  return { engine: model, dispose: () => model.dispose() };
});

describeEngineContract('ScriptedEngine', async () => ({
  engine: new ScriptedEngine({ fallback: ' is true to size, and the colour is a deep navy blue.', tokenDelayMs: 1 }),
}));
