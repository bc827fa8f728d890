import type { Lang } from '../../contracts/language.ts';
import type { TextGenerator } from '../../contracts/text-generator.ts';
import type { FinishReason } from '../../contracts/generation.ts';
import type { EmptyReason } from '../cleanup.ts';
import { OutputCleaner, cutAtStop } from '../cleanup.ts';
import { PieceGuard } from '../guard-pieces.ts';
import { detectLang } from '../lang.ts';
import type { TaskOptions, TaskPlan, TaskResult } from '../task-runner.ts';
import { guardDefaults, optionalText, planTask, requireObject, requiredText } from '../task-runner.ts';

/** A title is a line on a board, not a paragraph: about a dozen words at most. */
export const IDEA_TITLE_MAX_LENGTH = 80;

/** Input for `writeIdeaRefinement`: a shopper's rough product idea. */
export interface IdeaRefinementInput {
  /** The shopper's rough idea, in their words. */
  idea: string;
  /** Product or category the idea is about. */
  area?: string;
}

/** An idea rewritten as a short proposal; each field is '' when the model did not produce it. */
export interface RefinedIdea {
  /** A one-line title, at most `IDEA_TITLE_MAX_LENGTH` characters. */
  title: string;
  /** The problem the idea addresses. */
  problem: string;
  /** What the shopper proposes. */
  proposal: string;
}

/** The result of `writeIdeaRefinement`: a `TaskResult` plus the parsed fields. */
export interface IdeaRefinementResult extends TaskResult {
  /** The parsed proposal; `text` is the same three fields joined by line breaks. */
  fields: RefinedIdea;
  /** Fields the model did not produce (the shopper fills them in). */
  missingFields: (keyof RefinedIdea)[];
}

const LABELS: Record<Lang, Record<keyof RefinedIdea, string>> = {
  en: { title: 'Title', problem: 'Problem', proposal: 'Proposal' },
  zh: { title: '标题', problem: '问题', proposal: '方案' },
};
const FIELD_ORDER: (keyof RefinedIdea)[] = ['title', 'problem', 'proposal'];

/** Builds the prompt and settings of `writeIdeaRefinement` without generating. Throws `PromptingError` for invalid input. */
export function planIdeaRefinement(engine: TextGenerator, input: IdeaRefinementInput, options: TaskOptions = {}): TaskPlan {
  const fields = requireObject(input, 'ideaRefinement');
  const idea = requiredText(fields, 'idea').replace(/\s*\n\s*/g, ' ');
  const lang = options.lang ?? detectLang(idea);
  return planTask(engine, {
    task: 'ideaRefinement',
    lang,
    options,
    query: { idea, area: optionalText(fields, 'area') },
    shortenable: [{ name: 'idea', keep: 'start' }],
    generation: { maxNewTokens: 110, doSample: true, temperature: 0.7, topK: 40, topP: 0.9, repetitionPenalty: 1.1 },
    cleanupMode: 'sentences',
    guard: guardDefaults(options, { policy: 'redact', rejectAt: 'high', categories: ['claim', 'bias', 'profanity', 'pii'] }),
  });
}

/** Splits "<title>\nProblem: …\nProposal: …" (the prompt ends with "Title:"). */
function parseFields(raw: string, lang: Lang): Partial<Record<keyof RefinedIdea, string>> {
  const labels = LABELS[lang];
  const out: Partial<Record<keyof RefinedIdea, string>> = {};
  let current: keyof RefinedIdea = 'title';
  let buffer = '';
  const flush = () => {
    if (out[current] === undefined && buffer.trim().length > 0) out[current] = buffer.trim();
    buffer = '';
  };
  for (const line of raw.split('\n')) {
    const labelled = FIELD_ORDER.find((f) => f !== 'title' && new RegExp(`^\\s*${labels[f]}\\s*[:：]`).test(line));
    if (labelled) {
      flush();
      current = labelled;
      buffer = line.replace(new RegExp(`^\\s*${labels[labelled]}\\s*[:：]`), '');
    } else {
      buffer += (buffer.length > 0 ? ' ' : '') + line;
    }
  }
  flush();
  return out;
}

/** Turns a rough idea into a title, the problem and a proposal. */
export async function writeIdeaRefinement(engine: TextGenerator, input: IdeaRefinementInput, options: TaskOptions = {}): Promise<IdeaRefinementResult> {
  const plan = planIdeaRefinement(engine, input, options);
  const generated = await engine.generate(plan.prompt, options.signal ? { ...plan.generation, signal: options.signal } : plan.generation);
  const cut = cutAtStop(generated.text.replaceAll('<|endoftext|>', ''), plan.generation.stop);
  const parsed = parseFields(cut.text, plan.lang);
  const present = FIELD_ORDER.filter((f) => parsed[f] !== undefined);
  const last = present[present.length - 1];

  const result: RefinedIdea = { title: '', problem: '', proposal: '' };
  const guardReport: IdeaRefinementResult['guard'] = { policy: plan.guard.policy, rejectAt: plan.guard.rejectAt, findings: [], droppedSentences: [] };
  const removedRepeats: string[] = [];
  let droppedTail: string | undefined;
  let text = '';
  for (const field of present) {
    // Only the last field can have been cut off by the token limit.
    const finish: FinishReason = field === last ? generated.finishReason : 'eos';
    const cleaner = new OutputCleaner(field === 'title' ? { mode: 'line', maxLength: IDEA_TITLE_MAX_LENGTH } : { mode: 'sentences' });
    const pieces = [...cleaner.push(parsed[field] ?? ''), ...cleaner.finish(cut.stopString !== undefined ? 'stop' : finish)];
    removedRepeats.push(...cleaner.report.removedRepeats);
    if (cleaner.report.droppedTail) droppedTail = cleaner.report.droppedTail;
    // Each field is guarded like any task's output, at its offset in the joined text.
    const guard = new PieceGuard(plan.lang, plan.guard, guardReport, plan.facts, text.length + (text.length > 0 ? 1 : 0));
    guard.add(pieces);
    result[field] = guard.text;
    if (guard.text.length > 0) text += (text.length > 0 ? '\n' : '') + guard.text;
  }
  const droppedSentences = guardReport.droppedSentences;
  const missingFields = FIELD_ORDER.filter((f) => result[f].length === 0);
  let emptyReason: EmptyReason | undefined;
  if (result.title.length === 0) {
    if (cut.text.trim().length === 0) emptyReason = cut.stopString !== undefined || generated.finishReason === 'stop' ? 'stopped-at-start' : 'empty-generation';
    else emptyReason = droppedSentences.length > 0 ? 'guard-rejected' : 'unparseable';
  }
  return {
    task: 'ideaRefinement',
    lang: plan.lang,
    text: emptyReason === undefined ? text : '',
    ...(emptyReason === undefined ? {} : { emptyReason }),
    fields: emptyReason === undefined ? result : { title: '', problem: '', proposal: '' },
    missingFields: emptyReason === undefined ? missingFields : [...FIELD_ORDER],
    guard: guardReport,
    budget: plan.budget,
    cleanup: { removedRepeats, ...(droppedTail === undefined ? {} : { droppedTail }), ...(cut.stopString === undefined ? {} : { stopString: cut.stopString }) },
    prompt: plan.prompt,
    generation: { rawText: generated.text, finishReason: generated.finishReason, newTokens: generated.tokenIds.length },
  };
}

/**
 * The same function as `writeIdeaRefinement`.
 * @deprecated Renamed `writeIdeaRefinement` (every task is `planX` / `writeX` / `streamX`); this alias stays until the next major.
 */
export const refineIdea = writeIdeaRefinement;
