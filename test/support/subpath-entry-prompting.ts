// Bundled by test/unit/subpath-bundles.test.ts: what a storefront importing only prompting gets.
export * from '@cowrite/core/prompting';
