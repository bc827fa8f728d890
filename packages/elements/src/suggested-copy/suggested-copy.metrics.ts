import { distance } from 'fastest-levenshtein';
import type { CopyAcceptDetail, CopyCandidate } from './suggested-copy.ts';
import { countByCategory } from '../metrics/guard-counts.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';

interface CopyView extends HTMLElement {
  value: string;
  kind: 'description' | 'headline' | 'social';
  candidates: readonly CopyCandidate[];
  form: HTMLFormElement | null;
}

/** Suggested copy: candidates generated, the one published, and how far the merchant edited it (a distance, never the text). */
export const suggestedCopyMetrics: MetricRecipe = ({ host, emit, listen }) => {
  const copy = host as CopyView;
  let streaming = false;
  let published: string | undefined;
  let reported: string | undefined;

  listen<CustomEvent<CopyAcceptDetail>>(host, 'cw-copy-accept', ({ detail }) => {
    published = detail.text;
    reported = detail.text;
    emit({ name: 'copy-published', kind: detail.kind, index: detail.index, length: detail.text.length });
  });
  const reportEdit = (): void => {
    if (published === undefined || copy.value === reported) return;
    reported = copy.value;
    emit({ name: 'copy-edited', editDistance: distance(published, copy.value), length: copy.value.length });
  };
  // Leaving the editor ends an edit; a form submit may come without a blur.
  listen(host, 'focusout', reportEdit);
  listen(document, 'submit', reportEdit, { capture: true });

  return {
    hostUpdated() {
      const now = copy.candidates.some((candidate) => candidate.status === 'streaming');
      if (streaming && !now) {
        const done = copy.candidates.filter((candidate) => candidate.status === 'done' && candidate.text);
        emit({ name: 'copy-generated', kind: copy.kind, candidates: done.length });
        emit({ name: 'guard-findings', stage: 'copy-candidate', ...countByCategory(done.flatMap((candidate) => candidate.findings)) });
      }
      streaming = now;
    },
  };
};
