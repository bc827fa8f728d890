export { analyzeSentiment } from './analyze-default.ts';
export { createSentimentAnalyzer, type SentimentAnalyzer, type AnalyzerTuning } from './analyze.ts';
export { summarizeFeedback } from './summarize.ts';
export { loadSentimentModel, type LoadSentimentModelOptions } from './learned/load-model.ts';
export { unloadSentimentModels } from './learned/model-registry.ts';
export { SentimentInputError, type SentimentInputErrorCode } from './errors.ts';
export { englishPack } from './lexicon-en.ts';
export { chinesePack } from './lexicon-zh.ts';
export type { LanguagePack, LexiconEntry } from './lexicon-types.ts';
export type {
  AnalyzeSentimentOptions,
  AspectName,
  AspectSentiment,
  AspectSummary,
  FeedbackHighlight,
  FeedbackQuote,
  FeedbackSummary,
  InsufficientFeedback,
  ReviewInput,
  SentenceSentiment,
  SentimentCue,
  SentimentDistribution,
  SentimentLabel,
  SentimentLanguage,
  SentimentResult,
  SummarizeFeedbackOptions,
  TextSpan,
} from './types.ts';
