import { css } from 'lit';

export const sharePostStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .label {
    font-weight: 600;
  }
  textarea {
    min-block-size: 4lh;
  }
  .networks-wrap {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .networks {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  [part~='network'] {
    display: inline-block;
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-decoration: none;
  }
  .error {
    color: var(--_negative);
    margin: 0;
  }
  .muted {
    color: var(--_muted);
    margin: 0;
  }
  .small {
    font-size: 0.875em;
  }
`;
