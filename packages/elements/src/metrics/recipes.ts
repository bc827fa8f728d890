import type { MetricRecipe } from './metrics-controller.ts';
import { ideaFormMetrics } from './recipes/idea-form-metrics.ts';
import { reviewComposerMetrics } from './recipes/review-composer-metrics.ts';
import { sharePostMetrics } from './recipes/share-post-metrics.ts';
import { suggestedCopyMetrics } from './recipes/suggested-copy-metrics.ts';

const RECIPES: Readonly<Record<string, MetricRecipe>> = {
  'cw-review-composer': reviewComposerMetrics,
  'cw-suggested-copy': suggestedCopyMetrics,
  'cw-share-post': sharePostMetrics,
  'cw-idea-form': ideaFormMetrics,
};

/** The recipe for a tag; elements without co-writing (summary, status, provider) have none. */
export function recipeFor(tagName: string): MetricRecipe | undefined {
  return RECIPES[tagName];
}
