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
  .dot {
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
`;
