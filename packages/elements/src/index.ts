/**
 * @cowrite/elements — element classes and helpers, without registering any tag.
 * Register with `import '@cowrite/elements/define'` (all) or `'@cowrite/elements/<element>/define'`.
 */
export { CowriteElement } from './base/cowrite-element.ts';
export { FormControlElement } from './base/form-control.ts';
export { defineElement } from './base/define.ts';
export { registerStrings, englishStrings, simplifiedChineseStrings } from './base/strings.ts';
export type { CowriteStrings } from './base/strings.ts';
export { EngineSource, pageEngineSource, setDefaultEngine, loadDefaultEngine, findEngineSource, describeBackend } from './base/engine-source.ts';
export type { EngineHealth, EngineStatus, EngineLoader, EngineLoadProgress, EngineLoadContext, EngineSourceHost } from './base/engine-source.ts';
export { setTextServices, getTextServices } from './services/text-services.ts';
export type * from './services/text-services.ts';
export type * from './services/tasks.ts';
export { CwReviewComposer } from './review-composer/review-composer.ts';
export type * from './review-composer/review-composer.types.ts';
export { CwEngineProvider } from './engine-provider/engine-provider.ts';
export { CwModelStatus } from './model-status/model-status.ts';
export { CwFeedbackSummary } from './feedback-summary/feedback-summary.ts';
export type { FeedbackReview, QuoteSelectDetail } from './feedback-summary/feedback-summary.ts';
export { summarizeInChunks } from './feedback-summary/chunked-summary.ts';
export type { MergedFeedback, ChunkedSummaryOptions } from './feedback-summary/chunked-summary.ts';
export { CwSuggestedCopy } from './suggested-copy/suggested-copy.ts';
export type { CopyCandidate, CopyAcceptDetail } from './suggested-copy/suggested-copy.ts';
export { CwIdeaForm } from './idea-form/idea-form.ts';
export type { FindSimilarIdeas, IdeaCategory, IdeaRefinementSuggestion, IdeaSubmitDetail } from './idea-form/idea-form.ts';
export { rankSimilarIdeas } from './idea-form/similar-ideas.ts';
export type { ExistingIdea } from './idea-form/similar-ideas.ts';
export { CwSharePost } from './share-post/share-post.ts';
export type { ShareChannel, ShareDetail, SharePostCreateDetail, SharePostState } from './share-post/share-post.ts';
export { SHARE_NETWORKS, DEFAULT_SHARE_NETWORKS } from './share-post/share-networks.ts';
export type { ShareNetwork, SharePayload } from './share-post/share-networks.ts';
export { MetricsController } from './metrics/metrics-controller.ts';
export type { MetricContext, MetricRecipe } from './metrics/metrics-controller.ts';
export type * from './metrics/metric-types.ts';
export { collectMetrics } from './metrics/sinks.ts';
export type { MetricSink, CollectMetricsOptions } from './metrics/sinks.ts';
export { setExperiment, experimentBucket, experimentOf, variantFor } from './metrics/experiment.ts';
export type { ExperimentSettings } from './metrics/experiment.ts';
