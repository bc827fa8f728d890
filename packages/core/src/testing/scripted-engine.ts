import type { GenerationChunk, GenerationOptions, GenerationResult, FinishReason } from '../contracts/generation.ts';
import type { Prompt, TextGenerator, TextTokenizer } from '../contracts/text-generator.ts';
import { StopMatcher } from '../generate/stop-matcher.ts';
import { PieceTokenizer } from './piece-tokenizer.ts';

/** When a rule applies: the prompt ends with a string (ignoring trailing spaces), matches a pattern, or passes a test. */
export type PromptMatcher = string | RegExp | ((prompt: string) => boolean);

/**
 * One scripted reply: when the prompt matches `when`, the engine streams `reply`.
 *
 * @example
 * ```ts
 * const engine = new ScriptedEngine({ script: [{ when: 'The fit is', reply: ' true to size.' }] });
 * ```
 */
export interface ScriptRule {
  /** Which prompts the rule answers: a string the prompt ends with (trailing spaces ignored), a RegExp, or a predicate. */
  when: PromptMatcher;
  /** The continuation; a list is used in turn on each matching call (then repeats the last). */
  reply: string | readonly string[];
}

/** Options of `ScriptedEngine`; each becomes the engine property of the same name. */
export interface ScriptedEngineOptions {
  /** Rules checked in order (the first match replies), or a function from prompt to reply. */
  script?: readonly ScriptRule[] | ((prompt: string) => string);
  /** Reply when no rule matches. Default: '' (nothing to suggest). */
  fallback?: string;
  /** Tokenizer for prompts and replies. Default: a word-level `PieceTokenizer`; pass GPT-2's to test budgets. */
  tokenizer?: TextTokenizer;
  /** Delay before each streamed token, in ms. Default 0 (a microtask). */
  tokenDelayMs?: number;
  /** The next `failures` calls reject with `failure`. Default 0. */
  failures?: number;
  /** What failing calls reject with. Default: `new Error('Scripted failure')`. */
  failure?: Error;
  /** The context window the engine reports, in tokens. Default 1024 (GPT-2's). */
  contextLength?: number;
  /** Natural-log probability reported per token when a call asks for `logprobs`. Default -0.1 (confident). */
  tokenLogprob?: number;
  /** Reported to `<cw-model-status>`. Default `'scripted'`. */
  backend?: string;
}

/** One call as the engine saw it. */
export interface ScriptedCall {
  /** The prompt as text (token-id prompts are decoded). */
  prompt: string;
  /** The generation options the call was made with, `signal` included. */
  options: GenerationOptions;
  /** Settles after the call ends: 'done', 'aborted' or 'failed'. */
  outcome: 'running' | 'done' | 'aborted' | 'failed';
}

