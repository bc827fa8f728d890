import type { Lang } from '../contracts/language.ts';
import type { TextGenerator } from '../contracts/text-generator.ts';
import type { FinishReason, GenerationOptions, GenerationResult } from '../contracts/generation.ts';
import type { BudgetReport, ShortenableField } from './budget.ts';
import { fitPrompt } from './budget.ts';
import type { CleanupMode, CleanupReport, EmptyReason } from './cleanup.ts';
import { OutputCleaner } from './cleanup.ts';
import { PromptingError } from './errors.ts';
import type { ProductFacts } from './guard/facts.ts';
import type { TaskGuardOptions, TaskGuardReport } from './guard-pieces.ts';
import { PieceGuard } from './guard-pieces.ts';
import type { PromptTemplate } from './template.ts';
import type { TaskName } from './templates.ts';
import { DEFAULT_BRAND, DEFAULT_TEMPLATES } from './templates.ts';

/** Brand details filled into the prompt header; each field falls back to the language's built-in default. */
export interface BrandVoice {
  /** Store or brand name shown in the document header. */
  name?: string;
  /** A few words: "playful, concise". */
  voice?: string;
}

/** Options every task accepts. */
export interface TaskOptions {
  /** Template language; default: detected from the main input text. */
  lang?: Lang;
  /** Brand name and voice for the prompt header; unset fields use the built-in defaults. */
  brand?: BrandVoice;
  /** Any part of the built-in template to replace (e.g. `examples: []` for zero-shot, or your own). */
  template?: Partial<PromptTemplate>;
  /** Generation settings over the task's defaults (`stop` strings are added to the template's). */
  generation?: Omit<GenerationOptions, 'signal'>;
  /** Guard policy for the output; defaults depend on the task. */
  guard?: TaskGuardOptions;
  /** Cancels generation: the call rejects (the stream throws) with the engine's `AbortError`. */
  signal?: AbortSignal;
}

/** Everything decided before the model runs; `plan*` functions return it without generating. */
export interface TaskPlan {
  /** Which task this plan is for. */
  task: TaskName;
  /** Language of the template and of the guard rules. */
  lang: Lang;
  /** The full prompt text sent to the model, after fitting into the context window. */
  prompt: string;
  /** Merged generation settings; `maxNewTokens` (default 20) and `stop` are always set. */
  generation: GenerationOptions;
  /** How the raw output is cleaned: cut mode, phrases to drop, and whether a leading space is kept. */
  cleanup: { mode: CleanupMode; avoid: string[]; keepLeadingSpace: boolean };
  /** The guard settings applied to the output, with every default filled in. */
  guard: Required<TaskGuardOptions>;
  /** Product facts the output is checked against (copy tasks), when the input had any. */
  facts?: ProductFacts;
  /** How the prompt was fitted into the context window (what was shortened or dropped). */
  budget: BudgetReport;
}

/** Outcome of one task run: the cleaned, guarded text plus reports on every step that shaped it. */
export interface TaskResult {
  /** Which task produced this result. */
  task: TaskName;
  /** Language of the template and of the guard rules. */
  lang: Lang;
  /** Cleaned, guarded text ('' only together with `emptyReason`). */
  text: string;
  /** Why `text` is empty; undefined whenever `text` has content. */
  emptyReason?: EmptyReason;
  /** What the guard found and removed (findings and dropped sentences). */
  guard: TaskGuardReport;
  /** How the prompt was fitted into the context window. */
  budget: BudgetReport;
  /** What output clean-up removed: repeats, a trailing fragment, and the stop string it cut at. */
  cleanup: CleanupReport;
  /** The exact prompt sent to the model. */
  prompt: string;
  /** The model's output before cleanup and guarding. */
  generation: {
    /** Generated text exactly as the model returned it, before cleanup. */
    rawText: string;
    /** Why generation ended: `'eos'`, `'stop'` (a stop string or cleanup ended it) or `'length'` (hit `maxNewTokens`). */
    finishReason: FinishReason;
    /** Number of tokens generated. */
    newTokens: number;
    /** Per-token log-probabilities, when the plan asked for them and the engine reports them. */
    logprobs?: number[];
    /** The generated token ids (non-streaming runs), to map log-probabilities onto the text. */
    tokenIds?: number[];
  };
}

/** Streamed events: text deltas (already cleaned and guarded; their concatenation is `result.text`), then the result. */
export type TaskStreamEvent = { type: 'delta'; text: string } | { type: 'result'; result: TaskResult };

