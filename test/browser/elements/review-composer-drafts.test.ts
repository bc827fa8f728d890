import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/review-composer/define';
import type { CwReviewComposer } from '@cowrite/elements';
import { cleanup, mount, recordEvents, shadow } from './helpers.ts';

const key = (productId: string) => `cowrite:review-draft:${productId}`;
const stored = (productId: string) => JSON.parse(localStorage.getItem(key(productId)) ?? 'null') as { text: string; rating: number } | null;
const save = (productId: string, draft: object) => localStorage.setItem(key(productId), JSON.stringify(draft));

async function composer(attributes = '') {
  const container = mount(`<form><cw-review-composer name="review" debounce="0" ${attributes}></cw-review-composer></form>`);
  const element = container.querySelector('cw-review-composer') as CwReviewComposer;
  await element.updateComplete;
  return { element, textarea: shadow<HTMLTextAreaElement>(element, 'textarea') };
}

afterEach(cleanup);

describe('<cw-review-composer> drafts are never lost or mixed', () => {
  it('a product-id set after the first render still restores, and the first keystroke extends the draft instead of overwriting it', async () => {
    save('sku-late', { text: 'Saved yesterday', rating: 4, topics: ['fit'], savedAt: 1 });
    const { element, textarea } = await composer();
    const restored = recordEvents(element, 'cw-draft-restore');
    element.productId = 'sku-late';
    await element.updateComplete;
    expect(element.value).toBe('Saved yesterday');
    expect(element.rating).toBe(4);
    expect(restored).toEqual([{ text: 'Saved yesterday', rating: 4 }]);
    await userEvent.click(textarea);
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    await userEvent.keyboard('!');
    expect(stored('sku-late')?.text).toBe('Saved yesterday!');
  });

  it('a product-id set after the shopper typed keeps what is on screen', async () => {
    save('sku-typed', { text: 'Older draft', rating: 0, topics: [], savedAt: 1 });
    const { element, textarea } = await composer();
    await userEvent.click(textarea);
    await userEvent.keyboard('Typed first');
    element.productId = 'sku-typed';
    await element.updateComplete;
    expect(element.value).toBe('Typed first');
  });

  it("changing productId on a live composer saves A's draft under A and brings C's draft in", async () => {
    save('sku-c', { text: 'Draft for C', rating: 2, topics: [], savedAt: 1 });
    const { element, textarea } = await composer('product-id="sku-a"');
    await userEvent.click(textarea);
    await userEvent.keyboard('Draft for A');
    element.productId = 'sku-c';
    await element.updateComplete;
    expect(element.value).toBe('Draft for C');
    expect(textarea.value).toBe('Draft for C');
    expect(element.rating).toBe(2);
    expect(stored('sku-a')?.text).toBe('Draft for A');
    await userEvent.click(textarea);
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    await userEvent.keyboard(' more');
    expect(stored('sku-c')?.text).toBe('Draft for C more');
    expect(stored('sku-a')?.text).toBe('Draft for A');
    // And back: A's draft returns, C's stays where it belongs.
    element.productId = 'sku-a';
    await element.updateComplete;
    expect(element.value).toBe('Draft for A');
    expect(element.rating).toBe(0);
    expect(stored('sku-c')?.text).toBe('Draft for C more');
  });

  it('switching to a product without a draft starts empty and leaves the old draft saved', async () => {
    const { element, textarea } = await composer('product-id="sku-a"');
    await userEvent.click(textarea);
    await userEvent.keyboard('Draft for A');
    element.productId = 'sku-new';
    await element.updateComplete;
    expect(element.value).toBe('');
    expect(stored('sku-a')?.text).toBe('Draft for A');
    expect(stored('sku-new')).toBeNull();
  });

  it('a restored rating outside 1…5 (or not a whole star) is rejected; the text still comes back', async () => {
    for (const rating of [99, -1, 0, 3.5, '4', null]) {
      save('sku-bad', { text: 'Some text', rating, topics: ['fit', 7, null], savedAt: 1 });
      const { element } = await composer('product-id="sku-bad"');
      expect(element.value, String(rating)).toBe('Some text');
      expect(element.rating, String(rating)).toBe(0);
      expect(element.selectedTopics).toEqual(['fit']);
      cleanup();
    }
    save('sku-ok', { text: '', rating: 5, topics: [], savedAt: 1 });
    const { element } = await composer('product-id="sku-ok"');
    expect(element.rating).toBe(5);
  });
});
