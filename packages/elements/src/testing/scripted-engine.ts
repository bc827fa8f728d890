import type {
  GenerationChunk,
  GenerationOptions,
  GenerationResult,
  Prompt,
  TextGenerator,
  TextTokenizer,
} from '@cowrite/core';

/** When a rule applies: the prompt ends with a string (ignoring trailing spaces), matches a pattern, or passes a test. */
export type PromptMatcher = string | RegExp | ((prompt: string) => boolean);

export interface ScriptRule {
  when: PromptMatcher;
  /** The continuation; a list is used in turn on each matching call (then repeats the last). */
  reply: string | readonly string[];
}

export interface ScriptedEngineOptions {
  /** Rules checked in order; the first match replies. */
  script?: readonly ScriptRule[];
  /** Reply when no rule matches. Default: '' (nothing to suggest). */
  fallback?: string;
  /** Delay before each streamed token, in ms. Default 0. */
  tokenDelayMs?: number;
  /** The next `failures` calls reject with `failure`. */
  failures?: number;
  failure?: Error;
  contextLength?: number;
  /** Reported to `<cw-model-status>`. */
  backend?: string;
}

/** One call as the engine saw it. */
export interface ScriptedCall {
  prompt: string;
  options: GenerationOptions;
  /** Settles after the call ends: 'done', 'aborted' or 'failed'. */
  outcome: 'running' | 'done' | 'aborted' | 'failed';
}

/**
 * A tiny word-level tokenizer: each run of spaces plus a word, or a punctuation mark,
 * is one token; ids are handed out as pieces are first seen.
 */
class PieceTokenizer implements TextTokenizer {
  #ids = new Map<string, number>();
  #pieces: string[] = [];

  encode(text: string): number[] {
    return (text.match(/\s*[\p{L}\p{N}'’-]+|\s*[^\s\p{L}\p{N}]|\s+/gu) ?? []).map((piece) => {
      let id = this.#ids.get(piece);
      if (id === undefined) {
        id = this.#pieces.push(piece) - 1;
        this.#ids.set(piece, id);
      }
      return id;
    });
  }

  decode(ids: readonly number[]): string {
    return ids.map((id) => this.#pieces[id] ?? '').join('');
  }
}

function abortError(): DOMException {
  return new DOMException('The generation was aborted.', 'AbortError');
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A deterministic `TextGenerator` for tests, stories and demos: replies come from a script,
 * streamed token by token with an optional delay; honours `maxNewTokens`, `stop` and
 * `signal`, and can fail on demand. Every call is recorded in `calls`.
 */
export class ScriptedEngine implements TextGenerator {
  readonly tokenizer: TextTokenizer = new PieceTokenizer();
  readonly contextLength: number;
  readonly backend: string;
  readonly calls: ScriptedCall[] = [];
  script: ScriptRule[];
  fallback: string;
  tokenDelayMs: number;
  failures: number;
  failure: Error;
  #turns = new Map<ScriptRule, number>();

  constructor(options: ScriptedEngineOptions = {}) {
    this.script = [...(options.script ?? [])];
    this.fallback = options.fallback ?? '';
    this.tokenDelayMs = options.tokenDelayMs ?? 0;
    this.failures = options.failures ?? 0;
    this.failure = options.failure ?? new Error('Scripted failure');
    this.contextLength = options.contextLength ?? 1024;
    this.backend = options.backend ?? 'scripted';
  }

  /** The calls that were aborted before finishing. */
  get abortedCalls(): ScriptedCall[] {
    return this.calls.filter((call) => call.outcome === 'aborted');
  }

  async generate(prompt: Prompt, options: GenerationOptions = {}): Promise<GenerationResult> {
    const tokenIds: number[] = [];
    let text = '';
    let finishReason: GenerationResult['finishReason'] = 'eos';
    let stopString: string | undefined;
    for await (const chunk of this.#run(prompt, options, (reason, stop) => {
      finishReason = reason;
      stopString = stop;
    })) {
      tokenIds.push(...chunk.tokenIds);
      text += chunk.text;
    }
    const maxNewTokens = options.maxNewTokens ?? 20;
    return {
      tokenIds,
      text,
      finishReason,
      stopString,
      promptTokens: this.#promptIds(prompt).length,
      context: { promptTokensDropped: 0, maxNewTokens },
    };
  }

  stream(prompt: Prompt, options: GenerationOptions = {}): AsyncIterable<GenerationChunk> {
    return this.#run(prompt, options, () => {});
  }

  #promptIds(prompt: Prompt): number[] {
    return typeof prompt === 'string' ? this.tokenizer.encode(prompt) : [...prompt];
  }

  #reply(prompt: string): string {
    const rule = this.script.find(({ when }) => {
      if (typeof when === 'string') return prompt.trimEnd().endsWith(when.trimEnd());
      if (when instanceof RegExp) return when.test(prompt);
      return when(prompt);
    });
    if (!rule) return this.fallback;
    if (typeof rule.reply === 'string') return rule.reply;
    const turn = this.#turns.get(rule) ?? 0;
    this.#turns.set(rule, turn + 1);
    return rule.reply[Math.min(turn, rule.reply.length - 1)] ?? '';
  }

  async *#run(
    prompt: Prompt,
    options: GenerationOptions,
    finish: (reason: GenerationResult['finishReason'], stop?: string) => void,
  ): AsyncGenerator<GenerationChunk> {
    const promptText = typeof prompt === 'string' ? prompt : this.tokenizer.decode(prompt);
    const call: ScriptedCall = { prompt: promptText, options, outcome: 'running' };
    this.calls.push(call);
    const { signal } = options;
    try {
      if (signal?.aborted) throw abortError();
      if (this.failures > 0) {
        this.failures -= 1;
        await wait(this.tokenDelayMs, signal);
        throw this.failure;
      }
      const ids = this.tokenizer.encode(this.#reply(promptText));
      const limit = options.maxNewTokens ?? 20;
      let text = '';
      for (let index = 0; index < ids.length; index += 1) {
        if (index >= limit) return finish('length');
        await wait(this.tokenDelayMs, signal);
        const piece = this.tokenizer.decode([ids[index]]);
        const stop = options.stop?.find((candidate) => (text + piece).includes(candidate));
        if (stop !== undefined) {
          const kept = (text + piece).slice(0, (text + piece).indexOf(stop)).slice(text.length);
          if (kept) yield { text: kept, tokenIds: [ids[index]] };
          return finish('stop', stop);
        }
        text += piece;
        yield { text: piece, tokenIds: [ids[index]] };
      }
      finish('eos');
    } catch (error) {
      call.outcome = error instanceof DOMException && error.name === 'AbortError' ? 'aborted' : 'failed';
      throw error;
    } finally {
      if (call.outcome === 'running') call.outcome = signal?.aborted ? 'aborted' : 'done';
    }
  }
}
