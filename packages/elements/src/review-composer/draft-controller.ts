import { emit } from './composer-host.ts';
import type { ComposerHost } from './composer-host.ts';
import { readDraft, removeDraft, writeDraft } from './draft-storage.ts';

interface DraftHooks {
  /** Empties the editor when the composer moves to another product. */
  clearForSwitch(): void;
  /** A saved draft came back. */
  restored(): void;
}

/**
 * Autosave: the draft, rating and topics are kept per `product-id` (in `draft-storage.ts`) and come
 * back after a reload or when the composer switches back to that product.
 */
export class DraftController {
  readonly #host: ComposerHost;
  readonly #hooks: DraftHooks;

  constructor(host: ComposerHost, hooks: DraftHooks) {
    this.#host = host;
    this.#hooks = hooks;
  }

  #id(productId = this.#host.productId): string | undefined {
    return productId && !this.#host.noAutosave ? productId : undefined;
  }

  save(productId = this.#host.productId): void {
    const id = this.#id(productId);
    if (id) writeDraft(id, { text: this.#host.value, rating: this.#host.rating, topics: this.#host.selectedTopics });
  }

  clear(): void {
    const id = this.#id();
    if (id) removeDraft(id);
  }

  /**
   * `productId` changed on a live composer. From one product to another: the draft on screen is
   * the old product's, so it is saved there and the new product's draft (or an empty editor) comes
   * in. From none to a product (set after the first render): restore, unless the shopper already typed.
   */
  switchProduct(previous: string | undefined): void {
    if (previous && this.#id(previous)) {
      this.save(previous);
      this.#hooks.clearForSwitch();
    }
    this.restore();
  }

  restore(): void {
    const host = this.#host;
    const id = this.#id();
    if (!id || host.value) return;
    const saved = readDraft(id);
    if (!saved) return;
    host.value = saved.text;
    host.rating = saved.rating;
    host.selectedTopics = saved.topics;
    host.restored = true;
    host.announcement = host.text.draftRestored;
    this.#hooks.restored();
    emit(host, 'cw-draft-restore', { text: host.value, rating: host.rating });
  }
}