/** What a task module hands to the runner. */
export interface TaskSpec {
  task: TaskName;
  lang: Lang;
  options: TaskOptions;
  /** Values for the query entry. */
  query: Record<string, string>;
  /** Maps one template example to placeholder values (tasks with per-kind examples rename fields). */
  exampleValues?: (example: Readonly<Record<string, string>>) => Record<string, string>;
  shortenable: readonly ShortenableField[];
  generation: GenerationOptions;
  cleanupMode: CleanupMode;
  avoid?: string[];
  keepLeadingSpace?: boolean;
  guard: Required<TaskGuardOptions>;
  /** Product facts to check the output against. */
  facts?: ProductFacts;
  /** Stop strings this call needs on top of the template's (e.g. a line end for ghost text). */
  extraStop?: readonly string[];
}

export function resolveTemplate(task: TaskName, lang: Lang, override?: Partial<PromptTemplate>): PromptTemplate {
  return { ...DEFAULT_TEMPLATES[task][lang], ...override };
}

export function planTask(engine: TextGenerator, spec: TaskSpec): TaskPlan {
  // A phrase model continues reviews from their last few words: any other task would come back as a
  // review phrase ("Good quality. This is a great product." as an idea's title), so say so instead.
  if (engine.profile?.kind === 'phrase' && spec.task !== 'reviewContinuation') {
    throw new PromptingError(
      'ENGINE_UNSUITED',
      `The ${engine.profile.name} phrase model writes review phrases only; ${spec.task} needs a neural model such as GPT-2.`,
    );
  }
  const template = resolveTemplate(spec.task, spec.lang, spec.options.template);
  const brand = { ...DEFAULT_BRAND[spec.lang], ...spec.options.brand };
  const shared = { brand: brand.name, voice: brand.voice };
  const generation: GenerationOptions = { ...spec.generation, ...spec.options.generation };
  const maxNewTokens = generation.maxNewTokens ?? 20;
  const fitted = fitPrompt({
    template,
    shared,
    query: spec.query,
    examples: template.examples.map((e) => (spec.exampleValues ? spec.exampleValues(e) : { ...e })),
    shortenable: spec.shortenable,
    tokenizer: engine.tokenizer,
    contextLength: engine.contextLength,
    maxNewTokens,
  });
  const stop = [...new Set([...template.stop, ...(spec.extraStop ?? []), ...(spec.options.generation?.stop ?? [])])];
  const plan: TaskPlan = {
    task: spec.task,
    lang: spec.lang,
    prompt: fitted.prompt,
    generation: { ...generation, maxNewTokens, stop },
    cleanup: { mode: spec.cleanupMode, avoid: spec.avoid ?? [], keepLeadingSpace: spec.keepLeadingSpace ?? false },
    guard: spec.guard,
    budget: fitted.report,
  };
  if (spec.facts) plan.facts = spec.facts;
  return plan;
}

/** Turns raw model text into guarded output pieces; shared by `runPlan` and `streamPlan` so both agree. */
class GuardedOutput {
  readonly cleaner: OutputCleaner;
  readonly report: TaskGuardReport;
  readonly #guard: PieceGuard;
  private readonly plan: TaskPlan;

  constructor(plan: TaskPlan) {
    this.plan = plan;
    this.cleaner = new OutputCleaner({
      mode: plan.cleanup.mode,
      stop: plan.generation.stop,
      avoid: plan.cleanup.avoid,
      keepLeadingSpace: plan.cleanup.keepLeadingSpace,
    });
    this.report = { policy: plan.guard.policy, rejectAt: plan.guard.rejectAt, findings: [], droppedSentences: [] };
    this.#guard = new PieceGuard(plan.lang, plan.guard, this.report, plan.facts, 0, plan.cleanup.keepLeadingSpace);
  }

  get text(): string {
    return this.#guard.text;
  }

  add(pieces: readonly string[]): string {
    return this.#guard.add(pieces);
  }

  result(rawText: string, finishReason: FinishReason, newTokens: number, budget: BudgetReport): TaskResult {
    let emptyReason = this.cleaner.emptyReason();
    if (emptyReason === undefined && this.text.trim().length === 0) emptyReason = 'guard-rejected';
    const result: TaskResult = {
      task: this.plan.task,
      lang: this.plan.lang,
      text: emptyReason === undefined ? this.text : '',
      guard: this.report,
      budget,
      cleanup: this.cleaner.report,
      prompt: this.plan.prompt,
      generation: { rawText, finishReason, newTokens },
    };
    if (emptyReason !== undefined) result.emptyReason = emptyReason;
    return result;
  }
}

