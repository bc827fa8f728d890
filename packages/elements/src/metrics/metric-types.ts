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

/** A guard finding's category in metrics; a category core does not define counts as `other`. */
export type GuardCategoryName = 'claim' | 'bias' | 'profanity' | 'pii' | 'other';

/** Fields every metric has. */
export interface MetricBase {
  /** Schema version of the event shape. */
  v: 1;
  /** Which element emitted the metric. */
  element: MetricElement;
  /** The experiment arm of this session. */
  variant: ExperimentVariant;
  /** The element's language. */
  lang: 'en' | 'zh' | 'other';
  /** Milliseconds since the element was connected (relative: no clock time of the shopper's day). */
  at: number;
}

/** A suggestion appeared in the review composer. */
export interface SuggestionShownMetric extends MetricBase {
  /** Metric name. */
  name: 'suggestion-shown';
  /** `continuation` (while typing) or `help` ("Help me write"). */
  source: 'continuation' | 'help';
  /** Characters in the ghost text. */
  length: number;
  /** From the shopper's last edit (or the help click) to the suggestion on screen. */
  latencyMs: number;
}

/** A suggestion (or one word of it) was accepted. */
export interface SuggestionAcceptedMetric extends MetricBase {
  /** Metric name. */
  name: 'suggestion-accepted';
  /** `whole`: Tab; `word`: Ctrl+→ (one word). */
  mode: 'whole' | 'word';
  /** Characters inserted. */
  length: number;
  /** Characters inserted minus the one key that accepted them. */
  keystrokesSaved: number;
}

/** A suggestion went away unaccepted. */
export interface SuggestionDismissedMetric extends MetricBase {
  /** Metric name. */
  name: 'suggestion-dismissed';
  /** Why it went away; see `SuggestionDismissReason`. */
  reason: 'escape' | 'typing' | 'caret' | 'blur' | 'replaced';
  /** Characters in the suggestion. */
  length: number;
  /** How long the suggestion was on screen. */
  visibleMs: number;
}

/** The shopper started a review (first input since the last submit). */
export interface ReviewStartedMetric extends MetricBase {
  /** Metric name. */
  name: 'review-started';
}

/** A review was submitted (the guard did not hold it back). */
export interface ReviewSubmittedMetric extends MetricBase {
  /** Metric name. */
  name: 'review-submitted';
  /** From the first key to the submit. */
  durationMs: number;
  /** Characters in the review. */
  length: number;
  /** Suggestions shown while this review was written. */
  suggestionsShown: number;
  /** Accepts while this review was written (a one-word accept counts as one). */
  suggestionsAccepted: number;
  /** Characters that came from accepted suggestions. */
  acceptedChars: number;
  /** Characters inserted by accepts, minus the one key each accept took. */
  keystrokesSaved: number;
  /** 0 when the shopper gave no rating. */
  rating: number;
}

/** The shopper asked "Help me write". */
export interface HelpMeWriteMetric extends MetricBase {
  /** Metric name. */
  name: 'help-me-write';
  /** Topics chosen when the shopper asked. */
  topics: number;
}

/** The shopper toggled a topic chip. */
export interface TopicChipMetric extends MetricBase {
  /** Metric name. */
  name: 'topic-chip';
  /** True when the click selected the topic, false when it deselected it. */
  selected: boolean;
  /** Topics chosen after this click. */
  topics: number;
}

/** Guard findings, counted per category (never the flagged words). */
export interface GuardFindingsMetric extends MetricBase {
  /** Metric name. */
  name: 'guard-findings';
  /** What was checked: a review held back on submit, a copy candidate, a share post. */
  stage: 'submit' | 'copy-candidate' | 'share-post' | 'idea-refinement';
  /** Unverifiable or unsupported claims. */
  claim: number;
  /** Biased language. */
  bias: number;
  /** Profanity. */
  profanity: number;
  /** Personal data. */
  pii: number;
  /** Findings of any other category (from a replacement guard service). */
  other: number;
}

/** A round of copy candidates finished. */
export interface CopyGeneratedMetric extends MetricBase {
  /** Metric name. */
  name: 'copy-generated';
  /** Which copy was generated. */
  kind: 'description' | 'headline' | 'social';
  /** Candidates that finished with text. */
  candidates: number;
}

/** The merchant chose a copy candidate. */
export interface CopyPublishedMetric extends MetricBase {
  /** Metric name. */
  name: 'copy-published';
  /** Which copy was chosen. */
  kind: 'description' | 'headline' | 'social';
  /** 0-based position of the chosen candidate. */
  index: number;
  /** Characters in the chosen text. */
  length: number;
}

/** The merchant edited the chosen copy (reported on blur or submit). */
export interface CopyEditedMetric extends MetricBase {
  /** Metric name. */
  name: 'copy-edited';
  /** Levenshtein distance between the chosen candidate and the merchant's edit. */
  editDistance: number;
  /** Characters in the edited text. */
  length: number;
}

/** A share post was written. */
export interface SharePostCreatedMetric extends MetricBase {
  /** Metric name. */
  name: 'share-post-created';
  /** Characters in the post. */
  length: number;
  /** Guard findings in the post. */
  findings: number;
}

/** The shopper shared a post. */
export interface SharePostSharedMetric extends MetricBase {
  /** Metric name. */
  name: 'share-post-shared';
  /** `native` (share sheet), `copy` (clipboard) or `link` (a network's share link). */
  channel: 'native' | 'copy' | 'link';
  /** The network's id for `link` (a built-in id, else `custom`). */
  network: 'x' | 'facebook' | 'linkedin' | 'whatsapp' | 'telegram' | 'reddit' | 'email' | 'weibo' | 'qzone' | 'douban' | 'custom' | 'none';
  /** Characters in the shared text. */
  length: number;
  /** Levenshtein distance between the model's post and what was shared. */
  editDistance: number;
}

/** A rewrite of the shopper's idea was suggested. */
export interface IdeaRefinedMetric extends MetricBase {
  /** Metric name. */
  name: 'idea-refined';
  /** Guard findings in the suggested rewrite. */
  findings: number;
}

/** Similar existing ideas were shown. */
export interface SimilarIdeasMetric extends MetricBase {
  /** Metric name. */
  name: 'similar-ideas';
  /** Similar ideas shown while the title was typed. */
  count: number;
}

/** An idea was submitted. */
export interface IdeaSubmittedMetric extends MetricBase {
  /** Metric name. */
  name: 'idea-submitted';
  /** Characters in the submitted title. */
  titleLength: number;
  /** Characters in the submitted description. */
  descriptionLength: number;
  /** Which parts of the suggested rewrite the shopper kept. */
  usedTitle: boolean;
  /** True when the submitted description is the suggested one unchanged (trimmed). */
  usedDescription: boolean;
}

/** The `detail` of a `cw-metric` event; switch on `name`. */
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

/** Every metric name. */
export type MetricName = CwMetric['name'];

/** What a recipe hands to `emit`: the metric without the fields every metric gets. */
export type MetricFields = CwMetric extends infer M ? (M extends CwMetric ? Omit<M, keyof MetricBase> : never) : never;

declare global {
  interface HTMLElementEventMap {
    'cw-metric': CustomEvent<CwMetric>;
  }
}
