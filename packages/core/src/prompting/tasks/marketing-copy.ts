import type { TextGenerator } from '../../contracts/text-generator.ts';
import type { GenerationOptions } from '../../contracts/generation.ts';
import type { ProductFacts } from '../guard/facts.ts';
import { PromptingError } from '../errors.ts';
import { detectLang } from '../lang.ts';
import type { TaskOptions, TaskPlan, TaskResult, TaskStreamEvent } from '../task-runner.ts';
import { copyFacts, guardDefaults, optionalList, optionalText, planTask, requireObject, requiredText, runPlan, streamPlan } from '../task-runner.ts';

/** Which marketing copy to write: a one-line `headline` or `tagline`, or a few-sentence `socialPost`. */
export type MarketingCopyKind = 'headline' | 'tagline' | 'socialPost';

/** The product attributes `writeMarketingCopy` writes from. List fields accept a comma-separated string or an array. */
export interface MarketingCopyInput {
  /** Which copy to write (required). */
  kind: MarketingCopyKind;
  /** Product name (required, non-empty). */
  name: string;
  /** Features to mention; only the first ones are kept when the prompt must be shortened. */
  features?: string | readonly string[];
  /** Who the product is for, e.g. "trail runners". */
  audience?: string;
  /** Desired tone in a few words, e.g. "bold, playful". */
  tone?: string;
  /** The merchant's product attributes; see `ProductDescriptionInput.facts`. */
  facts?: ProductFacts;
}

const LABELS = {
  en: { headline: 'Headline', tagline: 'Tagline', socialPost: 'Social post' },
  zh: { headline: '标题', tagline: '口号', socialPost: '社交媒体文案' },
} as const;

const SETTINGS: Record<MarketingCopyKind, GenerationOptions> = {
  headline: { maxNewTokens: 20, doSample: true, temperature: 0.9, topP: 0.92, repetitionPenalty: 1.2 },
  tagline: { maxNewTokens: 16, doSample: true, temperature: 0.9, topP: 0.92, repetitionPenalty: 1.2 },
  socialPost: { maxNewTokens: 70, doSample: true, temperature: 0.85, topP: 0.92, repetitionPenalty: 1.15, noRepeatNgramSize: 3 },
};

/** Builds the prompt and settings of `writeMarketingCopy` without generating. Throws `PromptingError` for invalid input. */
export function planMarketingCopy(engine: TextGenerator, input: MarketingCopyInput, options: TaskOptions = {}): TaskPlan {
  const fields = requireObject(input, 'marketingCopy');
  const kind = fields.kind;
  if (kind !== 'headline' && kind !== 'tagline' && kind !== 'socialPost') {
    throw new PromptingError(kind === undefined ? 'MISSING_FIELD' : 'INVALID_INPUT', '"kind" must be headline, tagline or socialPost', 'kind');
  }
  const name = requiredText(fields, 'name');
  const lang = options.lang ?? detectLang(name + optionalList(fields, 'features', ' '));
  const label = LABELS[lang][kind];
  return planTask(engine, {
    task: 'marketingCopy',
    lang,
    options,
    query: {
      name,
      features: optionalList(fields, 'features', lang === 'zh' ? '，' : ', '),
      audience: optionalText(fields, 'audience'),
      tone: optionalText(fields, 'tone'),
      label,
    },
    // Examples hold all three kinds; show the model only the kind asked for.
    exampleValues: (e) => ({ name: e.name ?? '', features: e.features ?? '', audience: e.audience ?? '', label, copy: e[kind] ?? '' }),
    shortenable: [
      { name: 'features', keep: 'start' },
      { name: 'audience', keep: 'start' },
    ],
    generation: SETTINGS[kind],
    cleanupMode: kind === 'socialPost' ? 'sentences' : 'line',
    extraStop: kind === 'socialPost' ? [] : ['\n'],
    guard: guardDefaults(options, { policy: 'redact', rejectAt: 'high', categories: ['claim', 'bias', 'profanity', 'pii'] }),
    facts: copyFacts(fields, ['features']),
  });
}

/** Writes a headline, a tagline or a short social post. */
export async function writeMarketingCopy(engine: TextGenerator, input: MarketingCopyInput, options: TaskOptions = {}): Promise<TaskResult> {
  return runPlan(engine, planMarketingCopy(engine, input, options), options.signal);
}

/** Same as `writeMarketingCopy`, as a stream of cleaned, guarded deltas followed by the result. */
export function streamMarketingCopy(engine: TextGenerator, input: MarketingCopyInput, options: TaskOptions = {}): AsyncIterable<TaskStreamEvent> {
  return streamPlan(engine, planMarketingCopy(engine, input, options), options.signal);
}
