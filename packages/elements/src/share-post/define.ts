import { defineElement } from '../base/define.ts';
import { CwSharePost } from './share-post.ts';

defineElement('cw-share-post', CwSharePost);

declare global {
  interface HTMLElementTagNameMap {
    'cw-share-post': CwSharePost;
  }
}
