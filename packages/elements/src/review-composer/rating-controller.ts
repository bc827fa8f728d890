import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { format } from '../base/strings.ts';
import type { ComposerHost } from './composer-host.ts';

/** The star rating (native radios, so forms and keyboards work as usual) and the "sounds like 4 stars" offer. */
export class RatingController {
  readonly #host: ComposerHost;
  readonly #hooks: { saved(): void };

  constructor(host: ComposerHost, hooks: { saved(): void }) {
    this.#host = host;
    this.#hooks = hooks;
  }

  set(rating: number): void {
    const host = this.#host;
    if (rating === host.rating) return;
    host.rating = rating;
    host.markEdited();
    host.ratingSuggestion = undefined;
    this.#hooks.saved();
    host.dispatchEvent(new Event('change', { bubbles: true }));
  }

  render(disabled: boolean): TemplateResult {
    const host = this.#host;
    const t = host.text;
    const suggestion = host.ratingSuggestion;
    return html`
      <fieldset part="rating" ?disabled=${disabled}>
        <legend>${t.ratingLabel}</legend>
        <div class="stars">
          ${[1, 2, 3, 4, 5].map(
            (stars) => html`
              <label class="star ${stars <= host.rating ? 'on' : ''}">
                <input
                  type="radio"
                  name="rating"
                  .value=${String(stars)}
                  .checked=${live(stars === host.rating)}
                  ?required=${host.ratingRequired}
                  aria-label=${format(stars === 1 ? t.ratingStar : t.ratingStars, { n: stars })}
                  @change=${() => this.set(stars)}
                />
                <span aria-hidden="true">${stars <= host.rating ? '★' : '☆'}</span>
              </label>
            `,
          )}
        </div>
      </fieldset>
      ${suggestion
        ? html`<div part="rating-suggestion" class="rating-suggestion">
            <span>${format(t.ratingSuggestion, { n: suggestion.rating })}</span>
            <button type="button" @click=${() => this.set(suggestion.rating)}>
              ${format(t.useSuggestedRating, { n: suggestion.rating })}
            </button>
          </div>`
        : nothing}
    `;
  }
}
