import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/share-post/define';
import type { CwSharePost, ShareDetail } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import { cleanup, expectNoAxeViolations, mount, recordEvents, shadow } from './helpers.ts';

const POST = ' My new winter favourite: the Cloud Knit Beanie. Soft merino that kept my ears warm on the bike.';
const REVIEW = 'Warm and soft, and it kept my ears warm on the bike.';

afterEach(() => {
  cleanup();
  // Chromium on Linux has no share sheet: remove the double a test put on the instance.
  delete (navigator as unknown as Record<string, unknown>).share;
});

async function sharePost(options: { lang?: string; review?: string; engine?: ScriptedEngine; attrs?: string } = {}) {
  const container = mount(`<form ${options.lang ? `lang="${options.lang}"` : ''}><cw-share-post name="post" product="Cloud Knit Beanie" url="https://shop.example/beanie" ${options.attrs ?? ''}></cw-share-post></form>`);
  const element = container.querySelector('cw-share-post') as CwSharePost;
  const engine = options.engine ?? new ScriptedEngine({ fallback: POST, tokenDelayMs: 1 });
  element.engine = engine;
  element.facts = ['merino wool', 'double-layer knit'];
  element.review = options.review ?? REVIEW;
  await element.updateComplete;
  // A link click must not open a real tab during tests (runs after the element's own handler).
  container.addEventListener('click', (event) => {
    if ((event.composedPath()[0] as Element).localName === 'a') event.preventDefault();
  });
  return { element, engine, form: container.querySelector('form') as HTMLFormElement };
}

const buttons = (element: CwSharePost) => [...element.shadowRoot!.querySelectorAll('[part~=actions] button')].map((b) => b.textContent?.trim());

