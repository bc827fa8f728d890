import type { TextGenerator } from '@cowrite/core';

/**
 * The generation jobs the elements run on an engine. Prompts keep a fixed prefix per
 * product and put the shopper's draft last, so an engine that caches the shared prefix
 * (Cowrite's model does) only decodes the new keystrokes.
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

function reviewPrefix(context: ReviewContext): string {
  const about = context.product ? ` of ${context.product}` : '';
  const stars = context.rating ? ` (${context.rating} out of 5 stars)` : '';
  const topics = context.topics?.length ? `\nTopics: ${context.topics.join(', ')}` : '';
  return `Customer review${about}${stars}${topics}\n\n`;
}

/** Keeps one phrase or sentence, as Smart Compose does: long ghost text distracts. */
export function trimSuggestion(draft: string, generated: string): string {
  let text = generated.replace(/\s+/g, ' ');
  const sentenceEnd = text.search(/[.!?。！？](\s|$)/);
  if (sentenceEnd >= 0) text = text.slice(0, sentenceEnd + 1);
  if (/\s$/.test(draft)) text = text.trimStart();
  return text.trimEnd();
}

/** A short continuation of the draft for ghost text. */
export async function continueDraft(
  engine: TextGenerator,
  context: ReviewContext,
  signal: AbortSignal,
  maxNewTokens = 12,
): Promise<Continuation> {
  const result = await engine.generate(reviewPrefix(context) + context.draft, {
    maxNewTokens,
    stop: ['\n'],
    repetitionPenalty: 1.2,
    noRepeatNgramSize: 3,
    signal,
  });
  return { text: trimSuggestion(context.draft, result.text) };
}

/** "Help me write": a draft streamed from the chosen topics (and what is written so far). */
export async function* streamReviewDraft(
  engine: TextGenerator,
  context: ReviewContext,
  signal: AbortSignal,
): AsyncIterable<string> {
  const stream = engine.stream(reviewPrefix(context) + context.draft, {
    maxNewTokens: 60,
    stop: ['\n\n'],
    repetitionPenalty: 1.2,
    noRepeatNgramSize: 3,
    signal,
  });
  for await (const chunk of stream) yield chunk.text;
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

const copyTokens: Record<CopyKind, Record<CopyLength, number>> = {
  headline: { short: 10, medium: 16, long: 24 },
  social: { short: 30, medium: 50, long: 70 },
  description: { short: 50, medium: 90, long: 140 },
};

function describeProduct(product: ProductAttributes): string {
  return Object.entries(product)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('\n');
}

/** One candidate of marketing copy, streamed. */
export async function* streamCopy(engine: TextGenerator, request: CopyRequest, signal: AbortSignal): AsyncIterable<string> {
  const prompt = `${describeProduct(request.product)}\nTone: ${request.tone}\n\nProduct ${request.kind}:\n`;
  const stream = engine.stream(prompt, {
    maxNewTokens: copyTokens[request.kind][request.length],
    doSample: true,
    temperature: 0.8,
    topP: 0.92,
    repetitionPenalty: 1.2,
    noRepeatNgramSize: 3,
    seed: request.seed,
    stop: request.kind === 'headline' ? ['\n'] : ['\n\n'],
    signal,
  });
  for await (const chunk of stream) yield chunk.text;
}

export interface Idea {
  title: string;
  description: string;
  category?: string;
}

/** A clearer title and description for a shopper's rough idea. */
export async function refineIdea(engine: TextGenerator, idea: Idea, signal: AbortSignal): Promise<Idea> {
  const category = idea.category ? `Category: ${idea.category}\n` : '';
  const prompt = `${category}Rough idea: ${idea.title}\n${idea.description}\n\nClear product proposal\nTitle:`;
  const result = await engine.generate(prompt, { maxNewTokens: 80, repetitionPenalty: 1.2, noRepeatNgramSize: 3, signal });
  const [titleLine, ...rest] = result.text.split('\n');
  const description = rest.join('\n').replace(/^\s*(Description|Proposal):\s*/i, '').trim();
  return {
    title: titleLine.trim() || idea.title,
    description: description || idea.description,
    category: idea.category,
  };
}
