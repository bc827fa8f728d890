import { getSharedEngine, loadPhraseModel } from '@cowrite/core';
import { loadDefaultEngine } from '@cowrite/elements';
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
