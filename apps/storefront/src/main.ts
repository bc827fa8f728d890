import '@cowrite/elements/define';
import { pageEngineSource } from '@cowrite/elements';
import type { CwFeedbackSummary, CwIdeaForm, CwReviewComposer, CwSuggestedCopy, CopyAcceptDetail, IdeaSubmitDetail } from '@cowrite/elements';
import { loadPageEngine } from './engine-setup.ts';
import { GALLERY_VIEWS, jacketArt } from './gallery.ts';
import type { GalleryView } from './gallery.ts';
import { chooseModel, localChoice, phraseChoice } from './model-choice.ts';
import type { ModelChoice } from './model-choice.ts';
import { COPY_ATTRIBUTES, EXISTING_IDEAS, PRODUCT } from './product.ts';
import { SEEDED_REVIEWS } from './reviews.ts';
import type { StoredReview } from './reviews.ts';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

function create<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

// ── Model: the hub by default, a one-click switch to the local test model when it cannot be reached ──

let modelChoice: ModelChoice = chooseModel(location.search, import.meta.env);

function showModelChoice(): void {
  byId('model-source').textContent = modelChoice.label;
  // The local test model has random weights: every token is improbable, so its ghost text would never
  // pass the confidence gate. Show it anyway so the co-writing UX can be tried.
  const reviewComposer = document.querySelector<CwReviewComposer>('cw-review-composer');
  // Other models use the threshold calibrated for them and stored with them (the phrase model's), else 0.2.
  if (reviewComposer) reviewComposer.minConfidence = modelChoice.kind === 'local' ? 0 : undefined;
  byId('model-notice').hidden = true;
  void loadPageEngine(modelChoice);
}

// Set when the hub could not be reached and the built-in phrase model took over.
let hubUnreachable = false;

pageEngineSource.addEventListener('change', () => {
  // Offline, the built-in phrase model takes over at once: real shopper phrases instead of nothing.
  if (pageEngineSource.status === 'error' && modelChoice.kind === 'hub' && !new URLSearchParams(location.search).has('model')) {
    hubUnreachable = true;
    modelChoice = phraseChoice('GPT-2 could not be downloaded');
    showModelChoice();
  }
  const failed = pageEngineSource.status === 'error' && modelChoice.kind !== 'local';
  const notice = failed || (hubUnreachable && modelChoice.kind === 'phrase');
  byId('model-notice').hidden = !notice;
  if (notice) {
    byId('model-notice-text').textContent =
      `${modelChoice.kind === 'hub' || hubUnreachable ? 'GPT-2 could not be downloaded from the Hugging Face hub (offline, or blocked by a firewall).' : 'The self-hosted model could not be loaded.'} ` +
      (hubUnreachable ? 'Review suggestions come from the built-in review phrase model; "Help me write" for product copy and ideas needs GPT-2. ' : '') +
      'Or switch to the small test model this demo serves itself: its weights are random, so suggestions read as word salad, but every feature works. ' +
      'To run a real GPT-2 offline, host a copy and open this page with ?model=/models/gpt2/ (see the README).';
  }
});

byId('use-local-model').addEventListener('click', () => {
  modelChoice = localChoice();
  const url = new URL(location.href);
  url.searchParams.set('model', 'local');
  history.replaceState(null, '', url);
  showModelChoice();
});

showModelChoice();

// ── Gallery, color and size ──

let colorIndex = 0;
let view: GalleryView = 'front';

function renderGallery(): void {
  const colors = PRODUCT.colors[colorIndex];
  const label = GALLERY_VIEWS.find((entry) => entry.view === view)?.label ?? '';
  byId('gallery-main').replaceChildren(jacketArt(view, colors, 'main', `${PRODUCT.name} in ${colors.name}: ${label}`));
  byId('gallery-thumbs').replaceChildren(
    ...GALLERY_VIEWS.map((entry) => {
      const button = create('button', 'thumb');
      button.type = 'button';
      button.setAttribute('aria-label', entry.label);
      button.setAttribute('aria-pressed', String(entry.view === view));
      button.append(jacketArt(entry.view, colors, `thumb-${entry.view}`, ''));
      button.addEventListener('click', () => {
        view = entry.view;
        renderGallery();
      });
      return button;
    }),
  );
  byId('color-name').textContent = colors.name;
  byId('swatches').replaceChildren(
    ...PRODUCT.colors.map((color, index) => {
      const label = create('label', 'swatch');
      const input = create('input');
      input.type = 'radio';
      input.name = 'color';
      input.value = color.name;
      input.checked = index === colorIndex;
      input.setAttribute('aria-label', color.name);
      input.addEventListener('change', () => {
        colorIndex = index;
        renderGallery();
      });
      const dot = create('span', `swatch-dot swatch-${color.name.toLowerCase()}`);
      label.append(input, dot);
      return label;
    }),
  );
}

function renderSizes(): void {
  byId('sizes').replaceChildren(
    ...PRODUCT.sizes.map((size) => {
      const label = create('label', 'size');
      const input = create('input');
      input.type = 'radio';
      input.name = 'size';
      input.value = size;
      input.checked = size === 'M';
      label.append(input, create('span', undefined, size));
      return label;
    }),
  );
}

byId('add-to-cart').addEventListener('click', () => {
  const count = byId('add-to-cart').ownerDocument.querySelector('.cart-count');
  if (count) count.textContent = String(Number(count.textContent) + 1);
});

