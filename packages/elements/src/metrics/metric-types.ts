/**
 * Co-creation metrics: one `cw-metric` DOM event whose `detail` is a `CwMetric`.
 * Every field is a number, a boolean or a value from a fixed list: no event ever carries
 * text, names, emails or numbers the shopper typed. `cw-metric.schema.json` is the same
 * contract as JSON Schema, for pipelines that validate what they receive.
 */

/** The element that emitted the metric (its tag without `cw-`). */
export type MetricElement = 'review-composer' | 'suggested-copy' | 'share-post' | 'idea-form' | 'feedback-summary' | 'model-status' | 'engine-provider';

/** Experiment arm: `control` sessions get no suggestions; `none` when no experiment runs. */
export type ExperimentVariant = 'treatment' | 'control' | 'none';

export type GuardCategoryName = 'claim' | 'bias' | 'profanity' | 'pii' | 'other';

/** Fields every metric has. */
export interface MetricBase {
  /** Schema version of the event shape. */
  v: 1;
  element: MetricElement;
  variant: ExperimentVariant;
  /** The element's language. */
  lang: 'en' | 'zh' | 'other';
  /** Milliseconds since the element was connected (relative: no clock time of the shopper's day). */
  at: number;
}

export interface SuggestionShownMetric extends MetricBase {
  name: 'suggestion-shown';
  source: 'continuation' | 'help';
  /** Characters in the ghost text. */
  length: number;
  /** From the shopper's last edit (or the help click) to the suggestion on screen. */
  latencyMs: number;
}

export interface SuggestionAcceptedMetric extends MetricBase {
  name: 'suggestion-accepted';
  /** `whole`: Tab; `word`: Ctrl+→ (one word). */
  mode: 'whole' | 'word';
  /** Characters inserted. */
  length: number;
  /** Characters inserted minus the one key that accepted them. */
  keystrokesSaved: number;
}

export interface SuggestionDismissedMetric extends MetricBase {
  name: 'suggestion-dismissed';
  reason: 'escape' | 'typing' | 'caret' | 'blur' | 'replaced';
  length: number;
  /** How long the suggestion was on screen. */
  visibleMs: number;
}

export interface ReviewStartedMetric extends MetricBase {
  name: 'review-started';
}

export interface ReviewSubmittedMetric extends MetricBase {
  name: 'review-submitted';
  /** From the first key to the submit. */
  durationMs: number;
  /** Characters in the review. */
  length: number;
  suggestionsShown: number;
  suggestionsAccepted: number;
  /** Characters that came from accepted suggestions. */
  acceptedChars: number;
  keystrokesSaved: number;
  /** 0 when the shopper gave no rating. */
  rating: number;
}

export interface HelpMeWriteMetric extends MetricBase {
  name: 'help-me-write';
  /** Topics chosen when the shopper asked. */
  topics: number;
}

export interface TopicChipMetric extends MetricBase {
  name: 'topic-chip';
  selected: boolean;
  /** Topics chosen after this click. */
  topics: number;
}

export interface GuardFindingsMetric extends MetricBase {
  name: 'guard-findings';
  /** What was checked: a review held back on submit, a copy candidate, a share post. */
  stage: 'submit' | 'copy-candidate' | 'share-post' | 'idea-refinement';
  claim: number;
  bias: number;
  profanity: number;
  pii: number;
  other: number;
}

export interface CopyGeneratedMetric extends MetricBase {
  name: 'copy-generated';
  kind: 'description' | 'headline' | 'social';
  /** Candidates that finished with text. */
  candidates: number;
}

export interface CopyPublishedMetric extends MetricBase {
  name: 'copy-published';
  kind: 'description' | 'headline' | 'social';
  /** 0-based position of the chosen candidate. */
  index: number;
  length: number;
}

export interface CopyEditedMetric extends MetricBase {
  name: 'copy-edited';
  /** Levenshtein distance between the chosen candidate and the merchant's edit. */
  editDistance: number;
  length: number;
}

export interface SharePostCreatedMetric extends MetricBase {
  name: 'share-post-created';
  length: number;
  findings: number;
}

export interface SharePostSharedMetric extends MetricBase {
  name: 'share-post-shared';
  channel: 'native' | 'copy' | 'link';
  /** The network's id for `link` (a built-in id, else `custom`). */
  network: 'x' | 'facebook' | 'linkedin' | 'whatsapp' | 'telegram' | 'reddit' | 'email' | 'weibo' | 'qzone' | 'douban' | 'custom' | 'none';
  length: number;
  /** Levenshtein distance between the model's post and what was shared. */
  editDistance: number;
}

export interface IdeaRefinedMetric extends MetricBase {
  name: 'idea-refined';
  /** Guard findings in the suggested rewrite. */
  findings: number;
}

export interface SimilarIdeasMetric extends MetricBase {
  name: 'similar-ideas';
  /** Similar ideas shown while the title was typed. */
  count: number;
}

export interface IdeaSubmittedMetric extends MetricBase {
  name: 'idea-submitted';
  titleLength: number;
  descriptionLength: number;
  /** Which parts of the suggested rewrite the shopper kept. */
  usedTitle: boolean;
  usedDescription: boolean;
}

export type CwMetric =
  | SuggestionShownMetric
  | SuggestionAcceptedMetric
  | SuggestionDismissedMetric
  | ReviewStartedMetric
  | ReviewSubmittedMetric
  | HelpMeWriteMetric
  | TopicChipMetric
  | GuardFindingsMetric
  | CopyGeneratedMetric
  | CopyPublishedMetric
  | CopyEditedMetric
  | SharePostCreatedMetric
  | SharePostSharedMetric
  | IdeaRefinedMetric
  | SimilarIdeasMetric
  | IdeaSubmittedMetric;

export type MetricName = CwMetric['name'];

/** What a recipe hands to `emit`: the metric without the fields every metric gets. */
export type MetricFields = CwMetric extends infer M ? (M extends CwMetric ? Omit<M, keyof MetricBase> : never) : never;

declare global {
  interface HTMLElementEventMap {
    'cw-metric': CustomEvent<CwMetric>;
  }
}
