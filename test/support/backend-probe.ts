/**
 * Loads the tiny fixture with a given backend in this process and prints one JSON line:
 * the backend used, or the error's code and message. Run by native-backend.test.ts
 * under a preload that blocks onnxruntime-node.
 *   node --conditions=source [--import ./block-native-ort.ts] backend-probe.ts <modelDir> <backend|default>
 */
import { CowriteError, loadModel, type RuntimeOptions } from '@cowrite/core';

const [dir, backend] = process.argv.slice(2);
try {
  const model = await loadModel({ source: dir, ...(backend === 'default' ? {} : { backend: backend as RuntimeOptions['backend'] }) });
  const { tokenIds } = await model.generate('Hello there', { maxNewTokens: 4 });
  console.log(JSON.stringify({ backend: model.info.runtime.backend, fallbackReason: model.info.runtime.fallbackReason, tokens: tokenIds.length }));
  await model.dispose();
} catch (error) {
  console.log(JSON.stringify({ error: error instanceof CowriteError ? error.code : String(error), message: (error as Error).message }));
}
