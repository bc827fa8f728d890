// Bundled by test/unit/subpath-bundles.test.ts (the control: this one does reach onnxruntime).
export * from '@cowrite/core/engine';
