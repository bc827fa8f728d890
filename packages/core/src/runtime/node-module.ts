/**
 * Imports one of Node's modules by a computed name. A bundler building for the browser (Vite, as in
 * Storybook and storefronts) resolves string-literal imports and would pull `node:fs`/`node:path` (or a
 * stub, with an "externalized for browser compatibility" warning) into the bundle; the callers only run
 * in Node.
 */
export function importNodeModule<T>(name: 'node:fs/promises' | 'node:path'): Promise<T> {
  return import(/* @vite-ignore */ /* webpackIgnore: true */ name) as Promise<T>;
}
