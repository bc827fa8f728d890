import type { TextGenerator } from '../../contracts/text-generator.ts';
import { detectLang } from '../lang.ts';
import type { TaskOptions, TaskPlan, TaskResult, TaskStreamEvent } from '../task-runner.ts';
import { guardDefaults, optionalText, planTask, requireObject, requiredText, runPlan, streamPlan } from '../task-runner.ts';

/** Input for `writeUserStory`: a customer's review to retell as a short story. */
export interface UserStoryInput {
  /** The customer's review text (required, non-empty). */
  review: string;
  /** Product name (required, non-empty). */
  product: string;
  /** A first name or nickname the customer agreed to show. */
  customer?: string;
}

/** Builds the prompt and settings of `writeUserStory` without generating. Throws `PromptingError` for invalid input. */
export function planUserStory(engine: TextGenerator, input: UserStoryInput, options: TaskOptions = {}): TaskPlan {
  const fields = requireObject(input, 'userStory');
  const review = requiredText(fields, 'review').replace(/\s*\n\s*/g, ' ');
  const product = requiredText(fields, 'product');
  const lang = options.lang ?? detectLang(review);
  return planTask(engine, {
    task: 'userStory',
    lang,
    options,
    query: { product, customer: optionalText(fields, 'customer'), review },
    shortenable: [{ name: 'review', keep: 'start' }],
    generation: { maxNewTokens: 100, doSample: true, temperature: 0.8, topK: 50, topP: 0.9, repetitionPenalty: 1.15, noRepeatNgramSize: 3 },
    cleanupMode: 'sentences',
    avoid: [review],
    // Published for engagement: anything at medium severity or above is left out.
    guard: guardDefaults(options, { policy: 'reject', rejectAt: 'medium', categories: ['claim', 'bias', 'profanity', 'pii'] }),
  });
}

/** Writes a short customer story from a review, for a product page or newsletter. */
export async function writeUserStory(engine: TextGenerator, input: UserStoryInput, options: TaskOptions = {}): Promise<TaskResult> {
  return runPlan(engine, planUserStory(engine, input, options), options.signal);
}

/** Same as `writeUserStory`, as a stream of cleaned, guarded deltas followed by the result. */
export function streamUserStory(engine: TextGenerator, input: UserStoryInput, options: TaskOptions = {}): AsyncIterable<TaskStreamEvent> {
  return streamPlan(engine, planUserStory(engine, input, options), options.signal);
}
