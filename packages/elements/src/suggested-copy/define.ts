import { defineElement } from '../base/define.ts';
import { CwSuggestedCopy } from './suggested-copy.ts';

defineElement('cw-suggested-copy', CwSuggestedCopy);

declare global {
  interface HTMLElementTagNameMap {
    'cw-suggested-copy': CwSuggestedCopy;
  }
}
