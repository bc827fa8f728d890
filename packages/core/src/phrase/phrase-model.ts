import { InvalidArgumentError } from '../errors/cowrite-error.ts';
import { UNSPACED_SCRIPTS } from '../contracts/language.ts';
import type { GeneratorProfile, Prompt, TextGenerator } from '../contracts/text-generator.ts';
import { generationLoop } from '../generate/generation-loop.ts';
import type { GenerationChunk, GenerationOptions, GenerationResult } from '../contracts/generation.ts';
import { fitContext, resolveGeneration } from '../generate/resolve-options.ts';
import { lineContext } from './line-context.ts';
import { NgramScorer } from './ngram-scorer.ts';
import type { PackedModel, PhraseModelHeader } from './packed-format.ts';
import { BOUNDARY_ID } from './packed-format.ts';
import { PhraseSession } from './phrase-session.ts';
import type { PhraseSessionContext } from './phrase-session.ts';
import { CaseFolds } from './case-folds.ts';
import { WordCache } from './word-cache.ts';
import type { Healing } from './word-healing.ts';
import { HealedTokenizer, PrefixIndex, healingFor } from './word-healing.ts';
import { splitWordPieces } from './word-pieces.ts';
import { WordPieceTokenizer } from './word-tokenizer.ts';
import { runToEnd } from '../generate/run-to-end.ts';

const SENTENCE_END = /^ ?[.!?。！？]+$/u;
const MID_LINE_WORD = new RegExp(`^ \\p{L}|^[${UNSPACED_SCRIPTS}]$`, 'u');
const LINE_START_WORD = /^[\p{L}\p{N}]/u;

/** Nominal window: a phrase model reads only its last few words, but prompt budgets need a number. */
const CONTEXT_LENGTH = 1024;

/**
 * A review phrase model: a pruned Kneser–Ney word n-gram that ships with Cowrite (no download, no
 * Worker: a suggestion takes about a millisecond). Same interface as GPT-2 — `generate`, `stream`,
 * HF-named options, stop strings, `AbortSignal`, `logprobs` — so prompting tasks and elements use it
 * unchanged. It continues the prompt's last line (after a `Label:` prefix); the profile says which
 * languages it writes and the ghost-text threshold calibrated for it.
 */
export class PhraseModel implements TextGenerator {
  /** The model's word-piece tokenizer; its vocabulary ships inside the model file. */
  readonly tokenizer: WordPieceTokenizer;
  /** A nominal 1024 tokens: the model reads only its last few words, but prompt budgets need a window. */
  readonly contextLength = CONTEXT_LENGTH;
  /** The model file's header: name, languages, n-gram order, calibration and model card. */
  readonly header: PhraseModelHeader;
  /** `kind: 'phrase'`, the languages it writes and its calibrated ghost-text thresholds, from the header. */
  readonly profile: GeneratorProfile;
  readonly #scorer: NgramScorer;
  #prefixes: PrefixIndex | undefined;
  #folds: CaseFolds | undefined;
  #words: Uint8Array | undefined;

  /** @internal Use `loadPhraseModel`. */
  constructor(model: PackedModel) {
    this.header = model.header;
    this.tokenizer = new WordPieceTokenizer(model.vocab);
    this.#scorer = new NgramScorer(model);
    const { minConfidence, minConfidenceNextWord, minExtensionConfidence } = model.header.ghost;
    this.profile = {
      kind: 'phrase',
      name: model.header.name,
      languages: [...model.header.languages],
      completesWords: true,
      minConfidence,
      ...(minConfidenceNextWord === undefined ? {} : { minConfidenceNextWord }),
      ...(minExtensionConfidence === undefined ? {} : { minExtensionConfidence }),
    };
  }

