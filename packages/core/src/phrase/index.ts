export { PhraseModel } from './phrase-model.ts';
export { loadPhraseModel, REVIEW_PHRASES_EN_URL, type LoadPhraseModelOptions } from './load-phrase-model.ts';
export type { PhraseModelHeader } from './packed-format.ts';
export { WordPieceTokenizer } from './word-tokenizer.ts';
