import { css } from 'lit';

export const ideaFormStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  textarea {
    min-block-size: 5lh;
  }
  /* aria-invalid is set only once a field was edited and left, or a submit was tried. */
  [aria-invalid='true'] {
    border-color: var(--_negative);
  }
  .similar {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: var(--_space);
    font-size: 0.875em;
  }
  .similar p {
    margin: 0;
    font-weight: 600;
  }
  .similar ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .muted {
    color: var(--_muted);
  }
  .compare {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_space);
  }
  .version {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: 0.375rem;
    align-content: start;
  }
  .version.suggested {
    border-color: var(--_accent);
  }
  .version h3 {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .version .title {
    font-weight: 600;
  }
  .version p {
    margin: 0;
    white-space: pre-wrap;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .error {
    color: var(--_negative);
  }
`;
