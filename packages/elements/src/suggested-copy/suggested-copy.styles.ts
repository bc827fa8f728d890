import { css } from 'lit';

export const suggestedCopyStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }
  label {
    display: grid;
    gap: 0.125rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  textarea {
    min-block-size: 5lh;
  }
  .candidates {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .candidate {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
    display: grid;
    gap: var(--_space);
  }
  .candidate.accepted {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .candidate-title {
    font-size: 0.8125em;
    color: var(--_muted);
    margin: 0;
  }
  .text {
    white-space: pre-wrap;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .error {
    color: var(--_negative);
  }
  .muted {
    color: var(--_muted);
    margin: 0;
  }
`;
