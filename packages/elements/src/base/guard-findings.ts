import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { GuardFinding } from '../services/text-services.ts';
import { format, stringFor } from './strings.ts';
import type { CowriteStrings } from './strings.ts';

/** The look of the list `renderGuardFindings` draws; elements that render it add these styles. */
export const guardFindingsStyles = css`
  .findings {
    margin: 0;
    padding-inline-start: 1.25rem;
    color: var(--_warning);
    font-size: 0.875em;
  }
`;

/** Guard findings as a list: category, the flagged words (as text) and the suggested fix. */
export function renderGuardFindings(t: CowriteStrings, text: string, findings: readonly GuardFinding[]): TemplateResult | typeof nothing {
  if (!findings.length) return nothing;
  return html`<ul part="findings" class="findings">
    ${findings.map(
      (finding) => html`<li>
        ${stringFor(t, `guard_${finding.category}`) ?? t.guard_other}: <q>${text.slice(finding.start, finding.end)}</q>
        ${finding.suggestion ? html` — ${format(t.guardSuggestion, { text: typeof finding.suggestion === 'string' ? finding.suggestion : finding.suggestion.message })}` : nothing}
      </li>`,
    )}
  </ul>`;
}
