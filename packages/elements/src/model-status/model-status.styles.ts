import { css } from 'lit';

export const modelStatusStyles = css`
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    font-size: 0.875em;
    color: var(--_muted);
  }
  /* The dot stays on the first line of its label, however the row wraps on a phone. */
  .state {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    flex: 0 1 auto;
    min-inline-size: 0;
  }
  .state [part~='label'] {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .dot {
    flex: none;
    margin-block-start: calc((1lh - 0.5rem) / 2);
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--_border);
  }
  :host([status='ready']) .dot {
    background: var(--_positive);
  }
  :host([status='error']) .dot {
    background: var(--_negative);
  }
  :host([status='loading']) .dot {
    background: var(--_accent);
  }
  progress {
    inline-size: var(--cw-progress-width, 8rem);
    accent-color: var(--_accent);
  }
  .error {
    color: var(--_negative);
  }
  .details {
    flex-basis: 100%;
    min-inline-size: 0;
  }
  .details summary {
    cursor: pointer;
  }
  .details p {
    margin: 0.25rem 0 0;
    overflow-wrap: anywhere;
  }
`;
