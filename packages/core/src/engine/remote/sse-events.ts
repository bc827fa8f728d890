/**
 * The `data:` payloads of a server-sent-event stream (WHATWG EventSource parsing,
 * as far as OpenAI-style streams use it: `data` fields, comments, CR/LF/CRLF line
 * ends, multi-line data joined with "\n"). Hand-written rather than a dependency:
 * the usual library (eventsource-parser) exports its TypeScript sources under the
 * `source` condition, which this monorepo uses for its own packages.
 */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A trailing CR may be half of a CRLF: keep it until more text arrives.
      let end: number;
      while ((end = nextLineEnd(buffer, done)) !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(buffer[end] === '\r' && buffer[end + 1] === '\n' ? end + 2 : end + 1);
        if (line === '') {
          if (data.length) yield data.join('\n');
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(line[5] === ' ' ? 6 : 5));
        } // other fields (event, id, retry) and comments (":") are not used by completion streams
      }
      if (done) break;
    }
    if (data.length) yield data.join('\n');
  } finally {
    reader.cancel().catch(() => {});
  }
}

function nextLineEnd(buffer: string, done: boolean): number {
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (c === '\n') return i;
    if (c === '\r') return i + 1 < buffer.length || done ? i : -1;
  }
  return -1;
}
