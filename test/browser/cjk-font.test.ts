import { describe, expect, it } from 'vitest';

/**
 * A third of the demo's reviews are Chinese: without a CJK font (`tools/dev.sh` installs Debian's
 * fonts-noto-cjk next to Chromium) every character draws as the same empty box. Two different
 * characters must draw differently, as the Latin letters next to them do.
 */
function draw(text: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 64;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 64, 64);
  context.fillStyle = '#000';
  context.font = '48px sans-serif';
  context.textBaseline = 'top';
  context.fillText(text, 4, 4);
  return canvas.toDataURL();
}

describe('Chinese text renders with a real font', () => {
  it('different Han characters draw different glyphs (not the same tofu box)', () => {
    expect(draw('a')).not.toBe(draw('b'));
    const glyphs = new Set(['好', '坏', '质', '量'].map(draw));
    expect(glyphs.size).toBe(4);
  });
});
