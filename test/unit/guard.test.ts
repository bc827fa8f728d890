import { describe, expect, it } from 'vitest';
import { guardText } from '@cowrite/core';
// Internal helper (not in the public API): tested from its source.
import { passesLuhn } from '../../packages/core/src/prompting/guard/luhn.ts';
import type { GuardCategory } from '@cowrite/core';

type Case = [text: string, expected: GuardCategory[], match?: string];

// Positive and tricky negative cases for every category, en and zh.
const TABLE: Case[] = [
  // claims
  ['the best product ever made, guaranteed', ['claim'], 'the best product ever made'],
  ['Our best-selling blender', []],
  ['Backed by a 2-year guarantee and a money-back guarantee.', []],
  ['This serum is 100 % safe for everyone.', ['claim'], '100 % safe'],
  ['100% cotton, machine washable.', []],
  ['This tea cures headaches overnight.', ['claim'], 'cures headaches'],
  ['Dry-cured ham from Parma, sliced thin.', []],
  ['UV-cured resin coating.', []],
  ['Clinically proven to reduce wrinkles.', ['claim'], 'Clinically proven'],
  ['FDA approved formula.', ['claim'], 'FDA approved'],
  ['Double your money in a month with this course.', ['claim']],
  ['The best coffee grinder in the world.', ['claim']],
  ['The best grinder I have owned so far.', []],
  ['世界第一的面霜，包治百病', ['claim'], '世界第一'],
  ['这是我用过最好的产品', []],
  ['质量保证，售后很好', []],
  ['绝对安全，无副作用', ['claim']],
  // bias
  ['So easy even your wife can use it.', ['bias']],
  ['Hide your muffin top with this shirt.', ['bias']],
  ['Low-fat yogurt maker with a slim fit lid.', []],
  ['Available in a flesh-colored shade.', ['bias']],
  ['Real men grill with charcoal.', ['bias']],
  ['Plus-size sizes from XL to 4XL.', []],
  ['女司机都不会停车', ['bias']],
  ['显瘦的版型，适合所有身材', []],
  ['这个颜色土包子才穿', ['bias']],
  // profanity
  ['a kick-ass blender', ['profanity'], 'kick-ass'],
  ['Scunthorpe fans passed the assessment in class.', []],
  ['The bass sounds great, classic cocktail shaker.', []],
  ['This is total bullshit.', ['profanity']],
  ['What an idiot designed this?', ['profanity']],
  ['It sucks up dust and pet hair.', []],
  ['妈的，太垃圾了', ['profanity']],
  ['我妈的手机很好用', []],
  ['去死皮效果很好，垃圾袋也很结实', []],
  ['卖家是傻逼', ['profanity']],
  // pii
  ['Write to jo.doe@example.com for details.', ['pii'], 'jo.doe@example.com'],
  ['Call me at (555) 123-4567 tomorrow.', ['pii'], '(555) 123-4567'],
  ['My card 4111 1111 1111 1111 was charged twice.', ['pii'], '4111 1111 1111 1111'],
  ['Serial 4111 1111 1111 1112 on the box.', []],
  ['Ship to 221 Baker Street, Apt 4 please.', ['pii']],
  ['A 3 Way adjustable stand, 2024-05-12 model.', []],
  ['我住在北京市朝阳区建国路88号，手机13812345678', ['pii']],
  ['订单号 20240512 已发货，尺码 38-40。', []],
];

describe('guardText table', () => {
  it.each(TABLE)('%s', (text, expected, match) => {
    const { findings } = guardText(text);
    expect([...new Set(findings.map((f) => f.category))].sort()).toEqual([...expected].sort());
    if (match !== undefined) expect(findings.map((f) => f.match)).toContain(match);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.match);
  });
});

describe('guardText policies', () => {
  const text = 'Guaranteed results! Mail jo@shop.example or call 555-123-4567, no bullshit.';

  it('annotate leaves text alone and reports UTF-16 spans with a suggestion', () => {
    const r = guardText(text, { policy: 'annotate' });
    expect(r.text).toBe(text);
    expect(r.rejected).toBe(false);
    const email = r.findings.find((f) => f.category === 'pii' && f.match.includes('@'));
    expect(email).toMatchObject({ start: 25, end: 40, severity: 'high', suggestion: { action: 'redact', replacement: '[email]' } });
  });

  it('redact replaces personal data and profanity but keeps claims for review', () => {
    const r = guardText(text, { policy: 'redact' });
    expect(r.text).toBe('Guaranteed results! Mail [email] or call [phone], no b*******.');
    expect(r.findings.some((f) => f.category === 'claim')).toBe(true);
  });

  it('reject returns empty text with rejected and a reason', () => {
    const r = guardText(text, { policy: 'reject' });
    expect(r).toMatchObject({ text: '', rejected: true });
    expect(r.rejectReason).toMatch(/pii/);
    const mild = guardText('Damn, this kettle is fast.', { policy: 'reject' });
    expect(mild.rejected).toBe(false);
    expect(mild.text).toBe('D***, this kettle is fast.');
  });

  it('offsets are UTF-16 code units, also after emoji and CJK', () => {
    const s = '👍👍 好评！联系我 13812345678';
    const f = guardText(s).findings[0];
    expect(s.slice(f.start, f.end)).toBe('13812345678');
    expect(f.start).toBe(12); // two surrogate pairs (4) + space + 6 Han + space
  });

  it('lang limits word rules but never personal data', () => {
    expect(guardText('世界第一 jo@a.example', { lang: 'en' }).findings.map((f) => f.category)).toEqual(['pii']);
    expect(guardText('this is shit', { lang: 'zh' }).findings).toEqual([]);
  });

  it('categories option filters', () => {
    expect(guardText('Guaranteed, you idiot', { categories: ['profanity'] }).findings.map((f) => f.category)).toEqual(['profanity']);
  });

  it('rejects non-string input with a typed PromptingError', () => {
    expect(() => guardText(42 as unknown as string)).toThrow(expect.objectContaining({ name: 'PromptingError', code: 'INVALID_INPUT', field: 'text' }));
  });
});

describe('passesLuhn', () => {
  it('accepts valid and refuses invalid numbers', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5500005555555559')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });
});
