import { css } from 'lit';

export const feedbackSummaryStyles = css`
  .base {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .heading {
    font-size: 1.125em;
    font-weight: 700;
    margin: 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  .bar {
    display: flex;
    block-size: var(--cw-bar-height, 0.75rem);
    border-radius: 999px;
    overflow: hidden;
    background: var(--_subtle);
  }
  .bar > span {
    inline-size: var(--_share);
  }
  .positive {
    background: var(--_positive);
  }
  .neutral {
    background: var(--_border);
  }
  .negative {
    background: var(--_negative);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    font-size: 0.875em;
  }
  .swatch {
    display: inline-block;
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 2px;
    margin-inline-end: 0.25rem;
  }
  .aspects {
    display: grid;
    gap: var(--_space);
  }
  .aspect {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr;
    gap: var(--_space);
    align-items: center;
  }
  .aspect .bar > span {
    min-inline-size: 0;
  }
  .aspect-counts {
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.8125em;
  }
  blockquote {
    margin: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
  }
  blockquote[data-label='positive'] {
    border-inline-start-color: var(--_positive);
  }
  blockquote[data-label='negative'] {
    border-inline-start-color: var(--_negative);
  }
  .quotes {
    display: grid;
    gap: var(--_space);
    /* Quotes span the aspect row: in the label column they would be squeezed. */
    grid-column: 1 / -1;
    padding-inline-start: 0;
    list-style: none;
  }
  mark {
    background: transparent;
    color: inherit;
    font-weight: 600;
  }
`;
