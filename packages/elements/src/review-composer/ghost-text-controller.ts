import { html } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { detectLang } from '@cowrite/core';
import { format } from '../base/strings.ts';
import { streamDraftContinuation, trimSuggestion } from '../services/tasks.ts';
import type { Continuation } from '../services/tasks.ts';
import { afterPress, trackPresses } from './after-press.ts';
import { caretAtEnd, emit, reviewContext } from './composer-host.ts';
import type { ComposerHost } from './composer-host.ts';
import { ghostGate, worthShowing, writesLanguage } from './ghost-gate.ts';
import { ghostIsShowing } from './ghost-visibility.ts';
import type { SuggestionAcceptDetail, SuggestionDismissDetail, SuggestionDismissReason, SuggestionShowDetail } from './review-composer.types.ts';

/** A suggestion that already ends its sentence needs no extending. */
const SENTENCE_DONE = /[.!?。！？]\s*$/u;

/** Splits off the next word (with its leading spaces) of a suggestion. */
function nextWord(suggestion: string): string {
  return suggestion.match(/^\s*[^\s]+/u)?.[0] ?? suggestion;
}

/**
 * The whole keystroke → ghost-text path: debounce, the request in flight and its abort, the
 * confidence gate, streaming updates, and the keys (Tab, Esc, Ctrl/⌘ + →) that accept or dismiss.
 * One request slot serves both continuations and "Help me write", so a new one always aborts the old.
 */
export class GhostTextController implements ReactiveController {
  #request: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #accepting = false;
  #composing = false;
  /** The suggestion on screen has fired `cw-suggestion-show` (reset when it leaves the screen or a new request starts). */
  #showReported = false;

  /** `applyEdit` records an edit the browser did not report as input (the accept fallback). */
  readonly #host: ComposerHost;
  readonly #applyEdit: (next: string) => void;

  constructor(host: ComposerHost, applyEdit: (next: string) => void) {
    this.#host = host;
    this.#applyEdit = applyEdit;
    host.addController(this);
  }

  /** True while an accept writes into the textarea (its input is ours, not the shopper's). */
  get accepting(): boolean {
    return this.#accepting;
  }

