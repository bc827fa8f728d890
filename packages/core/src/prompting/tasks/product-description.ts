import type { TextGenerator } from '../../contracts/text-generator.ts';
import type { ProductFacts } from '../guard/facts.ts';
import { PromptingError } from '../errors.ts';
import { detectLang } from '../lang.ts';
import type { TaskOptions, TaskPlan, TaskResult, TaskStreamEvent } from '../task-runner.ts';
import { copyFacts, guardDefaults, optionalList, optionalText, planTask, requireObject, requiredText, runPlan, streamPlan } from '../task-runner.ts';

/** The product attributes `writeProductDescription` writes from. List fields accept a comma-separated string or an array. */
export interface ProductDescriptionInput {
  /** Product name (required, non-empty). */
  name: string;
  /** Product category, e.g. "running shoes". */
  category?: string;
  /** Features to mention; only the first ones are kept when the prompt must be shortened. */
  features?: string | readonly string[];
  /** Materials; checked against the output as facts. */
  materials?: string | readonly string[];
  /** Who the product is for, e.g. "trail runners". */
  audience?: string;
  /** Desired tone in a few words, e.g. "warm, practical". */
  tone?: string;
  /**
   * The merchant's product attributes (dimensions, weight, certifications, warranty, origin, care …): statements
   * in the output that these and the fields above do not support are flagged as claims.
   */
  facts?: ProductFacts;
  /** short ≈ 1–2 sentences, medium ≈ 3, long ≈ a paragraph. Default 'medium'. */
  length?: 'short' | 'medium' | 'long';
}

const MAX_NEW_TOKENS = { short: 50, medium: 90, long: 160 } as const;

/** Builds the prompt and settings of `writeProductDescription` without generating. Throws `PromptingError` for invalid input. */
export function planProductDescription(engine: TextGenerator, input: ProductDescriptionInput, options: TaskOptions = {}): TaskPlan {
  const fields = requireObject(input, 'productDescription');
  const name = requiredText(fields, 'name');
  const length = fields.length ?? 'medium';
  if (length !== 'short' && length !== 'medium' && length !== 'long') {
    throw new PromptingError('INVALID_INPUT', '"length" must be short, medium or long', 'length');
  }
  const lang = options.lang ?? detectLang(name + optionalList(fields, 'features', ' '));
  const sep = lang === 'zh' ? '，' : ', ';
  return planTask(engine, {
    task: 'productDescription',
    lang,
    options,
    query: {
      name,
      category: optionalText(fields, 'category'),
      features: optionalList(fields, 'features', sep),
      materials: optionalList(fields, 'materials', sep),
      audience: optionalText(fields, 'audience'),
      tone: optionalText(fields, 'tone'),
    },
    shortenable: [
      { name: 'features', keep: 'start' },
      { name: 'audience', keep: 'start' },
      { name: 'materials', keep: 'start' },
    ],
    generation: { maxNewTokens: MAX_NEW_TOKENS[length], doSample: true, temperature: 0.8, topK: 50, topP: 0.9, repetitionPenalty: 1.15, noRepeatNgramSize: 3 },
    cleanupMode: 'sentences',
    // Merchants review descriptions before publishing: personal data and profanity are redacted, claims flagged.
    guard: guardDefaults(options, { policy: 'redact', rejectAt: 'high', categories: ['claim', 'bias', 'profanity', 'pii'] }),
    facts: copyFacts(fields, ['category', 'features', 'materials']),
  });
}

/** Writes a product description from its attributes. */
export async function writeProductDescription(engine: TextGenerator, input: ProductDescriptionInput, options: TaskOptions = {}): Promise<TaskResult> {
  return runPlan(engine, planProductDescription(engine, input, options), options.signal);
}

/** Same as `writeProductDescription`, as a stream of cleaned, guarded deltas followed by the result. */
export function streamProductDescription(
  engine: TextGenerator,
  input: ProductDescriptionInput,
  options: TaskOptions = {},
): AsyncIterable<TaskStreamEvent> {
  return streamPlan(engine, planProductDescription(engine, input, options), options.signal);
}
