import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { stringFor } from '../base/strings.ts';
import type { ComposerHost } from './composer-host.ts';

export const DEFAULT_TOPICS = ['fit', 'quality', 'shipping', 'value', 'comfort'];

/** Topic lists as attributes: keys separated by spaces or commas. */
export const topicListConverter = {
  fromAttribute: (value: string | null): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly string[]): string => value.join(' '),
};

/** The topic chip bar: toggles what the review is about (context for the model) and holds "Help me write". */
export class TopicsController {
  readonly #host: ComposerHost;
  readonly #hooks: { saved(): void; helpMeWrite(): Promise<void> };

  constructor(host: ComposerHost, hooks: { saved(): void; helpMeWrite(): Promise<void> }) {
    this.#host = host;
    this.#hooks = hooks;
  }

  toggle(topic: string): void {
    const host = this.#host;
    host.selectedTopics = host.selectedTopics.includes(topic)
      ? host.selectedTopics.filter((each) => each !== topic)
      : [...host.selectedTopics, topic];
    this.#hooks.saved();
  }

  render(disabled: boolean): TemplateResult {
    const host = this.#host;
    const t = host.text;
    return html`
      <div part="topics" class="topics" role="group" aria-labelledby="topics-label">
        <span class="topics-label" id="topics-label">${t.topicsLabel}</span>
        ${host.topics.map(
          (topic) => html`<button
            type="button"
            part="topic"
            class="chip"
            aria-pressed=${host.selectedTopics.includes(topic) ? 'true' : 'false'}
            ?disabled=${disabled}
            @click=${() => this.toggle(topic)}
          >
            ${stringFor(t, `topic_${topic}`) ?? topic}
          </button>`,
        )}
        <button
          type="button"
          part="help-button"
          class="primary"
          ?hidden=${host.suggestionsWithheld}
          ?disabled=${disabled || host.helping || !host.activeEngine}
          @click=${() => void this.#hooks.helpMeWrite()}
        >
          ${host.helping ? t.writing : t.helpMeWrite}
        </button>
        <button type="button" class="icon-button" aria-label=${t.hideTopics} title=${t.hideTopics} @click=${() => (host.topicsHidden = true)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    `;
  }
}
