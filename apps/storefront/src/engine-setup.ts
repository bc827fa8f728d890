import { getSharedEngine, loadPhraseModel } from '@cowrite/core';
import { loadDefaultEngine } from '@cowrite/elements';
import type { TextGenerator } from '@cowrite/core';
import type { ModelChoice } from './model-choice.ts';

/**
 * Loads the chosen model once for the whole page (in a Worker, cached by the browser), with
 * byte progress for `<cw-model-status>`. A later call replaces the earlier one.
 */
export function loadPageEngine(choice: ModelChoice): Promise<void> {
  // The phrase model is small and instant: it runs on the page, no Worker.
  if (choice.kind === 'phrase') return loadDefaultEngine(({ signal }) => loadPhraseModel({ signal }));
  return loadDefaultEngine(({ onProgress }) =>
    getSharedEngine({
      source: choice.source,
      dtype: choice.dtype,
      onProgress: (progress) => onProgress({ loaded: progress.loaded, total: progress.total, file: progress.file }),
    }),
  );
}

/**
 * The composer's quick model next to GPT-2: the built-in phrase model, so shoppers get real review
 * phrases at once while the 125 MB GPT-2 download runs, and GPT-2's words extend them once it is ready.
 * Undefined for the offline models (the phrase model is then the engine itself; the local test model
 * shows its own ghost text) and when the phrase model cannot be loaded (GPT-2 alone still works).
 */
export async function quickEngineFor(choice: ModelChoice): Promise<TextGenerator | undefined> {
  if (choice.kind !== 'hub' && choice.kind !== 'custom') return undefined;
  try {
    return await loadPhraseModel();
  } catch {
    return undefined;
  }
}
