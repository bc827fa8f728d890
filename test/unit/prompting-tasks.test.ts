import { beforeAll, describe, expect, it } from 'vitest';
import {
  OutputCleaner,
  PromptingError,
  writeReviewContinuation,
  writeIdeaRefinement,
  streamProductDescription,
  streamReviewContinuation,
  writeMarketingCopy,
  writeProductDescription,
  writeUserStory,
} from '@cowrite/core';
import type { TextTokenizer } from '@cowrite/core';
import { ScriptedEngine } from '@cowrite/core/testing';
import { gpt2Tokenizer } from './gpt2-test-tokenizer.ts';

let tokenizer: TextTokenizer;
// Replies with the same text to every prompt, tokenized with real GPT-2.
const scripted = (reply: string): ScriptedEngine => new ScriptedEngine({ tokenizer, fallback: reply });
beforeAll(async () => {
  tokenizer = await gpt2Tokenizer();
});

const beanie = { name: 'Cloud Knit Beanie', features: ['double-layer knit', 'fold-up cuff'], materials: 'merino wool' };

describe('product description', () => {
  it('cuts at the last complete sentence and drops repeats', async () => {
    const engine = scripted(' A warm merino beanie with a double-layer knit. The fold-up cuff keeps your ears cosy. The fold-up cuff keeps your ears cosy. Wear it on',
    );
    const r = await writeProductDescription(engine, beanie);
    expect(r.text).toBe('A warm merino beanie with a double-layer knit. The fold-up cuff keeps your ears cosy.');
    expect(r.emptyReason).toBeUndefined();
    expect(r.cleanup.removedRepeats).toEqual(['The fold-up cuff keeps your ears cosy.']);
    expect(r.cleanup.droppedTail).toBe('Wear it on');
    expect(engine.calls[0].options).toMatchObject({ maxNewTokens: 90, doSample: true, stop: expect.arrayContaining(['\n\n', '\nProduct:']) });
    expect(r.budget.promptTokens).toBe(tokenizer.encode(r.prompt).length);
  });

  it('redacts personal data and flags claims by default, with offsets into the result text', async () => {
    const engine = scripted(' Guaranteed to keep you warm. Questions? Write to help@shop.example today.\n\nProduct: next');
    const r = await writeProductDescription(engine, beanie);
    expect(r.text).toBe('Guaranteed to keep you warm. Questions? Write to [email] today.');
    for (const f of r.guard.findings) expect(r.text.slice(f.start, f.end)).toBe(f.match);
    expect(r.guard.findings.map((f) => f.category)).toEqual(['claim', 'pii']);
    // The engine stopped at the blank line before the template's next example.
    expect(r.generation.finishReason).toBe('stop');
    expect(r.generation.rawText).not.toContain('Product:');
  });

  it('streams cleaned deltas whose concatenation is the result text', async () => {
    const engine = scripted(' Soft merino wool. It weighs 2.5 kg less than you think! Call 555-123-4567 now. Extra');
    const deltas: string[] = [];
    let text = '';
    for await (const event of streamProductDescription(engine, beanie, { generation: { maxNewTokens: 40 } })) {
      if (event.type === 'delta') deltas.push(event.text);
      else text = event.result.text;
    }
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(text);
    expect(text).toBe('Soft merino wool. It weighs 2.5 kg less than you think! Call [phone] now.');
  });

  it('never returns empty text without a reason', async () => {
    const cases: [string, string][] = [
      ['', 'empty-generation'],
      ['\n\nProduct: Other', 'stopped-at-start'],
      [' and then it was a very long fragment without an end', 'no-complete-sentence'],
    ];
    for (const [reply, reason] of cases) {
      const r = await writeProductDescription(scripted(reply), beanie, { generation: { maxNewTokens: 8 } });
      expect(r.text).toBe('');
      expect(r.emptyReason).toBe(reason);
    }
  });

  it('passes the AbortSignal down and rejects with AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const engine = scripted(' Warm.');
    await expect(writeProductDescription(engine, beanie, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(engine.calls[0].options.signal).toBe(controller.signal);
  });

  it('typed errors for bad input', async () => {
    const engine = scripted('');
    const bad: [unknown, string, string?][] = [
      [{}, 'MISSING_FIELD', 'name'],
      [{ name: '   ' }, 'MISSING_FIELD', 'name'],
      [{ name: 42 }, 'INVALID_INPUT', 'name'],
      [{ name: 'Mug', features: [1, 2] }, 'INVALID_INPUT', 'features'],
      [{ name: 'Mug', length: 'huge' }, 'INVALID_INPUT', 'length'],
      [null, 'INVALID_INPUT'],
    ];
    for (const [input, code, field] of bad) {
      const call = writeProductDescription(engine, input as never);
      await expect(call).rejects.toThrow(PromptingError);
      await expect(call).rejects.toMatchObject({ code, ...(field ? { field } : {}) });
    }
  });

  it('merchant overrides: brand voice, own examples, zh template', async () => {
    const engine = scripted('柔软保暖，适合冬天通勤。');
    const r = await writeProductDescription(
      engine,
      { name: '云朵针织帽', features: ['双层针织'] },
      { brand: { name: '暖暖小店', voice: '活泼' }, template: { examples: [] } },
    );
    expect(r.lang).toBe('zh');
    expect(r.prompt).toBe('暖暖小店｜官方网店\n商品介绍，语气活泼。\n\n商品：云朵针织帽\n特点：双层针织\n介绍：');
    expect(r.text).toBe('柔软保暖，适合冬天通勤。');
    expect(r.budget.examplesAvailable).toBe(0);
  });
});

describe('review continuation', () => {
  it('ghost text stops at the first sentence end and keeps the leading space', async () => {
    const engine = scripted(' fabric feels soft. I also like the colour');
    const r = await writeReviewContinuation(engine, { draft: 'The fit is great and the', rating: 4 });
    expect(r.text).toBe(' fabric feels soft.');
    expect(r.insertText).toBe(' fabric feels soft.');
    expect(engine.calls[0].prompt.endsWith('Review: The fit is great and the')).toBe(true);
    expect(engine.calls[0].options.maxNewTokens).toBe(12);
  });

  it('ghost text asks for log-probabilities and reports the first word\'s probability as confidence', async () => {
    const engine = scripted(' fabric feels soft.');
    const generate = engine.generate.bind(engine);
    // " fabric" is one GPT-2 token; later tokens are much less likely and must not count.
    engine.generate = async (prompt, options) => {
      const result = await generate(prompt, options);
      return options?.logprobs ? { ...result, logprobs: result.tokenIds.map((_, i) => Math.log(i === 0 ? 0.5 : 0.1)) } : result;
    };
    const r = await writeReviewContinuation(engine, { draft: 'The fit is great and the' });
    expect(engine.calls[0].options.logprobs).toBe(true);
    expect(tokenizer.encode(' fabric')).toHaveLength(1);
    expect(r.confidence).toBeCloseTo(0.5, 6);
    // An engine that does not report log-probabilities gives no confidence (never a made-up one).
    const silent = scripted(' fabric feels soft.');
    const generateSilently = silent.generate.bind(silent);
    silent.generate = async (prompt, options) => {
      const { logprobs: _dropped, ...result } = await generateSilently(prompt, options);
      return result;
    };
    const plain = await writeReviewContinuation(silent, { draft: 'The fit is great and the' });
    expect(plain.confidence).toBeUndefined();
  });

  it('draft ending with a space: the prompt trims it and insertText drops the leading space', async () => {
    const engine = scripted(' fabric is thick and the zip runs smoothly all the way up');
    const r = await writeReviewContinuation(engine, { draft: 'The fit is great and the ' });
    expect(engine.calls[0].prompt.endsWith('and the')).toBe(true);
    // Cut by maxNewTokens inside a sentence: whole words only.
    expect(r.generation.finishReason).toBe('length');
    expect(r.insertText).toBe('fabric is thick and the zip runs smoothly all the way');
    expect(r.cleanup.droppedTail).toBe(' up');
  });

  it('does not repeat the draft', async () => {
    const engine = scripted(' The fit is great.\nRating: 5');
    const r = await writeReviewContinuation(engine, { draft: 'The fit is great.' });
    expect(r.text).toBe('');
    expect(r.emptyReason).toBe('only-repeats');
  });

  it('rejects sentences with medium findings by default (shown to shoppers)', async () => {
    const engine = scripted(' It cures back pain. The seat is comfy.');
    const r = await writeReviewContinuation(engine, { draft: 'Great chair.', mode: 'compose' });
    expect(r.text).toBe(' The seat is comfy.');
    expect(r.insertText).toBe(' The seat is comfy.');
    expect(r.guard.droppedSentences.map((d) => d.text)).toEqual(['It cures back pain.']);
    const onlyBad = await writeReviewContinuation(scripted(' What a piece of shit.'), { draft: 'Broke on day one.', mode: 'compose' });
    expect(onlyBad).toMatchObject({ text: '', emptyReason: 'guard-rejected' });
  });

  it('compose streams deltas that add up to the result', async () => {
    const engine = scripted(' The sleeves are long enough. Shipping took three days. The zip');
    const deltas: string[] = [];
    let insertText = '';
    for await (const e of streamReviewContinuation(engine, { draft: '', topics: ['fit', 'shipping'], mode: 'compose' })) {
      if (e.type === 'delta') deltas.push(e.text);
      else insertText = e.result.insertText;
    }
    expect(deltas).toEqual(['The sleeves are long enough.', ' Shipping took three days.']);
    expect(deltas.join('')).toBe(insertText);
  });

  it('ghost mode needs a draft; rating must be 1–5', async () => {
    const engine = scripted('');
    await expect(writeReviewContinuation(engine, { draft: '  ' })).rejects.toMatchObject({ code: 'MISSING_FIELD', field: 'draft' });
    await expect(writeReviewContinuation(engine, { draft: 'ok', rating: 6 })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'rating' });
    expect(engine.calls).toEqual([]);
  });

  it('Chinese ghost text', async () => {
    const engine = scripted('摸起来很舒服。颜色也好看');
    const r = await writeReviewContinuation(engine, { draft: '尺码很合适，面料', rating: 5 });
    expect(r.lang).toBe('zh');
    expect(r.insertText).toBe('摸起来很舒服。');
  });
});

