import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/suggested-copy/define';
import { setTextServices } from '@cowrite/elements';
import type { CwSuggestedCopy } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import { cleanup, expectNoAxeViolations, mount, recordEvents, shadow } from './helpers.ts';

afterEach(() => {
  cleanup();
  setTextServices({ guardText: undefined });
});

const replies = [
  ' A light wool jacket for cold mornings.',
  ' Guaranteed to keep you warm forever.',
  ' Soft merino, made to layer.',
  ' Walk further in soft merino.',
];

async function copyElement(engine = new ScriptedEngine({ script: [{ when: () => true, reply: replies }], tokenDelayMs: 1 })) {
  const container = mount(`<form><cw-suggested-copy name="copy" count="3">
    <script type="application/json">{"name": "Alpine Jacket", "materials": ["merino wool"], "audience": "hikers"}</script>
  </cw-suggested-copy></form>`);
  const element = container.querySelector('cw-suggested-copy') as CwSuggestedCopy;
  element.engine = engine;
  await element.updateComplete;
  return { element, engine, form: container.querySelector('form') as HTMLFormElement };
}

const texts = (element: CwSuggestedCopy) => [...element.shadowRoot!.querySelectorAll('[part=candidate-text]')].map((node) => node.textContent);

describe('<cw-suggested-copy>', () => {
  it('reads the product from its JSON script and streams N candidates with guard findings', async () => {
    setTextServices({
      guardText: (text) => {
        const start = text.indexOf('Guaranteed');
        return { text, findings: start < 0 ? [] : [{ category: 'claim', start, end: start + 10, severity: 'medium', suggestion: 'Warm in cold weather' }] };
      },
    });
    const { element, engine } = await copyElement();
    expect(element.product).toEqual({ name: 'Alpine Jacket', materials: ['merino wool'], audience: 'hikers' });
    await userEvent.click(shadow(element, '[part=generate-button]'));
    await expect.poll(() => element.candidates.map((candidate) => candidate.status)).toEqual(['done', 'done', 'done']);
    await element.updateComplete;
    expect(texts(element)).toEqual(replies.slice(0, 3).map((reply) => reply.trim()));
    expect(engine.calls[0].prompt).toContain('merino wool');
    expect(engine.calls[0].prompt).toContain('Alpine Jacket');
    expect(engine.calls.map((call) => call.options.seed)).toEqual([...new Set(engine.calls.map((call) => call.options.seed))]);
    const findings = element.shadowRoot!.querySelectorAll('[part=findings]');
    expect(findings).toHaveLength(1);
    expect(findings[0].textContent).toContain('An absolute or unverifiable claim');
    expect(findings[0].querySelector('q')?.textContent).toBe('Guaranteed');
    expect(shadow(element, '[role=status]').textContent).toBe('3 suggestions ready.');
    await expectNoAxeViolations(element);
  });

  it('accepting puts the text in the form; editing in place updates it; regenerate replaces one', async () => {
    const { element, form } = await copyElement();
    const accepted = recordEvents(element, 'cw-copy-accept');
    await element.generate();
    await element.updateComplete;
    const firstCard = () => element.shadowRoot!.querySelectorAll('[part=candidate]')[0];
    await userEvent.click(firstCard().querySelector('button')!);
    expect(accepted).toEqual([{ text: 'A light wool jacket for cold mornings.', index: 0, kind: 'description' }]);
    expect(new FormData(form).get('copy')).toBe('A light wool jacket for cold mornings.');
    await userEvent.click(firstCard().querySelectorAll('button')[1]);
    const editor = firstCard().querySelector('textarea')!;
    await userEvent.click(editor);
    await userEvent.keyboard('{End} Wind-proof.');
    expect(new FormData(form).get('copy')).toBe('A light wool jacket for cold mornings. Wind-proof.');
    await userEvent.click(element.shadowRoot!.querySelectorAll('[part=candidate]')[2].querySelectorAll('button')[2]);
    await expect.poll(() => element.candidates[2].text).toBe('Walk further in soft merino.');
    expect(element.candidates[0].text).toBe('A light wool jacket for cold mornings. Wind-proof.');
    form.reset();
    expect(new FormData(form).get('copy')).toBe('');
  });

  it('copies a candidate to the clipboard and announces it', async () => {
    const { element } = await copyElement();
    await element.generate();
    await element.updateComplete;
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    await userEvent.click(element.shadowRoot!.querySelectorAll('[part=candidate]')[1].querySelectorAll('button')[3]);
    await expect.poll(() => copied).toBe('Guaranteed to keep you warm forever.');
    await expect.poll(() => shadow(element, '[role=status]').textContent).toBe('Copied');
  });

  it('shows engine failures on the candidate', async () => {
    const { element } = await copyElement(new ScriptedEngine({ failures: 3, failure: new Error('model crashed') }));
    await element.generate();
    await element.updateComplete;
    expect(element.candidates.map((candidate) => candidate.error)).toEqual(['model crashed', 'model crashed', 'model crashed']);
  });
});
