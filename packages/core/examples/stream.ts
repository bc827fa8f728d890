// Streams a continuation from a GPT-2 in the hub layout (default: the generated tiny test model).
// Run: pnpm run fixtures && node --conditions=source packages/core/examples/stream.ts [model-dir] [prompt]
import { loadModel } from '@cowrite/core';

const [source = 'test/fixtures/models/tiny-gpt2', prompt = 'This jacket is warm, and the fit'] = process.argv.slice(2);
const model = await loadModel({ source, dtype: 'fp32' });
process.stdout.write(prompt);
for await (const chunk of model.stream(prompt, { maxNewTokens: 24, doSample: true, topP: 0.9, seed: 7 })) {
  process.stdout.write(chunk.text);
}
process.stdout.write('\n');
