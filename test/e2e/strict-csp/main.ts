// The strict-CSP page's only script: defines the elements and gives the summary its reviews.
import '@cowrite/elements/define';

window.addEventListener('securitypolicyviolation', (event) => {
  const log = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
  log.push(`${event.effectiveDirective} ${event.blockedURI}`);
});

const reviews = [
  { text: 'The jacket is warm and the fit is great. Love the hood.', rating: 5 },
  { text: 'Shipping was slow and the zipper broke after a week.', rating: 2 },
  { text: 'Good quality for the price, comfortable and light.', rating: 4 },
  { text: 'The sleeves are too long and the fabric feels cheap.', rating: 2 },
  { text: 'Arrived quickly. Warm, soft and well made.', rating: 5 },
];
const summary = document.querySelector('cw-feedback-summary') as HTMLElement & { reviews: unknown };
summary.reviews = reviews;

// For the test: a direct load in this page, to read the typed error's code.
(window as unknown as { tryLoadModel: () => Promise<string | undefined> }).tryLoadModel = async () => {
  const { loadModel } = await import('@cowrite/core');
  return loadModel({ source: '/models/tiny-gpt2/', cache: 'none' }).then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );
};

// For the test: the Worker engine alone (no fallback), to read why it could not start.
(window as unknown as { tryWorkerEngine: () => Promise<string | undefined> }).tryWorkerEngine = async () => {
  const { createWorkerEngine } = await import('@cowrite/core');
  return createWorkerEngine({ source: '/models/tiny-gpt2/', cache: 'none' }).then(
    (engine) => void engine.dispose(),
    (error: { code?: string }) => error.code,
  );
};
