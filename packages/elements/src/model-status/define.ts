import { defineElement } from '../base/define.ts';
import { CwModelStatus } from './model-status.ts';

defineElement('cw-model-status', CwModelStatus);

declare global {
  interface HTMLElementTagNameMap {
    'cw-model-status': CwModelStatus;
  }
}
