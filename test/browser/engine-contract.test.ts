/** The engine contract (test/contract) over the engines that run in a page: in-page and Worker. */
import { createWorkerEngine, loadModel } from '@cowrite/core';
import { describeEngineContract } from '../contract/engine-contract.ts';

const TINY = '/test/fixtures/models/tiny-gpt2/';

describeEngineContract('in-page GPT-2 (tiny fixture)', async () => {
  const model = await loadModel({ source: TINY });
  return { engine: model, dispose: () => model.dispose() };
});

describeEngineContract('Worker engine (tiny fixture)', async () => {
  const engine = await createWorkerEngine({ source: TINY });
  return { engine, dispose: () => engine.dispose() };
});
