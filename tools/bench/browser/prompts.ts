/**
 * Prompts of an exact GPT-2 token length, as text (for runners with a tokenizer) and ids (for the
 * bare loop). Each `variant` starts differently, so no prompt shares a prefix with another and
 * Cowrite's KV prefix reuse cannot shorten a measured prefill.
 */
import { Tokenizer } from '@huggingface/tokenizers';
import { buildGpt2TokenizerFiles } from '../../gpt2/tokenizer-files.ts';

const WORDS = (
  'the jacket kept me warm on a windy walk and the zipper runs smooth while the sleeves are a little long for my arms ' +
  'I ordered a medium after reading the size chart the fabric feels soft but sturdy and the colour matches the photos ' +
  'shipping took four days the box arrived dented yet nothing inside was damaged pockets are deep enough for a phone'
).split(' ');
const OPENERS = ['Honestly', 'Overall', 'After', 'My', 'This', 'We', 'Great', 'Sadly', 'Second', 'For', 'Lovely', 'Okay'];

export interface BenchPrompt {
  text: string;
  ids: number[];
}

export async function makePromptFactory(): Promise<(tokens: number, variant: number) => BenchPrompt> {
  const files = await buildGpt2TokenizerFiles();
  const tokenizer = new Tokenizer(JSON.parse(files['tokenizer.json']) as object, JSON.parse(files['tokenizer_config.json']) as object);
  return (tokens, variant) => {
    const words = [OPENERS[variant % OPENERS.length]];
    for (let i = 0; words.length < tokens * 2; i++) words.push(WORDS[(i * 7 + variant * 13) % WORDS.length]);
    const ids = tokenizer.encode(words.join(' ')).ids.slice(0, tokens);
    const text = tokenizer.decode(ids);
    const again = tokenizer.encode(text).ids;
    if (again.length !== tokens) throw new Error(`prompt of ${tokens} tokens re-encodes to ${again.length}`);
    return { text, ids: again };
  };
}
