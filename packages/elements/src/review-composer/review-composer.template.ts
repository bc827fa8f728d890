import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { cssProps } from '../base/css-props.ts';
import { format } from '../base/strings.ts';
import type { AnalysisController } from './analysis-controller.ts';
import type { ComposerHost } from './composer-host.ts';
import type { GhostTextController } from './ghost-text-controller.ts';
import { REVIEW_MAX_LENGTH } from './limits.ts';
import type { RatingController } from './rating-controller.ts';
import type { SubmitGuardController } from './submit-guard-controller.ts';
import type { TopicsController } from './topics-controller.ts';

export interface ComposerParts {
  ghost: GhostTextController;
  rating: RatingController;
  topics: TopicsController;
  analysis: AnalysisController;
  guard: SubmitGuardController;
  onInput(event: InputEvent): void;
  onBlur(): void;
}

/**
 * The composer's shadow DOM. The shopper types in a real `<textarea>`; the ghost text is drawn by a
 * mirror layer behind it (same text, same wrapping) and is never part of the value until accepted.
 */
export function renderComposer(host: ComposerHost, parts: ComposerParts): TemplateResult {
  const t = host.text;
  const disabled = host.isDisabled;
  const length = [...host.value].length;
  // In an empty field the placeholder gives way to a suggestion ("help me write"): both draw at the same place.
  return html`
    <div part="base" class="base">
      ${host.noRating ? nothing : parts.rating.render(disabled)}
      <label part="label" class="label" for="input" id="label"><slot name="label">${host.label ?? t.reviewLabel}</slot></label>
      ${host.noTopics || host.topicsHidden || !host.topics.length ? nothing : parts.topics.render(disabled)}
      ${host.restored ? html`<p class="restored">${t.draftRestored}</p>` : nothing}
      <div part="field" class="field" ${cssProps({ '--_rows': String(host.rows) })}>
        <div class="mirror" aria-hidden="true">${host.value}<span part="ghost" class="ghost">${host.suggestion}</span>\u200b</div>
        <textarea
          id="input"
          part="textarea"
          rows=${host.rows}
          maxlength=${host.maxLength ?? REVIEW_MAX_LENGTH}
          .value=${live(host.value)}
          placeholder=${host.suggestion ? '' : (host.placeholder ?? t.reviewPlaceholder)}
          ?disabled=${disabled}
          ?required=${host.required}
          aria-invalid=${host.userTouched && !host.validity.valid ? 'true' : 'false'}
          aria-describedby="count suggestion-hint validation"
          @input=${parts.onInput}
          @keydown=${parts.ghost.onKeyDown}
          @blur=${parts.onBlur}
          @pointerdown=${() => parts.ghost.dismiss('caret')}
          @compositionstart=${parts.ghost.onCompositionStart}
          @compositionend=${parts.ghost.onCompositionEnd}
        ></textarea>
      </div>
      ${parts.ghost.renderBar()}
      ${host.suggestionError ? html`<p class="error" role="alert">${host.suggestionError}</p>` : nothing}
      <p part="validation" class="error" id="validation" ?hidden=${!host.userTouched || host.validity.valid}>${host.userTouched ? host.validationMessage : ''}</p>
      <div part="footer" class="footer">
        ${parts.analysis.renderSentiment()}
        <span part="count" id="count" class="count ${host.maxLength !== undefined && length > host.maxLength ? 'over' : ''}">
          ${host.maxLength !== undefined ? format(t.characterCountMax, { n: length, max: host.maxLength }) : format(t.characterCount, { n: length })}
        </span>
      </div>
      ${parts.guard.render()}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${host.announcement}</div>
    </div>
  `;
}