  /**
   * Continues the prompt's last line and resolves with the whole result; see `GenerationOptions`.
   * @throws `InvalidArgumentError` `INVALID_OPTION` for a token-id prompt with ids outside the vocabulary, or an option out of range.
   */
  generate(prompt: Prompt, options: GenerationOptions = {}): Promise<GenerationResult> {
    return runToEnd(this.#run(prompt, options));
  }

  /** Continues the prompt's last line as it is produced: yields chunks, returns the whole result. Throws as `generate` does. */
  async *stream(prompt: Prompt, options: GenerationOptions = {}): AsyncGenerator<GenerationChunk, GenerationResult> {
    return yield* this.#run(prompt, options);
  }

  /**
   * How likely `text` is as a line of its own (a review), end included: the natural-log probability of
   * its known word pieces (`scored`), skipping pieces outside the vocabulary (`unknown`).
   */
  score(text: string): { logProb: number; scored: number; unknown: number } {
    return this.#scorer.logProbability([...this.tokenizer.encode(text), BOUNDARY_ID]);
  }

  async *#run(prompt: Prompt, options: GenerationOptions): AsyncGenerator<GenerationChunk, GenerationResult> {
    const settings = resolveGeneration(options, {
      vocabSize: this.tokenizer.vocabSize,
      contextLength: CONTEXT_LENGTH,
      eosTokenIds: [BOUNDARY_ID],
      generationDefaults: {},
    });
    const { context, healing } = this.#context(prompt);
    const { ids, fit } = fitContext(context, settings.maxNewTokens, CONTEXT_LENGTH);
    settings.maxNewTokens = fit.maxNewTokens;
    const session = new PhraseSession(this.#scorer, this.#sessionContext(ids, healing));
    const tokenizer = healing ? new HealedTokenizer(this.tokenizer, healing.prefix) : this.tokenizer;
    return yield* generationLoop(session, tokenizer, { promptIds: ids, context: fit, settings, vocabSize: this.tokenizer.vocabSize });
  }

  /** What the session adds to the n-gram: the allowed first pieces, the review's word cache, case folds. */
  #sessionContext(ids: readonly number[], healing: Healing | undefined): PhraseSessionContext {
    const folds = (this.#folds ??= new CaseFolds(this.tokenizer));
    const last = ids[ids.length - 1] ?? BOUNDARY_ID;
    // A new sentence: at the line's start, or after an end mark, unless the shopper already began the word.
    const sentenceStart = healing?.partial !== true && (last === BOUNDARY_ID || SENTENCE_END.test(this.tokenizer.piece(last) ?? ''));
    const weights = this.header.cache;
    const cache = weights && (weights.unigram > 0 || weights.bigram > 0) ? new WordCache(ids.map(this.#midLine), this.#isWord, weights) : undefined;
    return { folds, sentenceStart, ...(healing ? { firstAllowed: healing.allowed } : {}), ...(cache && !cache.empty ? { cache } : {}) };
  }

  /**
   * Words the review cache may make likelier: pieces that can stand mid-line (" shipping", or a
   * Chinese character). A line's first word has no leading space ("Shipping"); cached as it is, it
   * would be suggested mid-sentence glued to the word before ("allShipping").
   */
  #isWord = (id: number): boolean => {
    const words = (this.#words ??= Uint8Array.from({ length: this.tokenizer.vocabSize }, (_, i) => (MID_LINE_WORD.test(this.tokenizer.piece(i) ?? '') ? 1 : 0)));
    return words[id] === 1;
  };

  /**
   * A line-start word's mid-line form, lower case where the model knows one ("Shipping" → " shipping",
   * "I" → " I"), so the cache still counts the word; other ids as they are.
   */
  #midLine = (id: number): number => {
    const piece = this.tokenizer.piece(id) ?? '';
    if (!LINE_START_WORD.test(piece)) return id;
    return this.tokenizer.idOf(` ${piece.toLowerCase()}`) ?? this.tokenizer.idOf(` ${piece}`) ?? id;
  };

  /** The line being written, from its start marker (`[boundary, …words]`), and its unfinished last word. */
  #context(prompt: Prompt): { context: number[]; healing?: Healing } {
    if (typeof prompt === 'string') {
      const line = lineContext(prompt);
      const pieces = splitWordPieces(line);
      const healing = healingFor(line, pieces, (this.#prefixes ??= new PrefixIndex(this.tokenizer)));
      const words = healing?.partial ? pieces.slice(0, -1) : pieces;
      return { context: [BOUNDARY_ID, ...this.tokenizer.encodePieces(words)], ...(healing ? { healing } : {}) };
    }
    return { context: this.#contextIds(prompt) };
  }

  /** An id prompt: the ids after its last line break, from a start marker. */
  #contextIds(prompt: readonly number[]): number[] {
    if (!Array.isArray(prompt)) throw new InvalidArgumentError('INVALID_OPTION', 'prompt', 'The prompt must be a string or an array of token ids.');
    const vocab = this.tokenizer.vocabSize;
    for (const id of prompt) {
      if (!Number.isInteger(id) || id < 0 || id >= vocab) throw new InvalidArgumentError('INVALID_OPTION', 'prompt', `Token id ${String(id)} is outside the vocabulary (0…${vocab - 1}).`);
    }
    const start = prompt.lastIndexOf(BOUNDARY_ID);
    return [BOUNDARY_ID, ...prompt.slice(start + 1)];
  }
}
