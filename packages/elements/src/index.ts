/**
 * @cowrite/elements — element classes and helpers, without registering any tag.
 * Register with `import '@cowrite/elements/define'` (all) or `'@cowrite/elements/<element>/define'`.
 */
export { CowriteElement } from './base/cowrite-element.ts';
export { FormControlElement } from './base/form-control.ts';
export { defineElement } from './base/define.ts';
export { registerStrings, englishStrings, simplifiedChineseStrings } from './base/strings.ts';
export type { CowriteStrings } from './base/strings.ts';
export { EngineSource, pageEngineSource, setDefaultEngine, loadDefaultEngine, findEngineSource } from './base/engine-source.ts';
export type { EngineStatus, EngineLoader, EngineLoadProgress, EngineLoadContext, EngineSourceHost } from './base/engine-source.ts';
export { setTextServices, getTextServices } from './services/text-services.ts';
export type * from './services/text-services.ts';
export type * from './services/tasks.ts';
export { CwReviewComposer } from './review-composer/review-composer.ts';
export type {
  SuggestFunction,
  SuggestionDismissReason,
  SuggestionShowDetail,
  SuggestionAcceptDetail,
  SuggestionDismissDetail,
  GuardDetail,
} from './review-composer/review-composer.ts';
