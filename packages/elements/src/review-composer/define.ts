import { defineElement } from '../base/define.ts';
import { CwReviewComposer } from './review-composer.ts';

defineElement('cw-review-composer', CwReviewComposer);

declare global {
  interface HTMLElementTagNameMap {
    'cw-review-composer': CwReviewComposer;
  }
}
