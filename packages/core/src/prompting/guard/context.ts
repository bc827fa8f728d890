/** Small helpers rules use to look around a match. */

export function textBefore(text: string, match: RegExpExecArray, chars: number): string {
  return text.slice(Math.max(0, match.index - chars), match.index);
}

export function textAfter(text: string, match: RegExpExecArray, chars: number): string {
  const end = match.index + match[0].length;
  return text.slice(end, end + chars);
}
