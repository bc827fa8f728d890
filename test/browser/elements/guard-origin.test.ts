import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/review-composer/define';
import '@cowrite/elements/suggested-copy/define';
import { setTextServices } from '@cowrite/elements';
import type { CwReviewComposer, CwSuggestedCopy, GuardCallOptions } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import { cleanup, mount, shadow } from './helpers.ts';

afterEach(() => {
  cleanup();
  setTextServices({ guardText: undefined });
});

function recordingGuard(): GuardCallOptions[] {
  const calls: GuardCallOptions[] = [];
  setTextServices({
    guardText: (text, options) => {
      calls.push(options);
      return { text, findings: [] };
    },
  });
  return calls;
}

describe('elements tell the guard whose words it checks', () => {
  it("the review composer guards a shopper's review as 'shopper', or what guard-origin says", async () => {
    const calls = recordingGuard();
    const container = mount('<cw-review-composer name="review" debounce="0"></cw-review-composer>');
    const element = container.querySelector('cw-review-composer') as CwReviewComposer;
    await element.updateComplete;
    await userEvent.click(shadow(element, 'textarea'));
    await userEvent.keyboard('The best jacket in the world');
    element.runGuard();
    expect(calls.at(-1)).toMatchObject({ origin: 'shopper' });
    element.setAttribute('guard-origin', 'generated');
    await element.updateComplete;
    element.runGuard();
    expect(calls.at(-1)).toMatchObject({ origin: 'generated' });
  });

  it('suggested copy guards candidates as generated copy against its product attributes', async () => {
    const calls = recordingGuard();
    const container = mount(`<cw-suggested-copy count="1">
      <script type="application/json">{"name": "Alpine Jacket", "materials": ["merino wool"], "origin": "Portugal"}</script>
    </cw-suggested-copy>`);
    const element = container.querySelector('cw-suggested-copy') as CwSuggestedCopy;
    element.engine = new ScriptedEngine({ script: [{ when: () => true, reply: [' Soft merino, made in Italy.'] }], tokenDelayMs: 1 });
    await element.updateComplete;
    await userEvent.click(shadow(element, '[part=generate-button]'));
    await expect.poll(() => element.candidates.map((c) => c.status)).toEqual(['done']);
    expect(calls.at(-1)).toMatchObject({ origin: 'generated', facts: { name: 'Alpine Jacket', materials: ['merino wool'], origin: 'Portugal' } });
  });
});