describe('<cw-share-post>', () => {
  it('without a review it says why and offers nothing to write', async () => {
    const { element } = await sharePost({ review: '' });
    expect(shadow(element, '.muted').textContent).toContain('Post your review first');
    expect(shadow<HTMLButtonElement>(element, '[part~=write-button]').disabled).toBe(true);
    expect(element.shadowRoot!.querySelector('textarea')).toBeNull();
    await expectNoAxeViolations(element);
  });

  it("writes a post from the shopper's review and the product facts; the post is the form value", async () => {
    const { element, engine, form } = await sharePost();
    const created = recordEvents<{ text: string }>(element, 'cw-share-post-create');
    await userEvent.click(shadow(element, '[part~=write-button]'));
    await expect.poll(() => element.state).toBe('draft');
    expect(engine.calls[0].prompt).toContain(`My review: ${REVIEW}\nMy post:`);
    expect(engine.calls[0].prompt).toContain('Facts: merino wool, double-layer knit');
    expect(element.value).toBe(POST.trim());
    expect(created).toEqual([{ text: POST.trim() }]);
    expect(new FormData(form).get('post')).toBe(POST.trim());
    await element.updateComplete;
    expect(shadow<HTMLTextAreaElement>(element, '[part~=editor]').value).toBe(POST.trim());
    expect(shadow(element, '[role=status]').textContent).toContain('Your share post is ready');
    await expectNoAxeViolations(element);
    form.reset();
    expect(new FormData(form).get('post')).toBe('');
  });

  it('Web Share absent: no share-sheet button; copy and network links share only on a click', async () => {
    const { element } = await sharePost();
    const shares = recordEvents<ShareDetail>(element, 'cw-share');
    await element.write();
    await element.updateComplete;
    expect(buttons(element)).toEqual(['Copy']);
    expect(shares).toEqual([]);
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    await userEvent.click(element.shadowRoot!.querySelector('[part~=actions] button')!);
    await expect.poll(() => copied).toBe(`${POST.trim()} https://shop.example/beanie`);
    const links = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~=network]')];
    expect(links.map((a) => a.dataset.network)).toEqual(['x', 'facebook', 'whatsapp', 'linkedin']);
    const x = new URL(links[0].href);
    expect(x.origin).toBe('https://x.com');
    expect(x.searchParams.get('text')).toBe(POST.trim());
    expect(x.searchParams.get('url')).toBe('https://shop.example/beanie');
    expect(links[0].rel).toBe('noopener noreferrer');
    await userEvent.click(links[2]);
    expect(shares.map((s) => s.channel)).toEqual(['copy', 'whatsapp']);
    expect(shares[1]).toEqual({ channel: 'whatsapp', text: POST.trim(), url: 'https://shop.example/beanie' });
  });

  it('Web Share present: the share sheet gets the post and the link; a cancelled sheet is not a share; the page can veto', async () => {
    const calls: ShareData[] = [];
    let cancel = false;
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: ShareData) => {
        calls.push(data);
        if (cancel) throw new DOMException('Share canceled', 'AbortError');
      },
    });
    const { element } = await sharePost();
    await element.write();
    await element.updateComplete;
    expect(buttons(element)).toEqual(['Share…', 'Copy']);
    await userEvent.click(element.shadowRoot!.querySelector('[part~=actions] button')!);
    await expect.poll(() => calls).toEqual([{ text: POST.trim(), url: 'https://shop.example/beanie' }]);
    await expect.poll(() => shadow(element, '[role=status]').textContent).toBe('Shared.');
    cancel = true;
    expect(await element.shareNative()).toBe(false);
    const veto = (event: Event) => event.preventDefault();
    element.addEventListener('cw-share', veto);
    expect(await element.shareNative()).toBe(false);
    expect(calls).toHaveLength(2);
    await expectNoAxeViolations(element);
  });

  it("shows the guard's findings for the model's post and for the shopper's edits", async () => {
    const { element } = await sharePost({ engine: new ScriptedEngine({ fallback: ' The best beanie ever made. Warm ears on every ride.' }) });
    await element.write();
    await element.updateComplete;
    expect(element.findings.map((f) => f.category)).toContain('claim');
    expect(shadow(element, '[part~=findings]').textContent).toContain('An absolute or unverifiable claim');
    const editor = shadow<HTMLTextAreaElement>(element, '[part~=editor]');
    await userEvent.clear(editor);
    await userEvent.type(editor, 'Warm ears. Ask me: jo@mail.example');
    await expect.poll(() => element.findings.map((f) => f.category)).toEqual(['pii']);
    expect(element.value).toBe('Warm ears. Ask me: jo@mail.example');
    expect(shadow(element, '[part~=findings]').textContent).toContain('Personal data');
    await expectNoAxeViolations(element);
  });

  it('zh: Chinese strings, the zh template and Chinese networks', async () => {
    const engine = new ScriptedEngine({ fallback: '冬天骑车耳朵也不冷，软软的羊毛帽子。' });
    const { element } = await sharePost({ lang: 'zh', review: '很暖和，骑车时耳朵不冷。', engine });
    expect(shadow(element, '[part~=write-button]').textContent?.trim()).toBe('生成分享文案');
    await element.write();
    await element.updateComplete;
    expect(engine.calls[0].prompt).toContain('我的评价：很暖和，骑车时耳朵不冷。\n我的分享：');
    expect(element.value).toBe('冬天骑车耳朵也不冷，软软的羊毛帽子。');
    expect(shadow(element, '[part~=write-button]').textContent?.trim()).toBe('换一个');
    const links = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~=network]')];
    expect(links.map((a) => a.textContent?.trim())).toEqual(['微博', 'QQ空间', '豆瓣']);
    expect(links[0].getAttribute('aria-label')).toBe('分享到微博（在新标签页打开）');
    await expectNoAxeViolations(element);
  });

  it('a configurable network list; a failed rewrite keeps the earlier post', async () => {
    const engine = new ScriptedEngine({ fallback: POST, failures: 0 });
    const { element } = await sharePost({ engine, attrs: 'networks="telegram reddit nope"' });
    await element.write();
    await element.updateComplete;
    expect([...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~=network]')].map((a) => a.dataset.network)).toEqual(['telegram', 'reddit']);
    element.engine = new ScriptedEngine({ failures: 1, failure: new Error('model crashed') });
    await element.write();
    expect(element.value).toBe(POST.trim());
    expect(element.state).toBe('draft');
    await element.updateComplete;
    expect(shadow(element, '.error').textContent).toContain('model crashed');
  });

  it('nothing leaves the page without a click: no request, beacon or window while writing and editing', async () => {
    const calls: string[] = [];
    const originals = { fetch: window.fetch, beacon: navigator.sendBeacon, open: window.open, xhr: XMLHttpRequest.prototype.open };
    window.fetch = (...args) => (calls.push('fetch'), originals.fetch(...args));
    navigator.sendBeacon = () => (calls.push('beacon'), true);
    window.open = () => (calls.push('open'), null);
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>) {
      calls.push('xhr');
      return originals.xhr.apply(this, args as never);
    } as XMLHttpRequest['open'];
    try {
      const { element } = await sharePost();
      await userEvent.click(shadow(element, '[part~=write-button]'));
      await expect.poll(() => element.state).toBe('draft');
      await element.updateComplete;
      await userEvent.type(shadow(element, '[part~=editor]'), ' Love it.');
      expect(calls).toEqual([]);
    } finally {
      Object.assign(window, { fetch: originals.fetch, open: originals.open });
      navigator.sendBeacon = originals.beacon;
      XMLHttpRequest.prototype.open = originals.xhr;
    }
  });
});
