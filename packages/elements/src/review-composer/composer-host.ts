import type { CowriteStrings } from '../base/strings.ts';
import type { ReviewContext } from '../services/tasks.ts';
import type { GuardReport, RatingSuggestion, SentimentReading } from '../services/text-services.ts';
import type { CwReviewComposer } from './review-composer.ts';
import type { SuggestionShowDetail } from './review-composer.types.ts';

/**
 * What the composer's controllers see of it. They are parts of the element itself, so they also
 * reach its protected state (kept on the element: Lit renders from it and subclasses may read it).
 */
export interface ComposerHost
  extends Pick<
    CwReviewComposer,
    | 'value'
    | 'label'
    | 'placeholder'
    | 'rows'
    | 'noRating'
    | 'noTopics'
    | 'maxLength'
    | 'required'
    | 'validity'
    | 'validationMessage'
    | 'suggestion'
    | 'rating'
    | 'selectedTopics'
    | 'topics'
    | 'productId'
    | 'product'
    | 'noAutosave'
    | 'ratingRequired'
    | 'debounce'
    | 'minChars'
    | 'minSuggestionLength'
    | 'minConfidence'
    | 'guardBlocking'
    | 'guardOrigin'
    | 'suggest'
    | 'quickEngine'
    | 'quickModel'
    | 'activeEngine'
    | 'suggestionsWithheld'
    | 'isDisabled'
    | 'form'
    | 'renderRoot'
    | 'updateComplete'
    | 'addController'
    | 'dispatchEvent'
    | 'matches'
  > {
  suggestionSource: SuggestionShowDetail['source'];
  announcement: string;
  sentiment: SentimentReading | undefined;
  ratingSuggestion: RatingSuggestion | undefined;
  guardReport: GuardReport | undefined;
  helping: boolean;
  topicsHidden: boolean;
  restored: boolean;
  suggestionError: string;
  readonly text: CowriteStrings;
  readonly userTouched: boolean;
  readonly coreLanguage: 'en' | 'zh';
  readonly textarea: HTMLTextAreaElement | null;
  markEdited(): void;
}

/** What the model is told about the review being written. */
export function reviewContext(host: ComposerHost): ReviewContext {
  return { draft: host.value, product: host.product, rating: host.rating || undefined, topics: host.selectedTopics };
}

/** True when the caret sits, collapsed, at the end of the draft (where ghost text is drawn). */
export function caretAtEnd(host: ComposerHost): boolean {
  const textarea = host.textarea;
  return !!textarea && textarea.selectionStart === textarea.selectionEnd && textarea.selectionEnd === textarea.value.length;
}

/** Fires one of the composer's own events (bubbling and composed, like all of them). */
export function emit<T>(host: ComposerHost, type: string, detail: T): void {
  host.dispatchEvent(new CustomEvent<T>(type, { bubbles: true, composed: true, detail }));
}
