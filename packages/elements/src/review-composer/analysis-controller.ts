import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { getTextServices } from '../services/text-services.ts';
import type { ComposerHost } from './composer-host.ts';

/**
 * Reads the draft a moment after typing stops: the sentiment hint in the footer, and a suggested
 * star rating while the shopper has chosen none.
 */
export class AnalysisController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #host: ComposerHost;

  constructor(host: ComposerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#analyze(), Math.max(this.#host.debounce, 200));
  }

  #analyze(): void {
    const host = this.#host;
    const services = getTextServices();
    const text = host.value.trim();
    const long = [...text].length >= 20;
    host.sentiment = long && services.analyzeSentiment ? services.analyzeSentiment(text, { lang: host.coreLanguage }) : undefined;
    const suggestion = long && host.rating === 0 && services.suggestRating ? services.suggestRating(text) : undefined;
    host.ratingSuggestion = suggestion && suggestion.confidence >= 0.5 && suggestion.rating >= 1 ? suggestion : undefined;
  }

  renderSentiment(): TemplateResult | typeof nothing {
    const { sentiment, text: t } = this.#host;
    if (!sentiment) return nothing;
    const label =
      sentiment.label === 'positive' ? t.sentimentPositive : sentiment.label === 'negative' ? t.sentimentNegative : t.sentimentNeutral;
    return html`<span part="sentiment" class="sentiment" data-label=${sentiment.label}>${label}</span>`;
  }
}
