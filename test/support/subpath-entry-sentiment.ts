// Bundled by test/unit/subpath-bundles.test.ts: what a storefront importing only sentiment gets.
export * from '@cowrite/core/sentiment';
