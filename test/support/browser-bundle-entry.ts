// What a storefront bundles: core's model loading and every element (see test/unit/browser-bundle.test.ts).
export { loadModel } from '@cowrite/core';
export * from '@cowrite/elements';
import '@cowrite/elements/define';
