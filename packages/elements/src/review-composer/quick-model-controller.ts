import { loadPhraseModel } from '@cowrite/core';
import type { TextGenerator } from '@cowrite/core';
import type { ReactiveController } from 'lit';
import { emit } from './composer-host.ts';
import type { ComposerHost } from './composer-host.ts';

/**
 * The `quick-model` attribute: `phrase` (the review phrase model that ships in @cowrite/core) or the URL
 * of a phrase-model file (e.g. a Chinese store's own, from `pnpm build:phrase-model --lang zh`), loaded
 * once and set as `quickEngine`, so a page without scripts gets instant words next to GPT-2.
 * A `quickEngine` the page sets itself is left alone; a failed load fires `cw-suggestion-error`.
 */
export class QuickModelController implements ReactiveController {
  readonly #host: ComposerHost;
  #source: string | undefined;
  #loaded: TextGenerator | undefined;

  constructor(host: ComposerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdate(): void {
    const source = this.#host.quickModel?.trim() || undefined;
    if (source === this.#source) return;
    this.#source = source;
    // The attribute's model gives way when the attribute goes; one the page set stays.
    if (this.#loaded && this.#host.quickEngine === this.#loaded) this.#host.quickEngine = undefined;
    this.#loaded = undefined;
    if (source !== undefined) void this.#load(source);
  }

  async #load(source: string): Promise<void> {
    const host = this.#host;
    try {
      const model = await loadPhraseModel(source === 'phrase' ? {} : { url: new URL(source, document.baseURI) });
      if (this.#source !== source || (host.quickEngine !== undefined && host.quickEngine !== this.#loaded)) return;
      this.#loaded = model;
      host.quickEngine = model;
    } catch (error) {
      if (this.#source === source) emit(host, 'cw-suggestion-error', { error });
    }
  }
}
