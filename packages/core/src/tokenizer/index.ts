export { Gpt2Tokenizer } from './gpt2-tokenizer.ts';
