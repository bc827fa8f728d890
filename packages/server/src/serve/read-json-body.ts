import type { IncomingMessage } from 'node:http';
import { HttpError } from './openai-error.ts';

/**
 * Reads a JSON request body of at most `limit` bytes. A declared Content-Length
 * over the limit is refused before reading; a chunked body is cut off as soon as it
 * passes the limit, so an oversize upload never sits in memory whole.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'The request body is empty; send a JSON object.', { code: 'invalid_json' });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `The request body is not valid JSON: ${(error as Error).message}`, { code: 'invalid_json' });
  }
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `The request body is larger than this server's limit of ${limit} bytes.`, { code: 'request_too_large' });
}