// ── Description with the merchant's suggested copy ──

const copy = byId<CwSuggestedCopy>('suggested-copy');
copy.product = COPY_ATTRIBUTES;
byId('description-text').textContent = PRODUCT.description;
byId<HTMLInputElement>('merchant-view').addEventListener('change', (event) => {
  byId('merchant-panel').hidden = !(event.target as HTMLInputElement).checked;
});
byId<HTMLSelectElement>('copy-kind').addEventListener('change', (event) => {
  copy.kind = (event.target as HTMLSelectElement).value as CwSuggestedCopy['kind'];
});
// A chosen candidate is "published" where that kind of copy lives on the page.
copy.addEventListener('cw-copy-accept', (event) => {
  const { text, kind } = (event as CustomEvent<CopyAcceptDetail>).detail;
  if (kind === 'headline') byId('tagline').textContent = text;
  else if (kind === 'social') {
    byId('social-text').textContent = text;
    byId('social-preview').hidden = false;
  } else byId('description-text').textContent = text;
});

// ── Reviews: list, summary, composer ──

const reviews: StoredReview[] = [...SEEDED_REVIEWS];
const REVIEWS_SHOWN = 6;
let showAllReviews = false;

byId('show-all-reviews').addEventListener('click', () => {
  showAllReviews = true;
  renderReviews();
});

// A quote in the summary links to its review: make sure that review is rendered.
byId('feedback-summary').addEventListener('cw-quote-select', () => {
  if (showAllReviews) return;
  showAllReviews = true;
  renderReviews();
});

function stars(rating: number): string {
  return '★★★★★'.slice(0, Math.round(rating)) + '☆☆☆☆☆'.slice(0, 5 - Math.round(rating));
}

function renderReviews(): void {
  const average = reviews.reduce((sum, review) => sum + review.rating, 0) / reviews.length;
  byId('average-stars').textContent = stars(average);
  byId('average-text').textContent = `${average.toFixed(1)} · ${reviews.length} reviews`;
  byId<CwFeedbackSummary>('feedback-summary').reviews = reviews.map(({ id, text, rating }) => ({ id, text, rating, href: `#${id}` }));
  const visible = showAllReviews ? reviews : reviews.slice(0, REVIEWS_SHOWN);
  const showAll = byId<HTMLButtonElement>('show-all-reviews');
  showAll.hidden = showAllReviews || reviews.length <= REVIEWS_SHOWN;
  showAll.textContent = `Show all ${reviews.length} reviews`;
  byId('review-list').replaceChildren(
    ...visible.map((review) => {
      const item = create('li', 'review');
      item.id = review.id;
      item.lang = review.lang;
      const head = create('div', 'review-head');
      const rating = create('span', 'stars', stars(review.rating));
      rating.setAttribute('aria-label', `${review.rating} out of 5 stars`);
      head.append(rating, create('strong', undefined, review.author), create('time', undefined, review.date));
      item.append(head, create('p', undefined, review.text));
      return item;
    }),
  );
}

const reviewForm = byId<HTMLFormElement>('review-form');
const composer = reviewForm.querySelector('cw-review-composer') as CwReviewComposer;
reviewForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(reviewForm);
  const text = String(data.get('review') ?? '').trim();
  const author = String(data.get('author') ?? '').trim() || 'Anonymous';
  const review: StoredReview = {
    id: `r${Date.now()}`,
    author,
    date: new Date().toISOString().slice(0, 10),
    rating: Number(data.get('rating')) || 5,
    text,
    lang: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en',
  };
  reviews.unshift(review);
  renderReviews();
  composer.clearSavedDraft();
  reviewForm.reset();
  byId('review-status').textContent = `Thanks, ${author}! Your review is live.`;
});

// ── Ideas lab ──

const ideas = EXISTING_IDEAS.map((idea) => ({ ...idea, status: 'Open' }));
const ideaForm = byId<CwIdeaForm>('idea-form');
ideaForm.categories = [
  { value: 'new-product', label: 'New product' },
  { value: 'improvement', label: 'Improve this jacket' },
  { value: 'color', label: 'Color or fabric' },
  { value: 'sustainability', label: 'Sustainability' },
];
ideaForm.ideas = ideas;

function renderIdeas(): void {
  byId('idea-board').replaceChildren(
    ...[...ideas]
      .sort((a, b) => b.votes - a.votes)
      .map((idea) => {
        const item = create('li', 'idea');
        const vote = create('button', 'vote', `▲ ${idea.votes}`);
        vote.type = 'button';
        vote.setAttribute('aria-label', `Vote for ${idea.title}, ${idea.votes} votes`);
        vote.addEventListener('click', () => {
          idea.votes += 1;
          renderIdeas();
        });
        const body = create('div');
        body.append(create('strong', undefined, idea.title), create('p', undefined, idea.description));
        item.append(vote, body, create('span', 'status', idea.status));
        return item;
      }),
  );
}

ideaForm.addEventListener('cw-idea-submit', (event) => {
  const { title, description } = (event as CustomEvent<IdeaSubmitDetail>).detail;
  ideas.push({ id: `i${Date.now()}`, title, description, votes: 1, status: 'New' });
  ideaForm.ideas = [...ideas];
  renderIdeas();
  ideaForm.value = '';
  ideaForm.description = '';
  byId('idea-status').textContent = `Thanks! “${title}” is on the board.`;
});

renderGallery();
renderSizes();
renderReviews();
renderIdeas();
