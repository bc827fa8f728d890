import type { TestProject } from 'vitest/node';
// A relative import: the global setup's module runner does not apply the `source` condition.
import { loadModel } from '../../packages/core/src/engine/index.ts';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';

import { startModelServer } from './model-server.ts';
import { CROSS_RUNTIME_OPTIONS, CROSS_RUNTIME_PROMPT } from './cross-runtime.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    nodeGreedyTokenIds: number[];
    modelServerUrl: string;
  }
}

/** Generated test models (deterministic, git-ignored) exist before any project runs. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureFixtures();
  const model = await loadModel({ source: `${FIXTURE_MODELS_DIR}/tiny-gpt2` });
  const { tokenIds } = await model.generate(CROSS_RUNTIME_PROMPT, CROSS_RUNTIME_OPTIONS);
  await model.dispose();
  project.provide('nodeGreedyTokenIds', tokenIds);
  const server = await startModelServer(FIXTURE_MODELS_DIR);
  project.provide('modelServerUrl', server.url);
  return server.close;
}
