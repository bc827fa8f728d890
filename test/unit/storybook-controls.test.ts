import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicManifest } from '../../.storybook/public-manifest.ts';
import type { Manifest } from '../../.storybook/public-manifest.ts';

const manifest = JSON.parse(readFileSync(new URL('../../packages/elements/custom-elements.json', import.meta.url), 'utf8')) as Manifest;

/** The controls Storybook's web-components renderer builds: one per member field and per attribute, by name. */
function controls(from: Manifest, tagName: string): string[] {
  for (const module of from.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName !== tagName) continue;
      const fields = (declaration.members ?? []).filter((member) => member.kind === 'field').map((member) => member.name);
      return [...new Set([...fields, ...(declaration.attributes ?? []).map((attribute) => attribute.name)])];
    }
  }
  throw new Error(`${tagName} is not in the manifest`);
}

describe('Storybook shows designers only the public properties', () => {
  const shown = controls(publicManifest(manifest), 'cw-review-composer');

  it('the review composer keeps its public properties', () => {
    for (const name of ['label', 'placeholder', 'productId', 'rating', 'topics', 'minConfidence', 'required', 'minLength', 'maxLength', 'theme', 'engine', 'strings', 'suggest', 'value', 'disabled']) {
      expect(shown, name).toContain(name);
    }
  });

  it('and hides internals: protected/private state, statics, read-only getters, attribute duplicates', () => {
    for (const name of ['suggestionSource', 'announcement', 'guardReport', 'userTouched', 'formDisabled', 'internals', 'textarea', '#request', 'styles', 'properties', 'shadowRootOptions', 'formAssociated', 'validity', 'form', 'activeEngine', 'text', 'product-id', 'minlength']) {
      expect(shown, name).not.toContain(name);
    }
  });

  it('every element loses at least a third of its controls, none of them public API', () => {
    for (const tag of ['cw-review-composer', 'cw-idea-form', 'cw-suggested-copy', 'cw-feedback-summary', 'cw-model-status']) {
      const before = controls(manifest, tag).length;
      const after = controls(publicManifest(manifest), tag).length;
      console.info(`${tag}: ${before} → ${after} controls`);
      expect(after).toBeLessThan(before * 0.67);
    }
  });
});
