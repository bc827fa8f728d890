/**
 * The regex subset guard rules may use, so that a backtracking engine (V8's irregexp) stays linear in the text:
 * every quantifier is bounded (`?`, `{m,n}` with n ≤ MAX_REPEAT; never `*`, `+` or `{m,}`), and a quantified
 * group may hold quantifiers only while the product of the bounds stays ≤ MAX_NESTED_WORK.
 * Then every match attempt does at most a constant amount of work, whatever the text, and a scan of n
 * characters costs O(n). Unbounded runs (e-mail local parts, addresses) are found in code around an anchor instead.
 */

export const MAX_REPEAT = 64;
export const MAX_NESTED_WORK = 512;

interface Frame {
  /** Largest work of any quantified piece inside this group so far. */
  inner: number;
}

/** Problems that make `pattern` unsafe for the guard; empty when it belongs to the linear-time subset. */
export function linearPatternProblems(pattern: RegExp): string[] {
  const src = pattern.source;
  const problems: string[] = [];
  const stack: Frame[] = [{ inner: 1 }];
  // Work of the atom just read (a group's own inner work, 1 for a character); the next quantifier applies to it.
  let lastAtom = 0;
  let i = 0;
  const quantify = (max: number, text: string): void => {
    if (lastAtom === 0) return;
    if (!Number.isFinite(max)) problems.push(`unbounded quantifier "${text}" at ${i}`);
    else if (max > MAX_REPEAT) problems.push(`quantifier "${text}" above ${MAX_REPEAT} at ${i}`);
    const work = lastAtom * (Number.isFinite(max) ? Math.max(1, max) : MAX_REPEAT);
    if (lastAtom > 1 && work > MAX_NESTED_WORK) problems.push(`nested quantifiers (work ${work}) at ${i}`);
    const top = stack[stack.length - 1]!;
    top.inner = Math.max(top.inner, work);
    lastAtom = 0;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      i += 2;
      // \u{…}, \p{…}, \k<…> stay one atom.
      if (src[i] === '{' && /[upPk]/.test(src[i - 1]!)) i = src.indexOf('}', i) + 1;
      lastAtom = 1;
      continue;
    }
    if (c === '[') {
      i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      i++;
      lastAtom = 1;
      continue;
    }
    if (c === '(') {
      stack.push({ inner: 1 });
      i++;
      if (src[i] === '?') {
        i++;
        if (src[i] === '<' && src[i + 1] !== '=' && src[i + 1] !== '!') i = src.indexOf('>', i) + 1;
        else i++;
      }
      lastAtom = 0;
      continue;
    }
    if (c === ')') {
      const frame = stack.length > 1 ? stack.pop()! : { inner: 1 };
      const top = stack[stack.length - 1]!;
      top.inner = Math.max(top.inner, frame.inner);
      lastAtom = frame.inner;
      i++;
      continue;
    }
    if (c === '*' || c === '+') {
      quantify(Infinity, c);
      i++;
      if (src[i] === '?') i++;
      continue;
    }
    if (c === '?') {
      quantify(1, c);
      i++;
      if (src[i] === '?') i++;
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (m) {
        const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
        quantify(max, m[0]);
        i += m[0].length;
        if (src[i] === '?') i++;
        continue;
      }
    }
    lastAtom = c === '|' || c === '^' || c === '$' ? 0 : 1;
    i++;
  }
  return problems;
}