export async function runPlan(engine: TextGenerator, plan: TaskPlan, signal?: AbortSignal): Promise<TaskResult> {
  const generated = await engine.generate(plan.prompt, signal ? { ...plan.generation, signal } : plan.generation);
  return finishPlan(plan, generated);
}

/**
 * Cleans and guards generated text as `runPlan` does. Also for text still streaming: with
 * `finishReason: 'length'` a cut-off last word is left out, so every partial result is whole words.
 */
export function finishPlan(plan: TaskPlan, generated: Pick<GenerationResult, 'text' | 'finishReason' | 'tokenIds' | 'logprobs'>): TaskResult {
  const out = new GuardedOutput(plan);
  out.add(out.cleaner.push(generated.text));
  // A stop string the engine reported ends the text as cleanly as end-of-sequence.
  out.add(out.cleaner.finish(generated.finishReason));
  const result = out.result(generated.text, generated.finishReason, generated.tokenIds.length, plan.budget);
  if (generated.logprobs) result.generation.logprobs = generated.logprobs;
  result.generation.tokenIds = generated.tokenIds;
  return result;
}

export async function* streamPlan(engine: TextGenerator, plan: TaskPlan, signal?: AbortSignal): AsyncGenerator<TaskStreamEvent> {
  const out = new GuardedOutput(plan);
  let raw = '';
  let newTokens = 0;
  let finishReason: FinishReason = 'eos';
  const limit = plan.generation.maxNewTokens ?? 20;
  for await (const chunk of engine.stream(plan.prompt, signal ? { ...plan.generation, signal } : plan.generation)) {
    raw += chunk.text;
    newTokens += chunk.tokenIds.length;
    const delta = out.add(out.cleaner.push(chunk.text));
    if (delta.length > 0) yield { type: 'delta', text: delta };
    // Leaving the loop returns the engine's iterator, which ends generation early.
    if (out.cleaner.done) {
      finishReason = 'stop';
      break;
    }
  }
  if (finishReason !== 'stop' && newTokens >= limit) finishReason = 'length';
  const delta = out.add(out.cleaner.finish(finishReason));
  if (delta.length > 0) yield { type: 'delta', text: delta };
  yield { type: 'result', result: out.result(raw, finishReason, newTokens, plan.budget) };
}

// ---- input validation shared by the tasks ----

export function requireObject(input: unknown, task: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PromptingError('INVALID_INPUT', `${task} expects an object`);
  }
  return input as Record<string, unknown>;
}

export function requiredText(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (value === undefined || value === null) throw new PromptingError('MISSING_FIELD', `"${field}" is required`, field);
  if (typeof value !== 'string') throw new PromptingError('INVALID_INPUT', `"${field}" must be a string`, field);
  if (value.trim().length === 0) throw new PromptingError('MISSING_FIELD', `"${field}" is empty`, field);
  return value.trim();
}

export function optionalText(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new PromptingError('INVALID_INPUT', `"${field}" must be a string`, field);
  return value.trim().replace(/\s*\n\s*/g, ' ');
}

export function optionalList(input: Record<string, unknown>, field: string, separator: string): string {
  const value = input[field];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new PromptingError('INVALID_INPUT', `"${field}" must be a string or an array of strings`, field);
  }
  return (value as string[]).map((v) => v.trim()).filter((v) => v.length > 0).join(separator);
}

export function optionalRating(input: Record<string, unknown>, field: string): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw new PromptingError('INVALID_INPUT', `"${field}" must be an integer from 1 to 5`, field);
  }
  return value;
}

/**
 * The facts a copy task checks its output against: the attributes it was given (materials, features …)
 * plus the merchant's explicit `facts`; undefined when there are none.
 */
export function copyFacts(input: Record<string, unknown>, fields: readonly string[]): ProductFacts | undefined {
  const facts: ProductFacts = {};
  for (const f of fields) {
    const v = input[f];
    if (typeof v === 'string' || typeof v === 'number') facts[f] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) facts[f] = v as string[];
  }
  const explicit = input.facts;
  if (explicit !== undefined && explicit !== null) {
    if (typeof explicit !== 'object' || Array.isArray(explicit)) throw new PromptingError('INVALID_INPUT', '"facts" must be an object', 'facts');
    Object.assign(facts, explicit);
  }
  return Object.keys(facts).length > 0 ? facts : undefined;
}

export function guardDefaults(options: TaskOptions, fallback: Required<TaskGuardOptions>): Required<TaskGuardOptions> {
  return { ...fallback, ...options.guard };
}
