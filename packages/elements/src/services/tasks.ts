import {
  streamGhostText,
  writeIdeaRefinement,
  writeReviewContinuation,
  streamProductDescription,
  streamReviewContinuation,
  streamSharePost,
  writeMarketingCopy,
} from '@cowrite/core';
import type { TextGenerator } from '@cowrite/core';

/**
 * The generation jobs the elements run on an engine, mapped onto core's prompting tasks
 * (templates, context budget, clean-up and guard live there).
 */
export interface ReviewContext {
  draft: string;
  product?: string;
  rating?: number;
  topics?: readonly string[];
}

export interface Continuation {
  text: string;
  /** 0 … 1 when the task can tell; undefined means "no opinion". */
  confidence?: number;
}

/** Keeps one phrase or sentence, as Smart Compose does: long ghost text distracts. For custom `suggest` answers. */
export function trimSuggestion(draft: string, generated: string): string {
  let text = generated.replace(/\s+/g, ' ');
  const sentenceEnd = text.search(/[.!?。！？](\s|$)/);
  if (sentenceEnd >= 0) text = text.slice(0, sentenceEnd + 1);
  if (/\s$/.test(draft)) text = text.trimStart();
  return text.trimEnd();
}

function continuationInput(context: ReviewContext, mode: 'ghost' | 'compose') {
  return { draft: context.draft, product: context.product, rating: context.rating, topics: context.topics, mode };
}

/**
 * A short continuation for ghost text: core's review-continuation task, whose prompt keeps
 * everything before the draft fixed so the engine reuses its KV cache between keystrokes.
 */
export async function continueDraft(engine: TextGenerator, context: ReviewContext, signal: AbortSignal): Promise<Continuation> {
  const result = await writeReviewContinuation(engine, continuationInput(context, 'ghost'), { signal });
  return result.confidence === undefined ? { text: result.insertText } : { text: result.insertText, confidence: result.confidence };
}

/**
 * Ghost text as it streams: `onPartial` gets the whole words so far (each update guarded) while the
 * model is still writing; the promise gives the final suggestion.
 */
export async function streamDraftContinuation(engine: TextGenerator, context: ReviewContext, signal: AbortSignal, onPartial: (partial: Continuation) => void): Promise<Continuation> {
  const { mode: _mode, ...input } = continuationInput(context, 'ghost');
  const updates = streamGhostText(engine, input, { signal });
  for (;;) {
    const step = await updates.next();
    if (step.done) {
      const result = step.value;
      return result.confidence === undefined ? { text: result.insertText } : { text: result.insertText, confidence: result.confidence };
    }
    onPartial(step.value.confidence === undefined ? { text: step.value.insertText } : { text: step.value.insertText, confidence: step.value.confidence });
  }
}

/** "Help me write": a few sentences from the chosen topics, streamed as cleaned, guarded deltas. */
export async function* streamReviewDraft(engine: TextGenerator, context: ReviewContext, signal: AbortSignal): AsyncIterable<string> {
  for await (const event of streamReviewContinuation(engine, continuationInput(context, 'compose'), { signal })) {
    if (event.type === 'delta') yield event.text;
  }
}

export type CopyKind = 'description' | 'headline' | 'social';
export type CopyTone = 'friendly' | 'professional' | 'playful' | 'luxury';
export type CopyLength = 'short' | 'medium' | 'long';

/** Product attributes: any string-valued fields (name, category, features, materials, audience…). */
export type ProductAttributes = Record<string, string | number | readonly string[] | undefined>;

export interface CopyRequest {
  product: ProductAttributes;
  kind: CopyKind;
  tone: CopyTone;
  length: CopyLength;
  seed: number;
}

function field(product: ProductAttributes, key: string): string | readonly string[] | undefined {
  const value = product[key];
  return typeof value === 'number' ? String(value) : value;
}

function text(product: ProductAttributes, key: string): string | undefined {
  const value = field(product, key);
  return Array.isArray(value) ? value.join(', ') : (value as string | undefined);
}

/** One candidate of marketing copy, streamed (descriptions) or in one piece (headline, social post). */
export async function* streamCopy(engine: TextGenerator, request: CopyRequest, signal: AbortSignal): AsyncIterable<string> {
  const { product } = request;
  const name = text(product, 'name') ?? text(product, 'title') ?? '';
  const options = { signal, generation: { seed: request.seed } };
  if (request.kind === 'description') {
    const input = {
      name,
      category: text(product, 'category'),
      features: field(product, 'features'),
      materials: field(product, 'materials'),
      audience: text(product, 'audience'),
      tone: request.tone,
      length: request.length,
    };
    for await (const event of streamProductDescription(engine, input, options)) {
      if (event.type === 'delta') yield event.text;
    }
    return;
  }
  const input = {
    kind: request.kind === 'social' ? ('socialPost' as const) : ('headline' as const),
    name,
    features: field(product, 'features'),
    audience: text(product, 'audience'),
    tone: request.tone,
  };
  yield (await writeMarketingCopy(engine, input, options)).text;
}

export interface Idea {
  title: string;
  description: string;
  category?: string;
}

/** A clearer title and description for a shopper's rough idea (core's idea-refinement task). */
export async function refineIdeaDraft(engine: TextGenerator, idea: Idea, signal: AbortSignal): Promise<Idea> {
  const result = await writeIdeaRefinement(engine, { idea: `${idea.title}\n${idea.description}`.trim(), area: idea.category }, { signal });
  const description = [result.fields.problem, result.fields.proposal].filter(Boolean).join('\n\n');
  return { title: result.fields.title || idea.title, description: description || idea.description, category: idea.category };
}

export interface SharePostRequest {
  review: string;
  product?: string;
  facts?: string | readonly string[];
  length: 'short' | 'medium';
  seed: number;
}

/** A short share post from the shopper's own review and the product's facts (core's sharePost task), as cleaned, guarded deltas. */
export async function* streamSharePostText(engine: TextGenerator, request: SharePostRequest, signal: AbortSignal): AsyncIterable<string> {
  const input = { review: request.review, product: request.product, facts: request.facts, length: request.length };
  for await (const event of streamSharePost(engine, input, { signal, generation: { seed: request.seed } })) {
    if (event.type === 'delta') yield event.text;
  }
}
