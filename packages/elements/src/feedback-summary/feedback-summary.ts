import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { cssProps } from '../base/css-props.ts';
import type { FeedbackQuote, ReviewInput } from '@cowrite/core';
import { CowriteElement } from '../base/cowrite-element.ts';
import { safeLinkUrl } from '../base/safe-url.ts';
import { sharedStyles } from '../base/shared.styles.ts';
import { format, stringFor } from '../base/strings.ts';
import type { CowriteStrings } from '../base/strings.ts';
import { summarizeInChunks } from './chunked-summary.ts';
import type { MergedFeedback } from './chunked-summary.ts';
import { feedbackSummaryStyles } from './feedback-summary.styles.ts';

/** A review to summarize; `href` (http(s) or relative; else `id`, as `#id`) is where its quotes link to. */
export interface FeedbackReview extends ReviewInput {
  /** Where the review's quotes link to: an http(s) or relative URL; other schemes are dropped. */
  href?: string;
}

/** `detail` of `cw-quote-select`. */
export interface QuoteSelectDetail {
  /** The review the quote came from. */
  review: FeedbackReview;
  /** Index of that review in `reviews`. */
  reviewIndex: number;
  /** The quote whose link was followed. */
  quote: FeedbackQuote;
}

/**
 * What shoppers feel, at a glance: the sentiment distribution, positive and negative
 * counts per aspect (quality, price, shipping, size …), and representative quotes that
 * link back to their reviews. The analysis runs in slices between which the page stays
 * responsive, so thousands of reviews do not freeze it.
 *
 * @tagname cw-feedback-summary
 * @summary Sentiment distribution, aspects and linked quotes for a set of reviews.
 *
 * @fires cw-summary-ready - The summary was computed. `detail: { summary }`.
 * @fires cw-quote-select - A quote's link was followed. `detail: { review, reviewIndex, quote }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart distribution - The sentiment bar and legend.
 * @csspart aspects - The aspect list.
 * @csspart aspect - One aspect row.
 * @csspart quotes - The quotes list.
 * @csspart quote - One quote.
 * @csspart quote-link - The link from a quote to its review.
 *
 * @cssprop --cw-bar-height - Height of the bars.
 * @cssprop --cw-color-positive - Positive share.
 * @cssprop --cw-color-negative - Negative share.
 * @cssprop --cw-color-border - Neutral share.
 */
export class CwFeedbackSummary extends CowriteElement {
  /** The element's styles (shared tokens plus its own). */
  static override styles = [sharedStyles, feedbackSummaryStyles];

