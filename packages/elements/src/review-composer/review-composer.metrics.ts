import type { SuggestionAcceptDetail, SuggestionDismissDetail, SuggestionShowDetail, GuardDetail } from './review-composer.types.ts';
import { countByCategory } from '../metrics/guard-counts.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';

/** The composer's state this recipe reads (public properties, and `helping` which it only compares). */
interface ComposerView extends HTMLElement {
  value: string;
  rating: number;
  selectedTopics: readonly string[];
  form: HTMLFormElement | null;
}

/**
 * Review composer: suggestions shown / accepted / dismissed, keystrokes saved, time from the
 * first key to submit, help-me-write and topic chips, guard findings that held a submit back.
 */
export const reviewComposerMetrics: MetricRecipe = ({ host, emit, now, listen }) => {
  const composer = host as ComposerView;
  let firstKeyAt = 0;
  let lastEditAt = 0;
  let helpAt = 0;
  let shownAt = 0;
  let session = { shown: 0, accepted: 0, acceptedChars: 0, saved: 0 };
  let wasHelping = false;
  let boundForm: HTMLFormElement | null = null;

  listen(host, 'input', () => {
    if (firstKeyAt === 0) {
      firstKeyAt = now();
      emit({ name: 'review-started' });
    }
    lastEditAt = now();
  });
  listen<CustomEvent<SuggestionShowDetail>>(host, 'cw-suggestion-show', ({ detail }) => {
    shownAt = now();
    session.shown += 1;
    const from = detail.source === 'help' ? helpAt : lastEditAt;
    emit({ name: 'suggestion-shown', source: detail.source, length: detail.suggestion.length, latencyMs: Math.round(from ? shownAt - from : 0) });
  });
  listen<CustomEvent<SuggestionAcceptDetail>>(host, 'cw-suggestion-accept', ({ detail }) => {
    const keystrokesSaved = Math.max(0, detail.text.length - 1);
    session.accepted += 1;
    session.acceptedChars += detail.text.length;
    session.saved += keystrokesSaved;
    emit({ name: 'suggestion-accepted', mode: detail.partial ? 'word' : 'whole', length: detail.text.length, keystrokesSaved });
  });
  listen<CustomEvent<SuggestionDismissDetail>>(host, 'cw-suggestion-dismiss', ({ detail }) => {
    emit({ name: 'suggestion-dismissed', reason: detail.reason, length: detail.suggestion.length, visibleMs: Math.round(shownAt ? now() - shownAt : 0) });
  });
  listen<CustomEvent<GuardDetail>>(host, 'cw-guard', ({ detail }) => {
    emit({ name: 'guard-findings', stage: 'submit', ...countByCategory(detail.report.findings) });
  });
  listen(host, 'click', (event) => {
    const chip = event.composedPath().find((node) => node instanceof HTMLElement && node.part.contains('topic'));
    if (!(chip instanceof HTMLElement)) return;
    // The chip's own handler ran first (it is nearer the target), so `aria-pressed` is the new state after the next render.
    emit({ name: 'topic-chip', selected: chip.getAttribute('aria-pressed') !== 'true', topics: composer.selectedTopics.length });
  });

  const onSubmit = (): void => {
    // Runs only when the submit went through: the composer stops a submit the guard holds back before it gets here.
    // A submit of the same form for something else (no review started) is not a review.
    if (firstKeyAt === 0) return;
    emit({
      name: 'review-submitted',
      durationMs: Math.round(firstKeyAt ? now() - firstKeyAt : 0),
      length: composer.value.length,
      suggestionsShown: session.shown,
      suggestionsAccepted: session.accepted,
      acceptedChars: session.acceptedChars,
      keystrokesSaved: session.saved,
      rating: composer.rating,
    });
    firstKeyAt = 0;
    session = { shown: 0, accepted: 0, acceptedChars: 0, saved: 0 };
  };

  return {
    hostUpdated() {
      const helping = (composer as unknown as { helping?: boolean }).helping === true;
      if (helping && !wasHelping) {
        helpAt = now();
        emit({ name: 'help-me-write', topics: composer.selectedTopics.length });
      }
      wasHelping = helping;
      if (composer.form !== boundForm) {
        boundForm?.removeEventListener('submit', onSubmit, { capture: true });
        boundForm = composer.form;
        // Capture: the page's own submit handler often resets the form, and it may have registered first.
        // Registered through `listen` too, so a disconnect removes it.
        if (boundForm) listen(boundForm, 'submit', onSubmit, { capture: true });
      }
    },
  };
};
