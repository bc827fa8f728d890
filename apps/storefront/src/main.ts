import '@cowrite/elements/define';
import { pageEngineSource } from '@cowrite/elements';
import type { CwFeedbackSummary, CwIdeaForm, CwReviewComposer, CwSuggestedCopy, CopyAcceptDetail, IdeaSubmitDetail } from '@cowrite/elements';
import { startCoCreation } from './co-creation.ts';
import { loadPageEngine } from './engine-setup.ts';
import { GALLERY_VIEWS, jacketArt } from './gallery.ts';
import type { GalleryView } from './gallery.ts';
import { applyLanguage, chooseLanguage, currentLanguage, savedLanguage, t } from './i18n.ts';
import type { DemoLanguage, DemoTextKey } from './i18n.ts';
import { chooseModel, localChoice, phraseChoice } from './model-choice.ts';
import type { ModelChoice } from './model-choice.ts';
import { setUpThemeToggle } from './theme.ts';
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

// ── Language and theme: one switch changes the page and (through <html lang>) every widget ──

applyLanguage(chooseLanguage(location.search, navigator.languages, savedLanguage()), false);
const languageSelect = byId<HTMLSelectElement>('language');
languageSelect.value = currentLanguage();
languageSelect.addEventListener('change', () => {
  applyLanguage(languageSelect.value as DemoLanguage, true);
  renderLanguageDependent();
});
setUpThemeToggle(byId<HTMLButtonElement>('theme-toggle'));

// ── Model: the hub by default, a one-click switch to the local test model when it cannot be reached ──

let modelChoice: ModelChoice = chooseModel(location.search, import.meta.env);

function modelLabel(choice: ModelChoice): string {
  if (choice.kind === 'local') return t('modelLocal');
  if (choice.kind === 'phrase') return t('modelPhrase');
  if (choice.kind === 'hub') return t('modelHub', { hub: typeof choice.source === 'object' && 'hub' in choice.source ? choice.source.hub : '', dtype: choice.dtype });
  return t('modelCustom', { model: String(choice.source) });
}

/** The model bar and the messages that depend on the model: said once, and true for the model in use. */
function renderModelState(): void {
  byId('model-source').textContent = modelLabel(modelChoice);
  const local = modelChoice.kind === 'local';
  const failed = pageEngineSource.status === 'error' && !local;
  const phraseTookOver = hubUnreachable && modelChoice.kind === 'phrase';
  byId('model-notice').hidden = !(failed || phraseTookOver);
  if (failed || phraseTookOver) {
    byId('model-notice-text').textContent = [
      modelChoice.kind === 'custom' ? t('noticeCustomFailed') : t('noticeHubFailed'),
      phraseTookOver ? t('noticePhrase') : '',
      phraseTookOver ? t('noticeOfferShort') : t('noticeOffer'),
      t('noticeSelfHost'),
    ]
      .filter(Boolean)
      // Chinese sentences end in 。 and take no space between them.
      .join(currentLanguage() === 'zh' ? '' : ' ');
  }
  byId('local-model-note').hidden = !local;
  // The local test model's random words never make a sentence, so its copy comes back empty: say why, plainly.
  // (For the phrase model, the elements say by themselves that copy, share posts and idea rewrites need GPT-2.)
  byId<CwSuggestedCopy>('suggested-copy').strings = local ? { copyEmpty: t('copyNeedsGpt2') } : undefined;
}

function showModelChoice(): void {
  // The local test model has random weights: every token is improbable, so its ghost text would never
  // pass the confidence gate. Show it anyway so the co-writing UX can be tried.
  const reviewComposer = document.querySelector<CwReviewComposer>('cw-review-composer');
  // Other models use the threshold calibrated for them and stored with them (the phrase model's), else 0.2.
  if (reviewComposer) reviewComposer.minConfidence = modelChoice.kind === 'local' ? 0 : undefined;
  renderModelState();
  void loadPageEngine(modelChoice);
  // GPT-2 is a 125 MB download: the built-in phrase model's words show at once, and GPT-2 extends them when ready.
  if (reviewComposer) reviewComposer.quickModel = modelChoice.kind === 'hub' || modelChoice.kind === 'custom' ? 'phrase' : undefined;
}

