import { defineElement } from '../base/define.ts';
import { CwEngineProvider } from './engine-provider.ts';

defineElement('cw-engine-provider', CwEngineProvider);

declare global {
  interface HTMLElementTagNameMap {
    'cw-engine-provider': CwEngineProvider;
  }
}