function abortError(): DOMException {
  return new DOMException('The generation was aborted.', 'AbortError');
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
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
 * The one deterministic `TextGenerator` for tests, stories and demos: replies come from a script,
 * streamed token by token with an optional delay. It keeps the interface's promises the way the
 * real engines do — `maxNewTokens`, the earliest `stop` string (also across token boundaries),
 * `signal` (AbortError), `logprobs`, and no chunk ending in half a UTF-8 character — and can fail
 * on demand. Every call is recorded in `calls`.
 */
export class ScriptedEngine implements TextGenerator {
  /** Encodes prompts and splits replies into tokens: `options.tokenizer`, or a word-level `PieceTokenizer`. */
  readonly tokenizer: TextTokenizer;
  /** The context window it reports, in tokens (default 1024); prompts are not fitted to it. */
  readonly contextLength: number;
  /** The backend name it reports (default `'scripted'`). */
  readonly backend: string;
  /** Every `generate`/`stream` call, oldest first, with its outcome. */
  readonly calls: ScriptedCall[] = [];
  /** The rules (first match replies) or reply function; may be replaced between calls. */
  script: ScriptRule[] | ((prompt: string) => string);
  /** The reply when no rule matches (default `''`: nothing to suggest). */
  fallback: string;
  /** Delay before each streamed token, in ms (default 0). */
  tokenDelayMs: number;
  /** How many of the next calls still reject with `failure`; counts down by one per failed call. */
  failures: number;
  /** What failing calls reject with. */
  failure: Error;
  /** The natural-log probability reported per token when a call asks for `logprobs` (default -0.1). */
  tokenLogprob: number;
  #turns = new Map<ScriptRule, number>();

  constructor(options: ScriptedEngineOptions = {}) {
    const { script = [] } = options;
    this.script = typeof script === 'function' ? script : [...script];
    this.fallback = options.fallback ?? '';
    this.tokenizer = options.tokenizer ?? new PieceTokenizer();
    this.tokenDelayMs = options.tokenDelayMs ?? 0;
    this.failures = options.failures ?? 0;
    this.failure = options.failure ?? new Error('Scripted failure');
    this.contextLength = options.contextLength ?? 1024;
    this.tokenLogprob = options.tokenLogprob ?? -0.1;
    this.backend = options.backend ?? 'scripted';
  }

  /** The calls that were aborted before finishing. */
  get abortedCalls(): ScriptedCall[] {
    return this.calls.filter((call) => call.outcome === 'aborted');
  }

  /**
   * Replies to `prompt` from the script and resolves with the whole result. `maxNewTokens` defaults to 20;
   * `finishReason` is `stop`, `length` (the reply filled `maxNewTokens`) or `eos`.
   */
  async generate(prompt: Prompt, options: GenerationOptions = {}): Promise<GenerationResult> {
    const tokenIds: number[] = [];
    const logprobs: number[] = [];
    let text = '';
    let finishReason: FinishReason = 'eos';
    let stopString: string | undefined;
    for await (const chunk of this.#run(prompt, options, (reason, stop) => {
      finishReason = reason;
      stopString = stop;
    })) {
      tokenIds.push(...chunk.tokenIds);
      logprobs.push(...(chunk.logprobs ?? []));
      text += chunk.text;
    }
    return {
      tokenIds,
      text,
      finishReason,
      ...(stopString === undefined ? {} : { stopString }),
      ...(options.logprobs ? { logprobs } : {}),
      promptTokens: this.#promptIds(prompt).length,
      context: { promptTokensDropped: 0, maxNewTokens: options.maxNewTokens ?? 20 },
    };
  }

  /** Streams the scripted reply token by token, `tokenDelayMs` apart; the last chunk carries `finishReason`. */
  stream(prompt: Prompt, options: GenerationOptions = {}): AsyncIterable<GenerationChunk> {
    return this.#run(prompt, options, () => {});
  }

  #promptIds(prompt: Prompt): number[] {
    return typeof prompt === 'string' ? this.tokenizer.encode(prompt) : [...prompt];
  }

  #reply(prompt: string): string {
    if (typeof this.script === 'function') return this.script(prompt);
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
    finish: (reason: FinishReason, stop?: string) => void,
  ): AsyncGenerator<GenerationChunk> {
    const promptText = typeof prompt === 'string' ? prompt : this.tokenizer.decode(prompt);
    const call: ScriptedCall = { prompt: promptText, options, outcome: 'running' };
    this.calls.push(call);
    const { signal } = options;
    try {
      await wait(this.tokenDelayMs, signal);
      if (this.failures > 0) {
        this.failures -= 1;
        throw this.failure;
      }
      const ids = this.tokenizer.encode(this.#reply(promptText));
      const limit = options.maxNewTokens ?? 20;
      const stops = new StopMatcher(options.stop ?? []);
      let decoded = '';
      // Each chunk waits for the next one, so the last can carry the finish reason (as the real engine's does).
      let pending: GenerationChunk | undefined;
      for (let index = 0; index < ids.length; index += 1) {
        if (index >= limit) break;
        if (index > 0) await wait(this.tokenDelayMs, signal);
        if (signal?.aborted) throw abortError();
        const text = this.tokenizer.decode(ids.slice(0, index + 1));
        // Hold back half a UTF-8 character, as the real engine does.
        const complete = text.endsWith('\ufffd') ? decoded : text;
        const shown = stops.push(complete.slice(decoded.length));
        decoded = complete;
        if (pending) yield pending;
        pending = this.#chunk(shown, [ids[index]], options);
        if (stops.matched !== undefined) {
          finish('stop', stops.matched);
          yield { ...pending, finishReason: 'stop' };
          return;
        }
      }
      const rest = stops.flush();
      if (rest) {
        if (pending) yield pending;
        pending = this.#chunk(rest, [], options);
      }
      // A reply that used up every allowed token left no room for the end-of-sequence token.
      const reason: FinishReason = ids.length > 0 && ids.length >= limit ? 'length' : 'eos';
      finish(reason);
      yield { ...(pending ?? this.#chunk('', [], options)), finishReason: reason };
    } catch (error) {
      call.outcome = error instanceof DOMException && error.name === 'AbortError' ? 'aborted' : 'failed';
      throw error;
    } finally {
      if (call.outcome === 'running') call.outcome = signal?.aborted ? 'aborted' : 'done';
    }
  }

  #chunk(text: string, tokenIds: number[], options: GenerationOptions): GenerationChunk {
    return options.logprobs ? { text, tokenIds, logprobs: tokenIds.map(() => this.tokenLogprob) } : { text, tokenIds };
  }
}
