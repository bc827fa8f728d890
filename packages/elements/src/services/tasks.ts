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
  /** The shopper's text so far. */
  draft: string;
  /** Product name, given to the model as context. */
  product?: string;
  /** Stars the shopper chose (1–5); undefined when none. */
  rating?: number;
  /** Topic keys the shopper selected. */
  topics?: readonly string[];
}

/** A suggestion for the draft. */
export interface Continuation {
  /** The text to insert after the draft. */
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

/**
 * "Help me write": a few sentences from the chosen topics, streamed as cleaned, guarded deltas, in `lang`
 * (default: the draft's language, else the topics').
 */
export async function* streamReviewDraft(engine: TextGenerator, context: ReviewContext, signal: AbortSignal, lang?: 'en' | 'zh'): AsyncIterable<string> {
  for await (const event of streamReviewContinuation(engine, continuationInput(context, 'compose'), lang ? { signal, lang } : { signal })) {
    if (event.type === 'delta') yield event.text;
  }
}

/** Which copy `cw-suggested-copy` writes: a product `description`, a `headline`, or a `social` post. */
export type CopyKind = 'description' | 'headline' | 'social';
/** Tone the copy is written in. */
export type CopyTone = 'friendly' | 'professional' | 'playful' | 'luxury';
/** Description length: `short` ≈ 1–2 sentences, `medium` ≈ 3, `long` ≈ a paragraph; headlines and posts ignore it. */
export type CopyLength = 'short' | 'medium' | 'long';

/** Product attributes: any string-valued fields (name, category, features, materials, audience…). */
export type ProductAttributes = Record<string, string | number | readonly string[] | undefined>;

/** One copy candidate to write. */
export interface CopyRequest {
  /** The product's attributes; `name` (or `title`) names it. */
  product: ProductAttributes;
  /** Which copy to write. */
  kind: CopyKind;
  /** Tone the copy is written in. */
  tone: CopyTone;
  /** Length of a description; ignored for headlines and social posts. */
  length: CopyLength;
  /** Sampling seed, so candidates differ; the same seed gives the same text. */
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

/** A shopper's product idea, as in `cw-idea-form`. */
export interface Idea {
  /** Short title of the idea. */
  title: string;
  /** The description: the shopper's text, or the refined problem and proposal. */
  description: string;
  /** The category it belongs to, when one was chosen. */
  category?: string;
}

/** A clearer title and description for a shopper's rough idea (core's idea-refinement task). */
export async function refineIdeaDraft(engine: TextGenerator, idea: Idea, signal: AbortSignal): Promise<Idea> {
  const result = await writeIdeaRefinement(engine, { idea: `${idea.title}\n${idea.description}`.trim(), area: idea.category }, { signal });
  const description = [result.fields.problem, result.fields.proposal].filter(Boolean).join('\n\n');
  return { title: result.fields.title || idea.title, description: description || idea.description, category: idea.category };
}

/** One share post to write. */
export interface SharePostRequest {
  /** The shopper's own review the post is written from. */
  review: string;
  /** Product name. */
  product?: string;
  /** Product facts the post may mention. */
  facts?: string | readonly string[];
  /** `short` ≈ one sentence, `medium` ≈ two. */
  length: 'short' | 'medium';
  /** Sampling seed, so tries differ; the same seed gives the same text. */
  seed: number;
}

/** A short share post from the shopper's own review and the product's facts (core's sharePost task), as cleaned, guarded deltas. */
export async function* streamSharePostText(engine: TextGenerator, request: SharePostRequest, signal: AbortSignal): AsyncIterable<string> {
  const input = { review: request.review, product: request.product, facts: request.facts, length: request.length };
  for await (const event of streamSharePost(engine, input, { signal, generation: { seed: request.seed } })) {
    if (event.type === 'delta') yield event.text;
  }
}
