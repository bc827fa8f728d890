import { collectMetrics, setExperiment } from '@cowrite/elements';
import type { CwSharePost } from '@cowrite/elements';
import { addMetric } from './metrics-store.ts';
import { COPY_ATTRIBUTES, PRODUCT } from './product.ts';

/**
 * The co-creation loop on the demo page: every `cw-metric` goes to the demo's own log (read by
 * dashboard.html), `?experiment=NAME&control=0.5` runs a holdout experiment for this browser's
 * visitor id (or `&visitor=ID`), and a posted review can become a share post.
 */
export function startCoCreation(): void {
  const params = new URLSearchParams(location.search);
  const experiment = params.get('experiment');
  if (experiment) {
    let visitorId = params.get('visitor') ?? localStorage.getItem('cowrite-demo:visitor');
    if (!visitorId) {
      visitorId = crypto.randomUUID();
      localStorage.setItem('cowrite-demo:visitor', visitorId);
    }
    setExperiment({ name: experiment, controlShare: Math.min(1, Math.max(0, Number(params.get('control') ?? '0.5') || 0)), visitorId });
  }
  collectMetrics((metric) => addMetric(metric));

  const share = document.querySelector<CwSharePost>('cw-share-post');
  const reviewForm = document.getElementById('review-form') as HTMLFormElement | null;
  if (!share || !reviewForm) return;
  share.product = PRODUCT.name;
  share.facts = COPY_ATTRIBUTES.features;
  share.url = `${location.origin}${location.pathname}`;
  // Capture: read the review before the page's own handler resets the form. A submit the guard
  // holds back never gets here (the composer stops it first).
  reviewForm.addEventListener(
    'submit',
    () => {
      const text = String(new FormData(reviewForm).get('review') ?? '').trim();
      if (text) share.review = text;
    },
    { capture: true },
  );
}
