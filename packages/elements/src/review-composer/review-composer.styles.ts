import { css } from 'lit';

export const reviewComposerStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .label {
    font-weight: 600;
  }
  /* Star rating: native radios (arrow keys, RTL, screen readers for free) drawn as stars. */
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.25rem;
  }
  .stars {
    display: inline-flex;
    gap: 0.125rem;
  }
  .star {
    position: relative;
    display: inline-grid;
    place-items: center;
    inline-size: var(--cw-star-size, 1.75rem);
    block-size: var(--cw-star-size, 1.75rem);
    font-size: calc(var(--cw-star-size, 1.75rem) * 0.85);
    color: var(--_border);
    cursor: pointer;
    border-radius: var(--_radius);
  }
  .star.on {
    color: var(--_star);
  }
  .star input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .star:has(input:focus-visible) {
    outline: var(--_focus);
    outline-offset: 1px;
  }
  .rating-suggestion,
  .restored,
  .suggestion-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .topics {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
  }
  .topics-label {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .chip {
    border-radius: 999px;
    padding-block: 0.125rem;
    padding-inline: 0.625rem;
    font-size: 0.875em;
  }
  .chip[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .icon-button {
    background: transparent;
    border-color: transparent;
    padding-inline: 0.375rem;
  }
  /* The editor: a transparent textarea stacked on a mirror that draws the ghost text. */
  .field {
    display: grid;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .field:focus-within {
    outline: var(--_focus);
    outline-offset: 1px;
  }
  :host(:state(user-invalid)) .field {
    border-color: var(--_negative);
  }
  .mirror,
  textarea {
    grid-area: 1 / 1;
    margin: 0;
    border: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    font: inherit;
    letter-spacing: inherit;
    line-height: inherit;
    white-space: pre-wrap;
    overflow-wrap: break-word;
    word-break: normal;
    tab-size: 4;
  }
  .mirror {
    color: transparent;
    pointer-events: none;
    user-select: none;
    min-block-size: calc(var(--_rows, 4) * 1lh + 1rem);
  }
  .ghost {
    color: var(--_ghost);
  }
  textarea {
    color: var(--_text);
    background: transparent;
    resize: none;
    overflow: hidden;
    outline: none;
    inline-size: 100%;
    block-size: 100%;
  }
  textarea::placeholder {
    color: var(--_muted);
  }
  textarea:disabled {
    cursor: not-allowed;
  }
  .footer {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .sentiment[data-label='positive'] {
    color: var(--_positive);
  }
  .sentiment[data-label='negative'] {
    color: var(--_negative);
  }
  .count {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
  }
  .count.over {
    color: var(--_negative);
  }
  kbd {
    font: inherit;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    padding-inline: 0.25rem;
  }
  .guard {
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_subtle);
  }
  .guard h3 {
    font-size: 1em;
    margin: 0 0 0.25rem;
  }
  .guard ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .guard q {
    font-style: italic;
  }
  .guard .actions {
    display: flex;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .error {
    color: var(--_negative);
    font-size: 0.875em;
  }
`;
