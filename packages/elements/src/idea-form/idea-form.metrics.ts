import type { IdeaRefinementSuggestion as Refinement, IdeaSubmitDetail } from './idea-form.ts';
import { countByCategory } from '../metrics/guard-counts.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';

/** Idea form: rewrites suggested, similar ideas shown, and which parts of a rewrite the submitted idea kept. */
export const ideaFormMetrics: MetricRecipe = ({ host, emit, listen }) => {
  const refinementOf = (): Refinement | undefined => (host as unknown as { refinement?: Refinement }).refinement;
  let shown: Refinement | undefined;
  let kept: Refinement | undefined;

  listen<CustomEvent<{ ideas: readonly unknown[] }>>(host, 'cw-similar-ideas', ({ detail }) => emit({ name: 'similar-ideas', count: detail.ideas.length }));
  listen<CustomEvent<IdeaSubmitDetail>>(host, 'cw-idea-submit', ({ detail }) => {
    const rewrite = refinementOf() ?? kept;
    emit({
      name: 'idea-submitted',
      titleLength: detail.title.length,
      descriptionLength: detail.description.length,
      usedTitle: rewrite !== undefined && rewrite.title.trim() === detail.title,
      usedDescription: rewrite !== undefined && rewrite.description.trim() === detail.description,
    });
  });

  return {
    hostUpdated() {
      const refinement = refinementOf();
      if (refinement && refinement !== shown) {
        emit({ name: 'idea-refined', findings: refinement.findings.length });
        emit({ name: 'guard-findings', stage: 'idea-refinement', ...countByCategory(refinement.findings) });
        kept = refinement;
      }
      shown = refinement;
    },
  };
};
