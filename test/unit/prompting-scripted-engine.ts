/**
 * A deterministic TextGenerator for tests: replies come from a script (a function of the prompt),
 * are tokenized with the real GPT-2 tokenizer, and honour maxNewTokens, stop strings and AbortSignal
 * the way the interface documents.
 */
import { Tokenizer } from '@huggingface/tokenizers';
import type { GenerationChunk, GenerationOptions, GenerationResult, Prompt, TextGenerator, TextTokenizer } from '@cowrite/core';
import { buildGpt2TokenizerFiles } from '../../tools/gpt2/tokenizer-files.ts';

let cached: TextTokenizer | undefined;

export async function gpt2Tokenizer(): Promise<TextTokenizer> {
  if (!cached) {
    const files = await buildGpt2TokenizerFiles();
    const tokenizer = new Tokenizer(JSON.parse(files['tokenizer.json']), JSON.parse(files['tokenizer_config.json']));
    cached = { encode: (text) => tokenizer.encode(text).ids, decode: (ids) => tokenizer.decode([...ids]) };
  }
  return cached;
}

export interface ScriptedCall {
  prompt: string;
  options: GenerationOptions;
}

function abortError(): DOMException {
  return new DOMException('generation aborted', 'AbortError');
}

export class ScriptedEngine implements TextGenerator {
  readonly tokenizer: TextTokenizer;
  readonly contextLength: number;
  readonly calls: ScriptedCall[] = [];
  private readonly script: (prompt: string) => string;

  constructor(tokenizer: TextTokenizer, script: string | ((prompt: string) => string), contextLength = 1024) {
    this.tokenizer = tokenizer;
    this.script = typeof script === 'string' ? () => script : script;
    this.contextLength = contextLength;
  }

  async generate(prompt: Prompt, options: GenerationOptions = {}): Promise<GenerationResult> {
    let text = '';
    const tokenIds: number[] = [];
    let finishReason: GenerationResult['finishReason'] = 'eos';
    let stopString: string | undefined;
    for await (const chunk of this.run(prompt, options, (reason, stop) => {
      finishReason = reason;
      stopString = stop;
    })) {
      text += chunk.text;
      tokenIds.push(...chunk.tokenIds);
    }
    const promptText = typeof prompt === 'string' ? prompt : this.tokenizer.decode(prompt);
    const maxNewTokens = options.maxNewTokens ?? 20;
    return {
      tokenIds,
      text,
      finishReason,
      ...(stopString === undefined ? {} : { stopString }),
      promptTokens: this.tokenizer.encode(promptText).length,
      context: { promptTokensDropped: 0, maxNewTokens },
    };
  }

  stream(prompt: Prompt, options: GenerationOptions = {}): AsyncIterable<GenerationChunk> {
    return this.run(prompt, options, () => undefined);
  }

  private async *run(
    prompt: Prompt,
    options: GenerationOptions,
    onFinish: (reason: GenerationResult['finishReason'], stop?: string) => void,
  ): AsyncGenerator<GenerationChunk> {
    const promptText = typeof prompt === 'string' ? prompt : this.tokenizer.decode(prompt);
    this.calls.push({ prompt: promptText, options });
    if (options.signal?.aborted) throw abortError();
    const reply = this.script(promptText);
    const ids = this.tokenizer.encode(reply);
    const maxNewTokens = options.maxNewTokens ?? 20;
    let text = '';
    let emitted = 0;
    let pendingIds: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      await Promise.resolve();
      if (options.signal?.aborted) throw abortError();
      if (i >= maxNewTokens) {
        onFinish('length');
        return;
      }
      text = this.tokenizer.decode(ids.slice(0, i + 1));
      pendingIds.push(ids[i]);
      const stop = (options.stop ?? []).map((s) => ({ s, at: text.indexOf(s) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0];
      if (stop) {
        if (stop.at > emitted) yield { text: text.slice(emitted, stop.at), tokenIds: pendingIds };
        onFinish('stop', stop.s);
        return;
      }
      // Hold back half a UTF-8 character, as the real engine does.
      if (!text.endsWith('\ufffd')) {
        yield { text: text.slice(emitted), tokenIds: pendingIds };
        emitted = text.length;
        pendingIds = [];
      }
    }
    onFinish(ids.length >= maxNewTokens && ids.length > 0 ? 'length' : 'eos');
  }
}