  /** Lit reactive properties: `reviews`, the display settings and internal state. */
  static override properties: PropertyDeclarations = {
    ...CowriteElement.properties,
    reviews: { attribute: false },
    minCount: { type: Number, attribute: 'min-count' },
    maxQuotes: { type: Number, attribute: 'max-quotes' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    summary: { state: true },
    progress: { state: true },
  };

  /** The reviews to summarize; a new array starts a new summary. */
  declare reviews: readonly FeedbackReview[];
  /** Below this many reviews no summary is shown. Default 5. */
  declare minCount: number;
  /** Quotes per aspect. Default 2. */
  declare maxQuotes: number;
  /** Level of the heading (1–6) to fit the page outline. Default 2. */
  declare headingLevel: number;
  /** The last computed summary. */
  declare summary: MergedFeedback | undefined;
  /** Reviews analysed so far while a summary runs; undefined otherwise. */
  declare protected progress: { done: number; total: number } | undefined;

  #run: AbortController | undefined;

  constructor() {
    super();
    this.reviews = [];
    this.minCount = 5;
    this.maxQuotes = 2;
    this.headingLevel = 2;
  }

  /** Resolves when the summary for the current reviews is ready. */
  summaryComplete: Promise<MergedFeedback | undefined> = Promise.resolve(undefined);

  /** Lit hook: starts a new summary when `reviews`, `maxQuotes` or `minCount` changed. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('reviews') || changed.has('maxQuotes') || changed.has('minCount')) this.summaryComplete = this.#analyze();
  }

  /** Cancels a summary in progress. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#run?.abort();
  }

  async #analyze(): Promise<MergedFeedback | undefined> {
    this.#run?.abort();
    const run = new AbortController();
    this.#run = run;
    const reviews = this.reviews;
    this.summary = undefined;
    if (reviews.filter((review) => review.text?.trim()).length < this.minCount) {
      this.progress = undefined;
      return undefined;
    }
    this.progress = { done: 0, total: reviews.length };
    try {
      const summary = await summarizeInChunks(reviews, {
        maxQuotes: this.maxQuotes,
        signal: run.signal,
        onProgress: (done, total) => {
          this.progress = { done, total };
        },
      });
      if (run.signal.aborted) return undefined;
      this.summary = summary;
      this.progress = undefined;
      this.dispatchEvent(new CustomEvent('cw-summary-ready', { bubbles: true, composed: true, detail: { summary } }));
      return summary;
    } catch (error) {
      if (run.signal.aborted) return undefined;
      throw error;
    }
  }

  #quoteHref(review: FeedbackReview | undefined): string | undefined {
    // A `javascript:` (or any non-http) href is dropped; the review's own anchor still works.
    const href = safeLinkUrl(review?.href);
    if (href) return href;
    return review?.id !== undefined ? `#${encodeURIComponent(String(review.id))}` : undefined;
  }

  /** Renders the heading and the summary, or the progress while analysing, or "too few reviews". */
  protected override render(): TemplateResult {
    const t = this.text;
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    return html`
      <section part="base" class="base" aria-labelledby="heading" aria-busy=${this.progress ? 'true' : 'false'}>
        <div part="heading" class="heading" id="heading" role="heading" aria-level=${level}>${t.summaryHeading}</div>
        ${this.summary
          ? this.#renderSummary(t, this.summary)
          : this.progress
            ? html`<p class="muted" role="status">${format(t.analyzing, { done: this.progress.done, total: this.progress.total })}</p>`
            : html`<p class="muted">${t.tooFewReviews}</p>`}
      </section>
    `;
  }

  #renderSummary(t: CowriteStrings, summary: MergedFeedback): TemplateResult {
    const total = Math.max(1, summary.count);
    const shares = (['positive', 'neutral', 'negative'] as const).map((label) => ({
      label,
      n: summary.distribution[label],
      percent: Math.round((summary.distribution[label] / total) * 100),
    }));
    return html`
      <p class="muted">${format(t.reviewsCount, { n: summary.count })}</p>
      <div part="distribution">
        <div class="bar" aria-hidden="true">
          ${shares.map((share) => html`<span class=${share.label} ${cssProps({ '--_share': `${(share.n / total) * 100}%` })}></span>`)}
        </div>
        <ul class="legend">
          ${shares.map(
            (share) =>
              html`<li><span class="swatch ${share.label}" aria-hidden="true"></span>${format(t.reviewShare, {
                  label: t[share.label],
                  percent: share.percent,
                  n: share.n,
                })}</li>`,
          )}
        </ul>
      </div>
      ${summary.aspects.length
        ? html`<div>
            <div class="heading" role="heading" aria-level=${Math.min(6, (this.headingLevel || 2) + 1)}>${t.aspectsHeading}</div>
            <ul part="aspects" class="aspects">
              ${summary.aspects.map((aspect) => {
                // The row's label counts positive and negative mentions only, so its bar does too: a grey
                // "neutral" segment next to "3 positive, 0 negative" reads as a share nobody can find.
                const mentions = Math.max(1, aspect.positive + aspect.negative);
                return html`<li part="aspect" class="aspect">
                  <span>${stringFor(t, `aspect_${aspect.aspect}`) ?? aspect.aspect}</span>
                  <div class="bar" aria-hidden="true">
                    <span class="positive" ${cssProps({ '--_share': `${(aspect.positive / mentions) * 100}%` })}></span>
                    <span class="negative" ${cssProps({ '--_share': `${(aspect.negative / mentions) * 100}%` })}></span>
                  </div>
                  <span class="aspect-counts">${format(t.aspectCounts, { pos: aspect.positive, neg: aspect.negative })}</span>
                  ${aspect.quotes.length ? this.#renderQuotes(t, aspect.quotes) : nothing}
                </li>`;
              })}
            </ul>
          </div>`
        : nothing}
    `;
  }

  #renderQuotes(t: CowriteStrings, quotes: readonly FeedbackQuote[]): TemplateResult {
    return html`<ul part="quotes" class="quotes" aria-label=${t.quotesHeading}>
      ${quotes.map((quote) => {
        const review = this.reviews[quote.reviewIndex];
        const href = this.#quoteHref(review);
        const text = review?.text ?? quote.text;
        // Highlight the evidence inside the sentence; everything stays plain text.
        const sentence = text.slice(quote.start, quote.end) || quote.text;
        const from = Math.max(0, quote.evidence.start - quote.start);
        const to = Math.max(from, quote.evidence.end - quote.start);
        return html`<li>
          <blockquote part="quote" data-label=${quote.label}>
            ${sentence.slice(0, from)}<mark>${sentence.slice(from, to)}</mark>${sentence.slice(to)}
          </blockquote>
          ${href
            ? html`<a
                part="quote-link"
                href=${href}
                @click=${() =>
                  this.dispatchEvent(
                    new CustomEvent<QuoteSelectDetail>('cw-quote-select', {
                      bubbles: true,
                      composed: true,
                      detail: { review, reviewIndex: quote.reviewIndex, quote },
                    }),
                  )}
                >${t.readReview}<span class="sr-only">: ${sentence}</span></a
              >`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }
}
