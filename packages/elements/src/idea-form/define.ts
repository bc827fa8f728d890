import { defineElement } from '../base/define.ts';
import { CwIdeaForm } from './idea-form.ts';

defineElement('cw-idea-form', CwIdeaForm);

declare global {
  interface HTMLElementTagNameMap {
    'cw-idea-form': CwIdeaForm;
  }
}
