/** Registers every Cowrite element (side effect). */
import './review-composer/define.ts';
