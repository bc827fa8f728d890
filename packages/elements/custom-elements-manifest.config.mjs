/**
 * The analyzer reads files in whatever order the file system lists them, so the manifest's modules
 * came out in a different order on every run (a 1,000-line diff for no change). Sorting them by
 * path makes `pnpm --filter @cowrite/elements run analyze` reproducible.
 */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**'],
  litelement: true,
  // api:check analyses into a scratch folder to compare with the committed manifest.
  outdir: process.env.CEM_OUTDIR ?? '.',
  plugins: [
    {
      name: 'cowrite-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