function switchModel(choice: ModelChoice, param: string | undefined): void {
  modelChoice = choice;
  const url = new URL(location.href);
  if (param) url.searchParams.set('model', param);
  else url.searchParams.delete('model');
  history.replaceState(null, '', url);
  showModelChoice();
}

// Set when the hub could not be reached and the built-in phrase model took over.
let hubUnreachable = false;

pageEngineSource.addEventListener('change', () => {
  // Offline, the built-in phrase model takes over at once: real shoppers' phrases instead of nothing.
  if (pageEngineSource.status === 'error' && modelChoice.kind === 'hub' && !new URLSearchParams(location.search).has('model')) {
    hubUnreachable = true;
    modelChoice = phraseChoice('GPT-2 could not be downloaded');
    showModelChoice();
    return;
  }
  renderModelState();
});
byId('use-local-model').addEventListener('click', () => switchModel(localChoice(), 'local'));
byId('load-gpt2').addEventListener('click', () => switchModel(chooseModel('', import.meta.env), undefined));

startCoCreation();
showModelChoice();

// ── Gallery, color and size ──

let colorIndex = 0;
let view: GalleryView = 'front';

const VIEW_LABELS: Record<GalleryView, DemoTextKey> = { front: 'viewFront', back: 'viewBack', detail: 'viewDetail', packed: 'viewPacked' };
const colorName = (name: string) => t(`color_${name}` as DemoTextKey);

