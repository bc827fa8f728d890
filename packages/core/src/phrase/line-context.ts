/**
 * The part of a prompt a phrase model conditions on: the current line, after a leading field label.
 * Cowrite's templates lay a document out as `Label: value` lines ("Review: The battery…"), and a
 * phrase model learnt how reviews begin and go on, not how templates look; so "Review: The" is the
 * start of a review followed by "The". Bounded, anchored pattern: linear time on any input.
 */
export function lineContext(prompt: string): string {
  const line = prompt.slice(prompt.lastIndexOf('\n') + 1);
  return line.replace(FIELD_LABEL, '').trimStart();
}

const FIELD_LABEL = /^[^\s:：]{1,24}[:：]/u;