  hostConnected(): void {
    trackPresses();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /**
   * Claims the request slot for a new suggestion: aborts whatever was in flight and returns the new request's
   * controller. Dismiss the suggestion on screen first; what streams in from here is reported shown anew.
   */
  begin(): AbortController {
    this.cancel();
    this.#showReported = false;
    this.#request = new AbortController();
    return this.#request;
  }

  /** Releases the slot if `controller` still holds it. */
  end(controller: AbortController): void {
    if (this.#request === controller) this.#request = undefined;
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#request?.abort();
    this.#request = undefined;
    this.#host.helping = false;
  }

  accept(partial: boolean): boolean {
    const host = this.#host;
    const textarea = host.textarea;
    if (!host.suggestion || !textarea) return false;
    this.#reportShown(host.suggestionSource);
    const text = partial ? nextWord(host.suggestion) : host.suggestion;
    const rest = host.suggestion.slice(text.length);
    this.#accepting = true;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    const before = textarea.value;
    // execCommand keeps the browser's undo stack (Ctrl+Z undoes an accept); setRangeText does not.
    const inserted = document.execCommand('insertText', false, text);
    if (!inserted || textarea.value === before) {
      textarea.setRangeText(text, textarea.value.length, textarea.value.length, 'end');
      this.#applyEdit(textarea.value);
      host.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
    }
    this.#accepting = false;
    host.suggestion = rest.trim() ? rest : '';
    host.announcement = host.text.suggestionAccepted;
    emit<SuggestionAcceptDetail>(host, 'cw-suggestion-accept', { text, partial });
    if (!host.suggestion) this.#showReported = false;
    // No new suggestion until the shopper types again: the next Tab leaves the field, and typing on brings the next one.
    return true;
  }

  dismiss(reason: SuggestionDismissReason): void {
    // The shopper said no or moved away: a suggestion still streaming in must not come back.
    if (reason === 'escape' || reason === 'caret') this.cancel();
    const host = this.#host;
    if (!host.suggestion) return;
    this.#reportShown(host.suggestionSource);
    const suggestion = host.suggestion;
    host.suggestion = '';
    host.announcement = '';
    emit<SuggestionDismissDetail>(host, 'cw-suggestion-dismiss', { suggestion, reason });
    this.#showReported = false;
  }

  /** Announces the suggestion now on screen (its final form), and reports it unless it was already reported. */
  shown(source: SuggestionShowDetail['source']): void {
    const host = this.#host;
    host.announcement = format(host.text.suggestionAnnouncement, { text: host.suggestion.trim() });
    this.#reportShown(source);
  }

  /**
   * `cw-suggestion-show` fires once per suggestion: when it is complete, or earlier if the shopper accepts or
   * dismisses it while it is still streaming in — an accept or dismiss must never come without its show
   * (acceptance rates would pass 100 %).
   */
  #reportShown(source: SuggestionShowDetail['source']): void {
    const host = this.#host;
    host.suggestionSource = source;
    if (this.#showReported) return;
    this.#showReported = true;
    emit<SuggestionShowDetail>(host, 'cw-suggestion-show', { suggestion: host.suggestion, source });
  }

  /** After the host applied an input event (`previous` is the draft before it). */
  onInput(event: InputEvent, previous: string): void {
    if (this.#accepting) return;
    const host = this.#host;
    if (this.#composing || event.isComposing) {
      this.cancel();
      this.dismiss('typing');
      return;
    }
    // Typing the suggestion's own next characters keeps the rest (Smart Compose behaviour).
    const value = host.value;
    const typed = value.startsWith(previous) ? value.slice(previous.length) : '';
    if (host.suggestion && typed && caretAtEnd(host) && host.suggestion.startsWith(typed) && typed.length < host.suggestion.length) {
      host.suggestion = host.suggestion.slice(typed.length);
      return;
    }
    this.dismiss('typing');
    this.schedule();
  }

  onKeyDown = (event: KeyboardEvent): void => {
    const host = this.#host;
    if (this.#composing || event.isComposing || !host.suggestion) return;
    const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
    const forward = host.matches(':dir(rtl)') ? 'ArrowLeft' : 'ArrowRight';
    if (event.key === 'Tab' && plain) {
      // Only what the shopper can see is accepted; otherwise Tab moves focus as everywhere else.
      if (!ghostIsShowing(host.renderRoot, host.suggestion) || !caretAtEnd(host)) return;
      event.preventDefault();
      this.accept(false);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.dismiss('escape');
    } else if (event.key === forward && (event.ctrlKey || event.metaKey) && !event.altKey && caretAtEnd(host)) {
      event.preventDefault();
      this.accept(true);
    } else if (/^(Arrow|Home|End|Page)/.test(event.key)) {
      this.dismiss('caret');
    }
  };

  onBlur(): void {
    this.cancel();
    afterPress(() => {
      if (!this.#host.matches(':focus-within')) this.dismiss('blur');
    });
  }

  onCompositionStart = (): void => {
    this.#composing = true;
    this.cancel();
    this.dismiss('typing');
  };

  onCompositionEnd = (): void => {
    this.#composing = false;
    this.schedule();
  };

  schedule(): void {
    // Every keystroke cancels the request in flight: its answer would be for stale text.
    this.cancel();
    const host = this.#host;
    if (host.isDisabled || [...host.value.trim()].length < host.minChars) return;
    if ((!host.suggest && !host.activeEngine && !host.quickEngine) || host.suggestionsWithheld) return;
    this.#timer = setTimeout(() => void this.#requestSuggestion(), host.debounce);
  }

  /** Key hints and the accept button, shown with a suggestion. */
  renderBar(): TemplateResult {
    const host = this.#host;
    const t = host.text;
    return html`<div part="suggestion-bar" class="suggestion-bar" id="suggestion-hint" ?hidden=${!host.suggestion}>
      <span>${t.suggestionKeysHint}</span>
      <button
        type="button"
        part="suggestion-accept"
        tabindex="-1"
        @pointerdown=${(event: PointerEvent) => event.preventDefault()}
        @click=${() => this.accept(false)}
      >
        ${t.acceptSuggestion}
      </button>
    </div>`;
  }

  async #requestSuggestion(): Promise<void> {
    const host = this.#host;
    if (!caretAtEnd(host) || this.#composing) return;
    const controller = new AbortController();
    this.#request = controller;
    this.#showReported = false;
    const draft = host.value;
    const lang = detectLang(draft);
    // A model that writes only some languages (the phrase model: English) offers nothing for others.
    if (!host.suggest && !writesLanguage(host.activeEngine, lang)) return;
    try {
      const engine = host.activeEngine;
      // Ghost text streams in: each guarded update that passes the gate shows at once; the final one is announced.
      const fresh = (): boolean => !controller.signal.aborted && host.value === draft && caretAtEnd(host);
      let partialShown = false;
      // Two models: the quick one's words show at once, and the engine continues the draft from them.
      const prefix = await this.#quickWords(draft, lang, controller.signal, fresh);
      if (prefix) partialShown = true;
      if (prefix && SENTENCE_DONE.test(prefix)) {
        this.shown('continuation');
        return;
      }
      const context = { ...reviewContext(host), draft: draft + prefix };
      const answer = host.suggest
        ? await host.suggest(reviewContext(host), controller.signal, engine)
        : engine
          ? await streamDraftContinuation(engine, context, controller.signal, (partial) => {
              if (!fresh() || !this.#confident(partial, context.draft)) return;
              host.suggestion = prefix + partial.text;
              host.suggestionSource = 'continuation';
              partialShown = true;
            })
          : undefined;
      if (!fresh()) return;
      if (answer === undefined) {
        // No engine yet (GPT-2 still loading): the quick words are the suggestion.
        if (prefix) this.shown('continuation');
        return;
      }
      const continuation: Continuation = typeof answer === 'string' ? { text: trimSuggestion(draft, answer) } : answer;
      if (!this.#confident(continuation, context.draft)) {
        // The quick words stand on their own when the engine has nothing better to add.
        host.suggestion = prefix;
        if (prefix) this.shown('continuation');
        else if (partialShown) host.suggestion = '';
        return;
      }
      host.suggestion = prefix + continuation.text;
      this.shown('continuation');
    } catch (error) {
      // Aborts are routine; a failing engine only means no ghost text.
      if (!controller.signal.aborted && !(error instanceof DOMException && error.name === 'AbortError')) {
        emit(host, 'cw-suggestion-error', { error });
      }
    } finally {
      this.end(controller);
    }
  }

  /**
   * The quick model's suggestion (`quickEngine`, e.g. the phrase model next to GPT-2), shown at once when
   * it passes the quick model's own gate; '' when there is no quick model or nothing worth showing.
   */
  async #quickWords(draft: string, lang: string, signal: AbortSignal, fresh: () => boolean): Promise<string> {
    const host = this.#host;
    const quick = host.quickEngine;
    if (!quick || host.suggest || quick === host.activeEngine || !writesLanguage(quick, lang)) return '';
    const words = await streamDraftContinuation(quick, reviewContext(host), signal, () => undefined);
    if (!fresh() || !this.#confident(words, draft, quick)) return '';
    host.suggestion = words.text;
    host.suggestionSource = 'continuation';
    return words.text;
  }

  #confident(continuation: Continuation, draft: string, engine = this.#host.activeEngine): boolean {
    const host = this.#host;
    const gate = ghostGate(host.minConfidence, engine, { minChars: host.minChars, minSuggestionLength: host.minSuggestionLength }, draft);
    return worthShowing(continuation, gate);
  }
}
