import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { renderGuardFindings } from '../base/guard-findings.ts';
import { getTextServices } from '../services/text-services.ts';
import type { GuardReport } from '../services/text-services.ts';
import { emit } from './composer-host.ts';
import type { ComposerHost } from './composer-host.ts';
import type { GuardDetail } from './review-composer.types.ts';

/**
 * The pre-submit guard: listens to the owning form's submit (in the capture phase, before the page's
 * own handlers), holds it back while the guard has findings, and shows them with "Edit" and — unless a
 * blocking category was found — "Post anyway", which lets the same text through.
 */
export class SubmitGuardController implements ReactiveController {
  #form: HTMLFormElement | null = null;
  #acknowledgedText: string | undefined;
  readonly #onSubmit = (event: SubmitEvent): void => this.#guardSubmit(event);

  readonly #host: ComposerHost;
  readonly #formOf: () => HTMLFormElement | null;

  constructor(host: ComposerHost, formOf: () => HTMLFormElement | null) {
    this.#host = host;
    this.#formOf = formOf;
    host.addController(this);
  }

  hostConnected(): void {
    this.bindForm(this.#formOf());
  }

  hostDisconnected(): void {
    this.bindForm(null);
  }

  bindForm(form: HTMLFormElement | null): void {
    this.#form?.removeEventListener('submit', this.#onSubmit, { capture: true });
    this.#form = form;
    // Capture on the form runs before the page's own submit handlers.
    form?.addEventListener('submit', this.#onSubmit, { capture: true });
  }

  /** Forgets a "Post anyway" (the form was reset). */
  reset(): void {
    this.#acknowledgedText = undefined;
  }

  run(): GuardReport | undefined {
    const host = this.#host;
    const guard = getTextServices().guardText;
    if (!guard || !host.value.trim()) {
      host.guardReport = undefined;
      return undefined;
    }
    const report = guard(host.value, { lang: host.coreLanguage, origin: host.guardOrigin });
    host.guardReport = report.findings.length ? report : undefined;
    return report;
  }

  #guardSubmit(event: SubmitEvent): void {
    const host = this.#host;
    if (host.isDisabled || this.#acknowledgedText === host.value) return;
    const report = this.run();
    if (!report?.findings.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    emit<GuardDetail>(host, 'cw-guard', { report });
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('.guard')?.focus());
  }

  #postAnyway = (): void => {
    this.#acknowledgedText = this.#host.value;
    this.#host.guardReport = undefined;
    this.#host.form?.requestSubmit();
  };

  #editAfterGuard = (): void => {
    const finding = this.#host.guardReport?.findings[0];
    const textarea = this.#host.textarea;
    if (!textarea) return;
    textarea.focus();
    if (finding) textarea.setSelectionRange(finding.start, finding.end);
  };

  render(): TemplateResult | typeof nothing {
    const host = this.#host;
    const report = host.guardReport;
    if (!report) return nothing;
    const t = host.text;
    const blocked = report.findings.some((finding) => host.guardBlocking.includes(finding.category));
    return html`
      <div part="guard" class="guard" role="alert" tabindex="-1">
        <h3>${t.guardHeading}</h3>
        ${renderGuardFindings(t, host.value, report.findings)}
        ${blocked ? html`<p>${t.guardBlocked}</p>` : nothing}
        <div class="actions">
          <button type="button" class="primary" @click=${this.#editAfterGuard}>${t.editText}</button>
          ${blocked ? nothing : html`<button type="button" @click=${this.#postAnyway}>${t.submitAnyway}</button>`}
        </div>
      </div>
    `;
  }
}
