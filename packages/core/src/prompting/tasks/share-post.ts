import type { TextGenerator } from '../../contracts/text-generator.ts';
import { PromptingError } from '../errors.ts';
import { detectLang } from '../lang.ts';
import type { TaskOptions, TaskPlan, TaskResult, TaskStreamEvent } from '../task-runner.ts';
import { copyFacts, guardDefaults, optionalList, optionalText, planTask, requireObject, requiredText, runPlan, streamPlan } from '../task-runner.ts';

/** Input for `writeSharePost`: the shopper's review to turn into a post they can share. */
export interface SharePostInput {
  /** The shopper's own review: the post is written from it, never from anyone else's words. */
  review: string;
  /** Product name. */
  product?: string;
  /** Product facts the post may mention (features, size, material), as given by the merchant. */
  facts?: string | readonly string[];
  /** short ≈ one sentence (a chat message), medium ≈ two (a social post). Default 'medium'. */
  length?: 'short' | 'medium';
}

const MAX_NEW_TOKENS = { short: 40, medium: 70 } as const;

/** Builds the prompt and settings of `writeSharePost` without generating. Throws `PromptingError` for invalid input. */
export function planSharePost(engine: TextGenerator, input: SharePostInput, options: TaskOptions = {}): TaskPlan {
  const fields = requireObject(input, 'sharePost');
  const review = requiredText(fields, 'review');
  const length = fields.length ?? 'medium';
  if (length !== 'short' && length !== 'medium') {
    throw new PromptingError('INVALID_INPUT', '"length" must be short or medium', 'length');
  }
  const lang = options.lang ?? detectLang(review);
  return planTask(engine, {
    task: 'sharePost',
    lang,
    options,
    query: {
      // The review is one line in the document; its own line breaks would end the field early.
      review: review.replace(/\s*\n\s*/g, ' '),
      product: optionalText(fields, 'product'),
      facts: optionalList(fields, 'facts', lang === 'zh' ? '，' : ', '),
    },
    // The shopper's words matter most: facts go first when the prompt is too long, then the review's tail.
    shortenable: [
      { name: 'facts', keep: 'start' },
      { name: 'review', keep: 'start' },
    ],
    generation: { maxNewTokens: MAX_NEW_TOKENS[length], doSample: true, temperature: 0.8, topP: 0.9, repetitionPenalty: 1.15, noRepeatNgramSize: 3 },
    cleanupMode: 'sentences',
    // A post leaves the store under the shopper's name: personal data and profanity are redacted, claims flagged for the shopper to check.
    guard: guardDefaults(options, { policy: 'redact', rejectAt: 'high', categories: ['claim', 'bias', 'profanity', 'pii'] }),
    // The post is generated copy: a number, material or origin the product's facts do not support is a claim finding.
    facts: copyFacts({ product: fields.product, details: fields.facts }, ['product', 'details']),
  });
}

/** Writes a short share post from the shopper's own review and the product's facts. */
export async function writeSharePost(engine: TextGenerator, input: SharePostInput, options: TaskOptions = {}): Promise<TaskResult> {
  return runPlan(engine, planSharePost(engine, input, options), options.signal);
}

/** Same as `writeSharePost`, as a stream of cleaned, guarded deltas followed by the result. */
export function streamSharePost(engine: TextGenerator, input: SharePostInput, options: TaskOptions = {}): AsyncIterable<TaskStreamEvent> {
  return streamPlan(engine, planSharePost(engine, input, options), options.signal);
}
