/**
 * The tokenizer a remote engine reports when the caller gives none: one "token" per
 * UTF-8 byte. A byte-level BPE (GPT-2's and most hosted models') never needs more
 * tokens than bytes, so prompt budgeting with it is conservative — it can leave room
 * unused, never overflow the window — and decode(encode(text)) gives the text back.
 */
import type { TextTokenizer } from '../../contracts/text-generator.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const byteTokenizer: TextTokenizer = {
  encode: (text) => Array.from(encoder.encode(text)),
  decode: (ids) => decoder.decode(Uint8Array.from(ids)),
};
