/**
 * Tells a *reported* validation (a submit attempt, `reportValidity()`) from a silent
 * `form.checkValidity()`. Both fire `invalid` on every invalid control, and native inputs become
 * `:user-invalid` only after a report. Two signs show a report:
 * - the shopper asked to submit in this task: a click on a submit button, or Enter in a
 *   single-line field (implicit submission);
 * - the report focuses the first invalid control, synchronously, before the call returns.
 *
 * The one miss is a programmatic `form.reportValidity()`/`requestSubmit()` while the invalid
 * control already has focus (no focus change to see). The opposite error — a page that calls
 * `form.checkValidity()` on every input to enable its submit button, flagging the field the
 * shopper is typing in — is the worse one, so that case stays silent.
 */
const waiting = new Map<EventTarget, () => void>();
let watchingFocus = false;
let submitIntent = false;
let intentTracked = false;

function onFocusIn(): void {
  const marks = [...waiting.values()];
  waiting.clear();
  for (const mark of marks) mark();
}

function endOfTask(): void {
  waiting.clear();
  if (!watchingFocus) return;
  watchingFocus = false;
  document.removeEventListener('focusin', onFocusIn, true);
}

function isSubmitter(target: EventTarget): boolean {
  return (target instanceof HTMLButtonElement || target instanceof HTMLInputElement) && target.type === 'submit' && target.form !== null;
}

/** Enter in a single-line field submits its form (implicit submission); in a textarea it is a new line. */
function submitsOnEnter(target: EventTarget): boolean {
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'reset', 'file', 'color', 'range'].includes(target.type);
}

function noteIntent(event: Event): void {
  const path = event.composedPath();
  const target = path[0];
  if (!target) return;
  const asks = event.type === 'click' ? path.some(isSubmitter) : (event as KeyboardEvent).key === 'Enter' && submitsOnEnter(target);
  if (!asks) return;
  submitIntent = true;
  // The submission (and its `invalid` events) is the event's default action, after every listener
  // and its microtasks: the intent lasts until the next task.
  setTimeout(() => {
    submitIntent = false;
  }, 0);
}

/** Starts watching for submit clicks and Enter (once per document, on the first form control). */
export function trackSubmitIntent(): void {
  if (intentTracked || typeof document === 'undefined') return;
  intentTracked = true;
  document.addEventListener('click', noteIntent, true);
  document.addEventListener('keydown', noteIntent, true);
}

/** Calls `onReported` (now or before this task ends) if the validation that fired `control`'s `invalid` is a report. */
export function whenValidationReported(control: EventTarget, onReported: () => void): void {
  if (submitIntent) {
    onReported();
    return;
  }
  waiting.set(control, onReported);
  if (watchingFocus) return;
  watchingFocus = true;
  document.addEventListener('focusin', onFocusIn, true);
  queueMicrotask(endOfTask);
}
