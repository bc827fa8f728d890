/** Registers every Cowrite element (side effect). */
import './review-composer/define.ts';
import './engine-provider/define.ts';
import './model-status/define.ts';
import './feedback-summary/define.ts';
import './suggested-copy/define.ts';
import './idea-form/define.ts';
import './share-post/define.ts';
