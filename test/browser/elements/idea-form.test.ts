import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/idea-form/define';
import { rankSimilarIdeas, setTextServices } from '@cowrite/elements';
import type { CwIdeaForm, IdeaSubmitDetail } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import { cleanup, expectNoAxeViolations, mount, recordEvents, shadow } from './helpers.ts';

afterEach(() => {
  cleanup();
  setTextServices({ guardText: undefined });
});

const posted = [
  { id: 1, title: 'Waterproof hiking boots for wide feet', votes: 41, href: '/ideas/1' },
  { id: 2, title: 'Refill pouches for the hand soap', votes: 12 },
  { id: 3, title: 'Kids size rain jacket', votes: 7 },
];

async function ideaForm(engine = new ScriptedEngine()) {
  const container = mount(`<form><cw-idea-form name="idea"></cw-idea-form></form>`);
  const element = container.querySelector('cw-idea-form') as CwIdeaForm;
  element.engine = engine;
  element.categories = [
    { value: 'footwear', label: 'Footwear' },
    { value: 'home', label: 'Home' },
  ];
  element.ideas = posted;
  await element.updateComplete;
  return { element, form: container.querySelector('form') as HTMLFormElement };
}

describe('<cw-idea-form>', () => {
  it('ranks similar ideas by shared words (and Chinese character pairs)', () => {
    expect(rankSimilarIdeas('hiking boots that fit wide feet', posted).map((idea) => idea.id)).toEqual([1]);
    expect(rankSimilarIdeas('a better coffee grinder', posted)).toEqual([]);
    expect(rankSimilarIdeas('儿童雨衣', [{ title: '儿童雨衣加大码' }, { title: '咖啡机' }]).map((idea) => idea.title)).toEqual(['儿童雨衣加大码']);
  });

  it('shows similar ideas while the title is typed and announces them', async () => {
    const { element } = await ideaForm();
    await userEvent.click(shadow(element, '[part=title-input]'));
    await userEvent.keyboard('Wide hiking boots');
    await expect.poll(() => element.shadowRoot!.querySelector('[part=similar]')?.textContent ?? '').toContain('Waterproof hiking boots for wide feet');
    expect(shadow(element, '[part=similar] a').getAttribute('href')).toBe('/ideas/1');
    expect(shadow(element, '[part=similar]').textContent).toContain('41 votes');
    expect(shadow(element, '[role=status]').textContent).toBe('1 similar ideas found.');
    await expectNoAxeViolations(element);
  });

  it('uses a findSimilar callback and cancels stale searches', async () => {
    const { element } = await ideaForm();
    const signals: AbortSignal[] = [];
    element.findSimilar = async (title, signal) => {
      signals.push(signal);
      return title.includes('grinder') ? [{ id: 9, title: 'Quieter coffee grinder' }] : [];
    };
    await userEvent.click(shadow(element, '[part=title-input]'));
    await userEvent.keyboard('Coffee grinder');
    await expect.poll(() => element.similarIdeas.map((idea) => idea.title)).toEqual(['Quieter coffee grinder']);
  });

  it('refine with AI shows both versions; the shopper picks per field', async () => {
    setTextServices({
      guardText: (text) => {
        const start = text.indexOf('100% waterproof');
        return { text, findings: start < 0 ? [] : [{ category: 'claim', start, end: start + 15, severity: 'medium' }] };
      },
    });
    const engine = new ScriptedEngine({
      script: [{ when: () => true, reply: ' Wide-fit waterproof hiking boots\nProblem: Standard boots pinch wide feet.\nProposal: Boots in wide sizes that stay 100% waterproof on long hikes.' }],
    });
    const { element, form } = await ideaForm(engine);
    await userEvent.click(shadow(element, '[part=title-input]'));
    await userEvent.keyboard('boots wide');
    await userEvent.click(shadow(element, '[part=description-input]'));
    await userEvent.keyboard('my feet are wide and boots hurt');
    await userEvent.click(shadow(element, '[part=refine-button]'));
    await expect.poll(() => element.shadowRoot!.querySelector('[part=comparison]')).not.toBeNull();
    const comparison = shadow(element, '[part=comparison]');
    expect(comparison.textContent).toContain('boots wide');
    expect(comparison.textContent).toContain('Wide-fit waterproof hiking boots');
    expect(comparison.querySelector('.findings q')?.textContent).toBe('100% waterproof');
    await expectNoAxeViolations(element);
    await userEvent.click(comparison.querySelectorAll('.suggested button')[0]);
    expect(element.value).toBe('Wide-fit waterproof hiking boots');
    expect(element.description).toBe('my feet are wide and boots hurt');
    await userEvent.click(comparison.querySelectorAll('.suggested button')[1]);
    expect(element.description).toBe('Standard boots pinch wide feet.\n\nBoots in wide sizes that stay 100% waterproof on long hikes.');
    const data = new FormData(form);
    expect(data.get('idea-title')).toBe('Wide-fit waterproof hiking boots');
    expect(data.get('idea-description')).toBe(element.description);
    expect(engine.calls[0].prompt).toContain('my feet are wide and boots hurt');
  });

  it('validates, fires cw-idea-submit, submits the form, and resets', async () => {
    const { element, form } = await ideaForm();
    const submitted = recordEvents<IdeaSubmitDetail>(element, 'cw-idea-submit');
    let formSubmits = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      formSubmits += 1;
    });
    expect(element.validity.valueMissing).toBe(true);
    expect(element.submit()).toBe(false);
    expect(submitted).toEqual([]);
    element.value = 'Refillable soap';
    element.description = 'Sell refills in paper bags';
    element.category = 'home';
    await element.updateComplete;
    expect(element.validity.valid).toBe(true);
    await userEvent.click(shadow(element, '[part=submit-button]'));
    expect(submitted).toEqual([{ title: 'Refillable soap', description: 'Sell refills in paper bags', category: 'home' }]);
    expect(formSubmits).toBe(1);
    form.reset();
    expect([...new FormData(form).values()]).toEqual(['', '', '']);
  });
});