describe('marketing copy', () => {
  it('headline: first line, quotes stripped, only headline examples shown', async () => {
    const engine = scripted(' "Warm ears, light head"\nTagline: x');
    const r = await writeMarketingCopy(engine, { kind: 'headline', ...beanie });
    expect(r.text).toBe('Warm ears, light head');
    expect(r.prompt).toContain('Headline: Linen that gets softer every wash');
    expect(r.prompt).not.toContain('Tagline:');
    expect(r.prompt.endsWith('Headline:')).toBe(true);
    expect(engine.calls[0].options.stop).toContain('\n');
  });

  it('social post keeps sentences; bad kind is a typed error', async () => {
    const engine = scripted(' Cold mornings, sorted. Our merino beanie is back in stock. Grab');
    const r = await writeMarketingCopy(engine, { kind: 'socialPost', ...beanie });
    expect(r.text).toBe('Cold mornings, sorted. Our merino beanie is back in stock.');
    await expect(writeMarketingCopy(engine, { kind: 'poem' as never, name: 'x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('user story', () => {
  it('writes a story and refuses to echo the review', async () => {
    const review = 'Fits my laptop and lunch.';
    const engine = scripted(' Fits my laptop and lunch. Sam cycles to work with the pack every day. It has');
    const r = await writeUserStory(engine, { review, product: 'Trailhead 20 L Daypack', customer: 'Sam' });
    expect(r.text).toBe('Sam cycles to work with the pack every day.');
    expect(r.prompt.endsWith(`Product: Trailhead 20 L Daypack\nCustomer: Sam\nReview: ${review}\nStory:`)).toBe(true);
    await expect(writeUserStory(engine, { review, product: '' })).rejects.toMatchObject({ code: 'MISSING_FIELD', field: 'product' });
  });
});

describe('idea refinement', () => {
  it('parses title, problem and proposal', async () => {
    const engine = scripted(' Dimmer for the desk lamp\nProblem: The lamp is too bright at night.\nProposal: Add a dial that dims the light to 10 %.\n\nRough idea: other',
    );
    const r = await writeIdeaRefinement(engine, { idea: 'lamp too bright at night', area: 'lighting' });
    expect(r.fields).toEqual({
      title: 'Dimmer for the desk lamp',
      problem: 'The lamp is too bright at night.',
      proposal: 'Add a dial that dims the light to 10 %.',
    });
    expect(r.text).toBe('Dimmer for the desk lamp\nThe lamp is too bright at night.\nAdd a dial that dims the light to 10 %.');
    expect(r.missingFields).toEqual([]);
    expect(r.prompt.endsWith('Product area: lighting\nRough idea: lamp too bright at night\nTitle:')).toBe(true);
  });

  it('reports missing fields and explains an empty result', async () => {
    const partial = await writeIdeaRefinement(scripted(' Bigger pockets\nProblem: Bottles fall out.'), { idea: 'pockets small' });
    expect(partial.missingFields).toEqual(['proposal']);
    const none = await writeIdeaRefinement(scripted('\n\n'), { idea: 'pockets small' });
    expect(none).toMatchObject({ text: '', emptyReason: 'stopped-at-start' });
  });

  it('zh labels', async () => {
    const engine = scripted('夜间调光台灯\n问题：晚上太亮。\n方案：加一个调光旋钮。');
    const r = await writeIdeaRefinement(engine, { idea: '台灯晚上太亮了' });
    expect(r.fields).toEqual({ title: '夜间调光台灯', problem: '晚上太亮。', proposal: '加一个调光旋钮。' });
  });
});

describe('OutputCleaner', () => {
  it('does not split decimals or abbreviations across chunks', () => {
    const c = new OutputCleaner({ mode: 'sentences' });
    const out = [...c.push(' It weighs 2'), ...c.push('.5 kg, e.g. for travel. Done'), ...c.finish('length')];
    expect(out).toEqual(['It weighs 2.5 kg, e.g. for travel.']);
  });
  it('collapses repeated phrases in en and zh', () => {
    const c = new OutputCleaner({ mode: 'sentences' });
    const out = [...c.push('So soft and so soft and so soft and warm. 很好很好很好。'), ...c.finish('eos')];
    expect(out.join('')).toBe('So soft and warm. 很好。');
  });
});

describe('task naming: planX / writeX / streamX', () => {
  it('the renamed tasks keep their old names as the same functions (deprecated aliases)', async () => {
    const core = await import('@cowrite/core');
    expect(core.continueReview).toBe(core.writeReviewContinuation);
    expect(core.refineIdea).toBe(core.writeIdeaRefinement);
  });

  it('every task exported as writeX has a planX, and the prose tasks a streamX whose deltas add up to the result', async () => {
    const core = (await import('@cowrite/core')) as unknown as Record<string, unknown>;
    const tasks = Object.keys(core).filter((name) => /^write[A-Z]/.test(name)).map((name) => name.slice('write'.length));
    expect(tasks).toEqual(expect.arrayContaining(['ProductDescription', 'MarketingCopy', 'ReviewContinuation', 'UserStory', 'IdeaRefinement', 'SharePost']));
    for (const task of tasks) expect(typeof core[`plan${task}`], `plan${task}`).toBe('function');
    const streams = {
      MarketingCopy: () => core.streamMarketingCopy as (e: unknown, i: unknown) => AsyncIterable<{ type: string; text?: string; result?: { text: string } }>,
      UserStory: () => core.streamUserStory as (e: unknown, i: unknown) => AsyncIterable<{ type: string; text?: string; result?: { text: string } }>,
    };
    const inputs = { MarketingCopy: { kind: 'socialPost', name: 'Alpine Jacket', features: ['merino wool'] }, UserStory: { review: 'Kept me warm on a cold hike.', product: 'Alpine Jacket' } };
    for (const [task, get] of Object.entries(streams)) {
      const engine = scripted(' Warm merino for cold mornings. Light enough to pack.');
      let text = '';
      let result: string | undefined;
      for await (const event of get()(engine, inputs[task as keyof typeof inputs])) {
        if (event.type === 'delta') text += event.text ?? '';
        else result = event.result?.text;
      }
      expect(result, task).toBeDefined();
      expect(text, task).toBe(result);
      expect(text.length, task).toBeGreaterThan(0);
    }
  });
});
