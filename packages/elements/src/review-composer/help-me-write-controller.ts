import { detectLang } from '@cowrite/core';
import { streamReviewDraft } from '../services/tasks.ts';
import { writesLanguage } from './ghost-gate.ts';
import { reviewContext } from './composer-host.ts';
import type { ComposerHost } from './composer-host.ts';
import type { GhostTextController } from './ghost-text-controller.ts';

/** "Help me write": streams a whole draft from the chosen topics into the ghost text, where Tab accepts it. */
export class HelpMeWriteController {
  readonly #host: ComposerHost;
  readonly #ghost: GhostTextController;

  constructor(host: ComposerHost, ghost: GhostTextController) {
    this.#host = host;
    this.#ghost = ghost;
  }

  async run(): Promise<void> {
    const host = this.#host;
    const engine = host.activeEngine;
    if (!engine || host.helping || host.suggestionsWithheld) return;
    // An empty field is written in the page's language; a draft with words, in its own.
    const lang = /\S/.test(host.value) ? detectLang(host.value) : host.coreLanguage;
    if (!writesLanguage(engine, lang)) {
      host.suggestionError = host.text.helpNeedsLanguage;
      return;
    }
    // Takes the ghost text's request slot: a continuation in flight is aborted, and typing aborts this.
    this.#ghost.dismiss('replaced');
    const controller = this.#ghost.begin();
    // What streams into the ghost from here is a "help" suggestion, also if it is accepted or dismissed before it ends.
    host.suggestionSource = 'help';
    const draft = host.value;
    host.helping = true;
    host.suggestionError = '';
    let generated = '';
    try {
      for await (const piece of streamReviewDraft(engine, reviewContext(host), controller.signal, lang)) {
        if (host.value !== draft) return;
        generated += piece;
        host.suggestion = /\s$/.test(draft) || draft === '' ? generated.trimStart() : generated;
      }
      host.suggestion = host.suggestion.trimEnd();
      if (host.suggestion) this.#ghost.shown('help');
      const textarea = host.textarea;
      textarea?.focus();
      textarea?.setSelectionRange(textarea.value.length, textarea.value.length);
    } catch (error) {
      if (!controller.signal.aborted) host.suggestionError = error instanceof Error ? error.message : String(error);
      host.suggestion = '';
    } finally {
      this.#ghost.end(controller);
      host.helping = false;
    }
  }
}
