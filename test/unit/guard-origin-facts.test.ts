import { describe, expect, it } from 'vitest';
import { guardText } from '@cowrite/core';
import type { GuardOrigin, ProductFacts } from '@cowrite/core';

const cats = (text: string, origin?: GuardOrigin) => [...new Set(guardText(text, origin ? { origin } : {}).findings.map((f) => f.category))].sort();

describe('origin', () => {
  it("defaults to 'generated': opinions phrased as superlatives are claims there", () => {
    expect(cats('The best dress in the world!')).toEqual(['claim']);
    expect(cats('The best dress in the world!', 'generated')).toEqual(['claim']);
  });

  it.each([
    'The best headphones I have ever owned.',
    'Best App Box On The Market',
    "I'm plus-size and it fits great.",
    'My 80-year-old dad set it up.',
    'Flesh toned, matched my skin tone.',
    'It hides my muffin top.',
    'Even my grandma figured it out.',
    '我是胖子，穿XL正好。',
  ])('a shopper may write "%s"', (text) => {
    expect(cats(text, 'shopper')).toEqual([]);
  });

  it.each([
    ['What the fuck is this.', 'profanity'],
    ['Mail me: jo@shop.example', 'pii'],
    ['Fat people should not wear this.', 'bias'],
    ['Boomers can’t use touchscreens.', 'bias'],
    ['胖子别买，穿不下。', 'bias'],
    ['So easy even a woman could use it.', 'bias'],
  ])('a shopper is still flagged for "%s"', (text, category) => {
    expect(cats(text, 'shopper')).toContain(category);
  });

  it('flags skin-tone colour names and body idioms only in generated copy', () => {
    expect(cats('Available in a flesh-colored shade.', 'generated')).toEqual(['bias']);
    expect(cats('Hide your muffin top with this shirt.', 'generated')).toEqual(['bias']);
    expect(cats('Available in a flesh-colored shade.', 'shopper')).toEqual([]);
  });
});

describe('bias frames generalise over group terms', () => {
  it.each([
    ['Perfect gift for moms, because women love spending.', 'women love'],
    ['Finally a laptop simple enough for girls to use.', 'enough for girls'],
    ['Even old people can figure out this phone.', 'Even old people can'],
    ['Even seniors will manage the big buttons.', 'Even seniors will'],
    ['Retirees won’t be confused by the menu.', 'Retirees won’t be confused'],
    ['This drill is not for women.', 'not for women'],
    ['Hillbillies need not apply.', 'Hillbillies need not apply'],
    ['A watch for true men.', 'true men'],
    ['这款电脑操作简单，连女生都会用。', '连女生都会'],
    ['乡下人也能看懂的说明书。', '乡下人也能'],
    ['这款工具不适合女生。', '不适合女生'],
    ['男人都爱喝酒。', '男人都爱'],
  ])('%s', (text, span) => {
    const bias = guardText(text).findings.filter((f) => f.category === 'bias');
    expect(bias.length).toBeGreaterThan(0);
    expect(bias.map((f) => f.match).join(' | ')).toContain(span);
    for (const f of bias) expect(text.slice(f.start, f.end)).toBe(f.match);
  });

  it.each([
    'Great for seniors: big buttons and a loud ringer.',
    'Available in men’s and women’s sizes.',
    'Not suitable for children under 3 years.',
    'The black shoes run small; the white ones fit.',
    '适合中老年人的大屏手机。',
    '男女都能穿的宽松款。',
  ])('passes "%s"', (text) => {
    expect(guardText(text).findings.filter((f) => f.category === 'bias')).toEqual([]);
  });
});

describe('facts check', () => {
  const facts: ProductFacts = { materials: '60% cotton, 40% polyester', dimensions: '70 cm long', origin: 'Portugal', care: 'Machine wash cold' };

  it('flags what the facts contradict or lack, quoting the fact', () => {
    const text = 'Made in Portugal from 100% organic cotton, 70 cm long, GOTS certified, with a lifetime guarantee.';
    const findings = guardText(text, { facts }).findings.filter((f) => f.rule.startsWith('claim.facts-'));
    const matches = findings.map((f) => f.match);
    expect(matches).toEqual(expect.arrayContaining(['100%', 'organic cotton', 'GOTS', 'lifetime guarantee']));
    expect(matches).not.toContain('Made in Portugal');
    expect(matches).not.toContain('70 cm');
    const percent = findings.find((f) => f.match === '100%')!;
    expect(percent.category).toBe('claim');
    expect(percent.suggestion.message).toContain('materials: 60% cotton, 40% polyester');
  });

  it('accepts statements the facts support, in other units too', () => {
    const text = 'A 60% cotton, 40% polyester tee, 700 mm long, made in Portugal, machine washable.';
    expect(guardText(text, { facts }).findings.filter((f) => f.rule.startsWith('claim.facts-'))).toEqual([]);
  });

  it('checks Chinese copy', () => {
    const found = guardText('100%桑蚕丝，杭州生产，终身保修。', { facts: { 材质: '100%桑蚕丝', 产地: '杭州' } }).findings;
    expect(found.map((f) => f.match)).toEqual(['终身保修']);
  });

  it('does not run for shopper text or without facts', () => {
    expect(guardText('Made in Italy.', { facts, origin: 'shopper' }).findings).toEqual([]);
    expect(guardText('Made in Italy.').findings).toEqual([]);
  });

  it('reject and redact keep working with facts findings', () => {
    const r = guardText('Made in Italy.', { facts, policy: 'reject', rejectAt: 'medium' });
    expect(r.rejected).toBe(true);
    const red = guardText('Made in Italy.', { facts, policy: 'redact' });
    expect(red.text).toBe('Made in Italy.');
    expect(red.findings[0]).toMatchObject({ category: 'claim', start: 0, severity: 'medium' });
  });
});
