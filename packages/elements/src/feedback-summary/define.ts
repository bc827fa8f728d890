import { defineElement } from '../base/define.ts';
import { CwFeedbackSummary } from './feedback-summary.ts';

defineElement('cw-feedback-summary', CwFeedbackSummary);

declare global {
  interface HTMLElementTagNameMap {
    'cw-feedback-summary': CwFeedbackSummary;
  }
}
