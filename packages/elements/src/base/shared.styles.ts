import { css } from 'lit';

/**
 * Design tokens shared by every element. Pages theme through the public `--cw-*`
 * custom properties. `light-dark()` follows the page's own `color-scheme` (inherited):
 * light unless the page opts into dark (`color-scheme: dark`, or `light dark` to follow
 * the OS), so a light page never gets near-white text in a dark-OS browser. The `theme`
 * attribute pins a scheme. Only logical properties are used, so RTL works.
 */
export const sharedStyles = css`
  :host {
    --_text: var(--cw-color-text, light-dark(#1b1b1f, #ececf1));
    --_muted: var(--cw-color-muted, light-dark(#595962, #b4b4bd));
    --_surface: var(--cw-color-surface, light-dark(#ffffff, #1c1c21));
    --_subtle: var(--cw-color-subtle, light-dark(#f3f3f6, #2a2a31));
    --_border: var(--cw-color-border, light-dark(#8c8c96, #6c6c76));
    --_accent: var(--cw-color-accent, light-dark(#3b4fd8, #9fb0ff));
    --_on-accent: var(--cw-color-on-accent, light-dark(#ffffff, #10132b));
    --_ghost: var(--cw-color-ghost, light-dark(#6b6b74, #9d9da6));
    --_positive: var(--cw-color-positive, light-dark(#146c2e, #7fd99a));
    --_negative: var(--cw-color-negative, light-dark(#b3261e, #ffb4ab));
    --_warning: var(--cw-color-warning, light-dark(#7a4f00, #f5c062));
    --_star: var(--cw-color-star, light-dark(#b06d00, #ffc24d));
    --_radius: var(--cw-radius, 0.5rem);
    --_space: var(--cw-space, 0.5rem);
    --_focus: var(--cw-focus-ring, 2px solid var(--_accent));
    display: block;
    color: var(--_text);
    font-family: var(--cw-font-family, system-ui, sans-serif);
    font-size: var(--cw-font-size, 1rem);
    line-height: 1.5;
  }
  /* A pinned scheme may differ from the page's, so the element paints its own surface. */
  :host([theme]) {
    background: var(--_surface);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  /* A class that sets display (flex, grid) would otherwise win over the hidden attribute. */
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_subtle);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  a:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
`;

/** The text fields, text areas and selects of the form elements: one look across elements. */
export const fieldStyles = css`
  input,
  textarea,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-block: 0.375rem;
    padding-inline: 0.625rem;
  }
  textarea {
    inline-size: 100%;
    resize: vertical;
  }
`;
