import { describe, expect, it } from 'vitest';
import { analyzeSentiment, detectLang } from '@cowrite/core';

describe('detectLang (the one detector shared by prompting and sentiment)', () => {
  it('tells plain English from plain Chinese', () => {
    expect(detectLang('The zipper broke after a week.')).toBe('en');
    expect(detectLang('拉链用了一周就坏了。')).toBe('zh');
    expect(detectLang('')).toBe('en');
    expect(detectLang('12345 !!!')).toBe('en');
  });

  // Between 2 and 4 Latin letters per Han character the two former detectors (×2 and ×3) disagreed.
  it('reads a Chinese review with a Latin brand name as Chinese', () => {
    expect(detectLang('MacBook Air 续航很好')).toBe('zh'); // 4 Han, 10 Latin: ×2 said en
    expect(detectLang('Samsung Galaxy 拍照清晰')).toBe('zh'); // 4 Han, 13 Latin: ×2 and ×3 said en
    expect(detectLang('Bluetooth 连接稳定')).toBe('zh');
  });

  it('reads an English review with a Chinese word as English', () => {
    expect(detectLang('Works well. Label says 中国制造 on the back.')).toBe('en');
    expect(detectLang('I bought this for my mom, she said 不错')).toBe('en');
  });

  it('looks only at the given range, and at most its last 4,000 characters', () => {
    const text = 'English words here. 这是中文句子。';
    expect(detectLang(text, 0, 19)).toBe('en');
    expect(detectLang(text, 19)).toBe('zh');
    const longChineseThenEnglish = '很好'.repeat(5_000) + 'the end of a long draft is in English '.repeat(110);
    expect(detectLang(longChineseThenEnglish)).toBe('en');
    const longEnglishThenChinese = 'the start of a long draft '.repeat(500) + '这是中文'.repeat(1_000);
    expect(detectLang(longEnglishThenChinese)).toBe('zh');
  });

  it('is the rule sentiment uses too (it used ×3 before, and read this as English)', () => {
    const mixed = 'Samsung Galaxy 拍照清晰';
    expect(analyzeSentiment(mixed).lang).toBe('zh');
    expect(analyzeSentiment('Works well. Label says 中国制造 on the back.').lang).toBe('en');
  });
});
