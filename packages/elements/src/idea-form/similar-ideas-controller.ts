import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { safeLinkUrl } from '../base/safe-url.ts';
import { format } from '../base/strings.ts';
import type { CowriteStrings } from '../base/strings.ts';
import type { CwIdeaForm } from './idea-form.ts';
import { rankSimilarIdeas } from './similar-ideas.ts';

/** What the controller sees of the form; it is part of the element, so it also reaches its protected state. */
export interface SimilarIdeasHost extends ReactiveControllerHost, Pick<CwIdeaForm, 'value' | 'ideas' | 'findSimilar' | 'similarIdeas' | 'dispatchEvent'> {
  announcement: string;
  readonly text: CowriteStrings;
}

/**
 * "Similar ideas" while the title is typed: the local `ideas` ranked by shared terms, plus a remote
 * `findSimilar` search when given, so shoppers vote on an existing idea instead of posting it twice.
 */
export class SimilarIdeasController implements ReactiveController {
  readonly #host: SimilarIdeasHost;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #run: AbortController | undefined;

  constructor(host: SimilarIdeasHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#run?.abort();
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#run?.abort();
    this.#timer = setTimeout(() => void this.#find(), 200);
  }

  async #find(): Promise<void> {
    const host = this.#host;
    const title = host.value.trim();
    const run = new AbortController();
    this.#run = run;
    if ([...title].length < 4) {
      host.similarIdeas = [];
      return;
    }
    let found = rankSimilarIdeas(title, host.ideas);
    if (host.findSimilar) {
      try {
        const remote = await host.findSimilar(title, run.signal);
        const seen = new Set(found.map((idea) => idea.id ?? idea.title));
        found = [...found, ...remote.filter((idea) => !seen.has(idea.id ?? idea.title))].slice(0, 5);
      } catch {
        // A failed search only means no remote suggestions.
      }
    }
    if (run.signal.aborted) return;
    const changed = found.map((idea) => idea.title).join('\n') !== host.similarIdeas.map((idea) => idea.title).join('\n');
    host.similarIdeas = found;
    if (changed && found.length) {
      host.announcement = format(host.text.similarIdeasCount, { n: found.length });
      host.dispatchEvent(new CustomEvent('cw-similar-ideas', { bubbles: true, composed: true, detail: { ideas: found } }));
    }
  }

  render(): TemplateResult | typeof nothing {
    const host = this.#host;
    const t = host.text;
    if (!host.similarIdeas.length) return nothing;
    return html`<div part="similar" class="similar" id="similar">
      <p>${t.similarIdeas}</p>
      <ul>
        ${host.similarIdeas.map((idea) => {
          const href = safeLinkUrl(idea.href);
          return html`<li>
            ${href ? html`<a href=${href}>${idea.title}</a>` : idea.title}
            ${idea.votes !== undefined ? html` <span class="muted">(${format(t.votes, { n: idea.votes })})</span>` : nothing}
            ${idea.status ? html` <span class="muted">· ${idea.status}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }
}
