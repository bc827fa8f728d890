import { PromptingError } from './errors.ts';

/**
 * A prompt is a document prefix GPT-2 continues (a catalogue page, a review site), not a chat instruction.
 * Every part is plain data, so a merchant can override any of it.
 * Placeholders are `{{name}}`; a line whose placeholders are all empty is left out.
 */
export interface PromptTemplate {
  /** Fixed opening of the document (site name, brand voice). */
  preamble: string;
  /** How one few-shot example renders. */
  example: string;
  /** The entry the model completes; generation continues right after its last character. */
  query: string;
  /** Between preamble, examples and query. */
  separator: string;
  /** Few-shot examples: values for `example`'s placeholders. */
  examples: readonly Readonly<Record<string, string>>[];
  /** Stop strings for this task (added to the engine call and applied by the clean-up). */
  stop: readonly string[];
}

const PLACEHOLDER = /\{\{\s*([\w-]+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders; throws `INVALID_TEMPLATE` for a name with no value. With `keepLastLine`
 * (a query), the last line stays even when empty: generation continues there ("Review:" with no draft yet).
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>, keepLastLine = false): string {
  const all = template.split('\n');
  const lines = all.flatMap((line, index) => {
    let placeholders = 0;
    let filled = 0;
    const rendered = line.replace(PLACEHOLDER, (_m, name: string) => {
      const value = values[name];
      if (value === undefined) throw new PromptingError('INVALID_TEMPLATE', `template placeholder {{${name}}} has no value`, name);
      placeholders++;
      if (value.length > 0) filled++;
      return value;
    });
    const empty = placeholders > 0 && filled === 0;
    // Kept empty, the line ends at its label ("Review:"): GPT-2 writes the space itself.
    if (empty && keepLastLine && index === all.length - 1) return [rendered.trimEnd()];
    return empty ? [] : [rendered];
  });
  return lines.join('\n');
}

/** Assembles preamble + examples + query. */
export function renderPrompt(
  template: PromptTemplate,
  shared: Readonly<Record<string, string>>,
  query: Readonly<Record<string, string>>,
  examples: readonly Readonly<Record<string, string>>[],
): string {
  const parts = [renderTemplate(template.preamble, shared)];
  for (const ex of examples) parts.push(renderTemplate(template.example, { ...shared, ...ex }));
  parts.push(renderTemplate(template.query, { ...shared, ...query }, true));
  return parts.filter((p) => p.length > 0).join(template.separator);
}
