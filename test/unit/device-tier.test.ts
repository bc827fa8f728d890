/** Which suggestion model a device gets (core's `suggestionTier`, used by the demo's default choice). */
import { describe, expect, it } from 'vitest';
import { readDeviceHints, suggestionTier } from '@cowrite/core';

describe('suggestionTier', () => {
  it('picks the phrase model on data saver, slow networks and small devices', () => {
    expect(suggestionTier({ saveData: true, effectiveType: '4g', deviceMemory: 8 }).tier).toBe('phrase');
    expect(suggestionTier({ effectiveType: '3g' })).toEqual({ tier: 'phrase', reason: 'the network is 3g' });
    expect(suggestionTier({ effectiveType: 'slow-2g' }).tier).toBe('phrase');
    expect(suggestionTier({ deviceMemory: 2 }).tier).toBe('phrase');
  });

  it('keeps GPT-2 when nothing constrains the device, or nothing is reported', () => {
    expect(suggestionTier({ saveData: false, effectiveType: '4g', deviceMemory: 8 }).tier).toBe('gpt2');
    expect(suggestionTier({ deviceMemory: 4 }).tier).toBe('gpt2');
    expect(suggestionTier({}).tier).toBe('gpt2');
  });

  it('reads the hints from a navigator-like object and ignores what is not there', () => {
    expect(readDeviceHints({ connection: { saveData: true, effectiveType: '2g' }, deviceMemory: 1 })).toEqual({ saveData: true, effectiveType: '2g', deviceMemory: 1 });
    expect(readDeviceHints({})).toEqual({});
    expect(readDeviceHints(undefined)).toEqual({});
  });
});