function renderGallery(): void {
  const colors = PRODUCT.colors[colorIndex];
  const label = t(VIEW_LABELS[view]);
  byId('gallery-main').replaceChildren(jacketArt(view, colors, 'main', t('productInColor', { name: t('productName'), color: colorName(colors.name), view: label })));
  byId('gallery-thumbs').replaceChildren(
    ...GALLERY_VIEWS.map((entry) => {
      const button = create('button', 'thumb');
      button.type = 'button';
      button.setAttribute('aria-label', t(VIEW_LABELS[entry.view]));
      button.setAttribute('aria-pressed', String(entry.view === view));
      button.append(jacketArt(entry.view, colors, `thumb-${entry.view}`, ''));
      button.addEventListener('click', () => {
        view = entry.view;
        renderGallery();
      });
      return button;
    }),
  );
  byId('color-name').textContent = colorName(colors.name);
  byId('swatches').replaceChildren(
    ...PRODUCT.colors.map((color, index) => {
      const label = create('label', 'swatch');
      const input = create('input');
      input.type = 'radio';
      input.name = 'color';
      input.value = color.name;
      input.checked = index === colorIndex;
      input.setAttribute('aria-label', colorName(color.name));
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

let cartItems = 0;
function renderCart(): void {
  byId('cart-link').setAttribute('aria-label', t('cartLabel', { n: cartItems }));
  const count = document.querySelector('.cart-count');
  if (count) count.textContent = String(cartItems);
}
byId('add-to-cart').addEventListener('click', () => {
  cartItems += 1;
  renderCart();
});

// ── Description with the merchant's suggested copy ──

const copy = byId<CwSuggestedCopy>('suggested-copy');
copy.product = COPY_ATTRIBUTES;
// Copy the merchant published replaces the catalogue text, in every language.
let publishedDescription: string | undefined;
let publishedTagline: string | undefined;
function renderCopy(): void {
  byId('description-text').textContent = publishedDescription ?? t('productDescription');
  byId('tagline').textContent = publishedTagline ?? t('tagline');
}
byId<HTMLInputElement>('merchant-view').addEventListener('change', (event) => {
  byId('merchant-panel').hidden = !(event.target as HTMLInputElement).checked;
});
byId<HTMLSelectElement>('copy-kind').addEventListener('change', (event) => {
  copy.kind = (event.target as HTMLSelectElement).value as CwSuggestedCopy['kind'];
});
// A chosen candidate is "published" where that kind of copy lives on the page.
copy.addEventListener('cw-copy-accept', (event) => {
  const { text, kind } = (event as CustomEvent<CopyAcceptDetail>).detail;
  if (kind === 'headline') publishedTagline = text;
  else if (kind === 'social') {
    byId('social-text').textContent = text;
    byId('social-preview').hidden = false;
  } else publishedDescription = text;
  renderCopy();
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
  byId('average-text').textContent = t('averageText', { average: average.toFixed(1), n: reviews.length });
  byId<CwFeedbackSummary>('feedback-summary').reviews = reviews.map(({ id, text, rating }) => ({ id, text, rating, href: `#${id}` }));
  const visible = showAllReviews ? reviews : reviews.slice(0, REVIEWS_SHOWN);
  const showAll = byId<HTMLButtonElement>('show-all-reviews');
  showAll.hidden = showAllReviews || reviews.length <= REVIEWS_SHOWN;
  showAll.textContent = t('showAllReviews', { n: reviews.length });
  byId('review-list').replaceChildren(
    ...visible.map((review) => {
      const item = create('li', 'review');
      item.id = review.id;
      item.lang = review.lang;
      const head = create('div', 'review-head');
      const rating = create('span', 'stars', stars(review.rating));
      rating.setAttribute('aria-label', t('starsLabel', { n: review.rating }));
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
  const author = String(data.get('author') ?? '').trim() || t('anonymous');
  // The composer requires a rating; a review without one is never published as some default.
  const rating = Number(data.get('rating'));
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return;
  const review: StoredReview = {
    id: `r${Date.now()}`,
    author,
    date: new Date().toISOString().slice(0, 10),
    rating,
    text,
    lang: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en',
  };
  reviews.unshift(review);
  renderReviews();
  composer.clearSavedDraft();
  reviewForm.reset();
  byId('review-status').textContent = t('reviewThanks', { name: author });
});

// ── Ideas lab ──

const ideas: { id: string; title: string; description: string; votes: number; status: 'statusOpen' | 'statusNew' }[] = EXISTING_IDEAS.map((idea) => ({
  ...idea,
  status: 'statusOpen',
}));
const ideaForm = byId<CwIdeaForm>('idea-form');
function renderIdeaForm(): void {
  ideaForm.categories = [
    { value: 'new-product', label: t('categoryNewProduct') },
    { value: 'improvement', label: t('categoryImprovement') },
    { value: 'color', label: t('categoryColor') },
    { value: 'sustainability', label: t('categorySustainability') },
  ];
  ideaForm.ideas = ideas.map((idea) => ({ ...idea, status: t(idea.status) }));
}

function renderIdeas(): void {
  byId('idea-board').replaceChildren(
    ...[...ideas]
      .sort((a, b) => b.votes - a.votes)
      .map((idea) => {
        const item = create('li', 'idea');
        const vote = create('button', 'vote', `▲ ${idea.votes}`);
        vote.type = 'button';
        vote.setAttribute('aria-label', t('voteFor', { title: idea.title, n: idea.votes }));
        vote.addEventListener('click', () => {
          idea.votes += 1;
          renderIdeas();
        });
        const body = create('div');
        body.append(create('strong', undefined, idea.title), create('p', undefined, idea.description));
        item.append(vote, body, create('span', 'status', t(idea.status)));
        return item;
      }),
  );
}

ideaForm.addEventListener('cw-idea-submit', (event) => {
  const { title, description } = (event as CustomEvent<IdeaSubmitDetail>).detail;
  ideas.push({ id: `i${Date.now()}`, title, description, votes: 1, status: 'statusNew' });
  renderIdeaForm();
  renderIdeas();
  ideaForm.value = '';
  ideaForm.description = '';
  byId('idea-status').textContent = t('ideaThanks', { title });
});

/** Everything main.ts writes itself, in the current language (static text is translated by applyLanguage). */
function renderLanguageDependent(): void {
  renderModelState();
  renderGallery();
  renderCart();
  renderCopy();
  renderReviews();
  renderIdeaForm();
  renderIdeas();
}

renderSizes();
renderLanguageDependent();
