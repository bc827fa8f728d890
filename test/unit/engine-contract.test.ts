/** The engine contract (test/contract) over the engines that run in Node. */
import { join } from 'node:path';
import { createRemoteEngine, loadModel, loadPhraseModel } from '@cowrite/core';
import { ScriptedEngine } from '@cowrite/core/testing';
import { startServer } from '@cowrite/server';
import { FIXTURE_MODELS_DIR } from '../../tools/gpt2/make-fixtures.ts';
import { describeEngineContract } from '../contract/engine-contract.ts';

const TINY = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');

describeEngineContract('in-process GPT-2 (tiny fixture)', async () => {
  const model = await loadModel({ source: TINY });
  return { engine: model, dispose: () => model.dispose() };
});

describeEngineContract('review phrase model (shipped)', async () => ({ engine: await loadPhraseModel() }));

describeEngineContract('remote engine against cowrite serve (tiny fixture)', async () => {
  const model = await loadModel({ source: TINY });
  const server = await startServer({ models: { tiny: model }, port: 0 });
  // The server's own tokenizer keeps prompt counts and token ids comparable with the in-process engine.
  const engine = createRemoteEngine({ baseURL: `${server.url}/v1`, model: 'tiny', tokenizer: model.tokenizer });
  return {
    engine,
    dispose: async () => {
      await server.close();
      await model.dispose();
    },
  };
});

describeEngineContract('ScriptedEngine', async () => ({
  engine: new ScriptedEngine({ fallback: ' is true to size, and the colour is a deep navy blue.', tokenDelayMs: 1 }),
}));
