import type { ExperimentVariant, GuardCategoryName } from '@cowrite/elements';
import type { StoredMetric } from '../metrics-store.ts';

export interface TimeBucket {
  start: number;
  shown: number;
  accepted: number;
  /** accepted / shown, or undefined when nothing was shown. */
  rate: number | undefined;
}

export interface ArmSummary {
  started: number;
  submitted: number;
  /** submitted / started (capped at 1), or undefined when nobody started. */
  completion: number | undefined;
  averageLength: number | undefined;
}

export interface DashboardSummary {
  shown: number;
  accepted: number;
  acceptanceRate: number | undefined;
  keystrokesSaved: number;
  /** Characters in submitted reviews: what keystrokes saved is measured against. */
  reviewChars: number;
  savedShare: number | undefined;
  submitted: number;
  acceptanceOverTime: TimeBucket[];
  arms: Record<ExperimentVariant, ArmSummary>;
  guard: Record<GuardCategoryName, number>;
  sharePosts: { created: number; shared: number };
  copy: { generated: number; published: number; edited: number };
}

const ratio = (a: number, b: number): number | undefined => (b > 0 ? Math.min(1, a / b) : undefined);

/** Splits the span of the records into at most `buckets` equal steps of whole minutes. */
function bucketsOf(records: readonly StoredMetric[], buckets: number): TimeBucket[] {
  const times = records.map((r) => r.t);
  if (!times.length) return [];
  const first = Math.min(...times);
  const last = Math.max(...times);
  const step = Math.max(60_000, Math.ceil((last - first + 1) / buckets / 60_000) * 60_000);
  const start = Math.floor(first / 60_000) * 60_000;
  const count = Math.floor((last - start) / step) + 1;
  const out: TimeBucket[] = Array.from({ length: count }, (_, i) => ({ start: start + i * step, shown: 0, accepted: 0, rate: undefined }));
  for (const { t, m } of records) {
    const bucket = out[Math.floor((t - start) / step)];
    if (m.name === 'suggestion-shown') bucket.shown += 1;
    if (m.name === 'suggestion-accepted') bucket.accepted += 1;
  }
  for (const bucket of out) bucket.rate = ratio(bucket.accepted, bucket.shown);
  return out;
}

/** Everything the dashboard draws, from the stored metrics. */
export function summarize(records: readonly StoredMetric[], buckets = 12): DashboardSummary {
  const arms: Record<ExperimentVariant, ArmSummary & { lengthSum: number }> = {
    treatment: { started: 0, submitted: 0, completion: undefined, averageLength: undefined, lengthSum: 0 },
    control: { started: 0, submitted: 0, completion: undefined, averageLength: undefined, lengthSum: 0 },
    none: { started: 0, submitted: 0, completion: undefined, averageLength: undefined, lengthSum: 0 },
  };
  const guard: Record<GuardCategoryName, number> = { claim: 0, bias: 0, profanity: 0, pii: 0, other: 0 };
  const s = { shown: 0, accepted: 0, saved: 0, reviewChars: 0, submitted: 0, created: 0, shared: 0, generated: 0, published: 0, edited: 0 };
  for (const { m } of records) {
    switch (m.name) {
      case 'suggestion-shown':
        s.shown += 1;
        break;
      case 'suggestion-accepted':
        s.accepted += 1;
        break;
      case 'review-started':
        arms[m.variant].started += 1;
        break;
      case 'review-submitted':
        arms[m.variant].submitted += 1;
        arms[m.variant].lengthSum += m.length;
        s.submitted += 1;
        s.saved += m.keystrokesSaved;
        s.reviewChars += m.length;
        break;
      case 'guard-findings':
        for (const category of Object.keys(guard) as GuardCategoryName[]) guard[category] += m[category];
        break;
      case 'share-post-created':
        s.created += 1;
        break;
      case 'share-post-shared':
        s.shared += 1;
        break;
      case 'copy-generated':
        s.generated += m.candidates;
        break;
      case 'copy-published':
        s.published += 1;
        break;
      case 'copy-edited':
        s.edited += 1;
        break;
      default:
        break;
    }
  }
  const armSummary = (arm: ArmSummary & { lengthSum: number }): ArmSummary => ({
    started: arm.started,
    submitted: arm.submitted,
    completion: ratio(arm.submitted, arm.started),
    averageLength: arm.submitted ? Math.round(arm.lengthSum / arm.submitted) : undefined,
  });
  return {
    shown: s.shown,
    accepted: s.accepted,
    acceptanceRate: ratio(s.accepted, s.shown),
    keystrokesSaved: s.saved,
    reviewChars: s.reviewChars,
    savedShare: ratio(s.saved, s.reviewChars),
    submitted: s.submitted,
    acceptanceOverTime: bucketsOf(records, buckets),
    arms: { treatment: armSummary(arms.treatment), control: armSummary(arms.control), none: armSummary(arms.none) },
    guard,
    sharePosts: { created: s.created, shared: s.shared },
    copy: { generated: s.generated, published: s.published, edited: s.edited },
  };
}
