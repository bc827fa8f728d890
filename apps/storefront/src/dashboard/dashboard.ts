import type { GuardCategoryName } from '@cowrite/elements';
import { clearMetrics, readMetrics } from '../metrics-store.ts';
import { summarize } from './aggregate.ts';
import type { ArmSummary, DashboardSummary } from './aggregate.ts';
import { DASHBOARD_STRINGS, fill } from './strings.ts';
import type { DashboardLang, DashboardStrings } from './strings.ts';
import { barChart, lineChart } from './svg-charts.ts';

const params = new URLSearchParams(location.search);
let lang: DashboardLang = params.get('lang') === 'zh' ? 'zh' : 'en';
let dark = params.has('theme') ? params.get('theme') === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from dashboard.html`);
  return element as T;
}

function percent(value: number | undefined, t: DashboardStrings): string {
  return value === undefined ? t.none : `${Math.round(value * 100)}%`;
}

function tile(title: string, value: string, detail: string): HTMLElement {
  const card = document.createElement('article');
  card.className = 'tile';
  const heading = document.createElement('h2');
  heading.textContent = title;
  const number = document.createElement('p');
  number.className = 'tile-value';
  number.textContent = value;
  const small = document.createElement('p');
  small.className = 'tile-detail';
  small.textContent = detail;
  card.append(heading, number, small);
  return card;
}

function figure(title: string, chart: SVGSVGElement, note?: string): HTMLElement {
  const wrapper = document.createElement('figure');
  wrapper.className = 'panel';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  wrapper.append(caption, chart);
  if (note) {
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = note;
    wrapper.append(p);
  }
  return wrapper;
}

function timeLabel(start: number): string {
  return new Date(start).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

function render(): void {
  const t: DashboardStrings = DASHBOARD_STRINGS[lang];
  const records = readMetrics();
  const s: DashboardSummary = summarize(records);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.title = `${t.title} · Larchmont Outdoor Co.`;
  byId('title').textContent = t.title;
  byId('subtitle').textContent = t.subtitle;
  byId('back').textContent = t.back;
  byId('event-count').textContent = fill(t.events, { n: records.length });
  byId('toggle-lang').textContent = t.language;
  byId('toggle-lang').setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
  byId('toggle-theme-label').textContent = t.theme;
  byId<HTMLInputElement>('toggle-theme').checked = dark;
  byId('clear').textContent = t.clear;

  byId('tiles').replaceChildren(
    tile(t.acceptance, percent(s.acceptanceRate, t), fill(t.acceptanceDetail, { accepted: s.accepted, shown: s.shown })),
    tile(t.saved, String(s.keystrokesSaved), fill(t.savedDetail, { share: percent(s.savedShare, t), chars: s.reviewChars })),
    tile(t.reviews, String(s.submitted), ''),
    tile(t.shares, String(s.sharePosts.shared), fill(t.sharesDetail, { created: s.sharePosts.created })),
  );

  const points = s.acceptanceOverTime.map((bucket) => ({ label: timeLabel(bucket.start), value: bucket.rate }));
  const lineLabel = fill(t.lineLabel, { values: points.map((p) => `${p.label} ${percent(p.value, t)}`).join(', ') || t.noData });
  const armBar = (label: string, arm: ArmSummary, tone: string) => ({
    label,
    value: arm.completion ?? 0,
    display: fill(t.armValue, { rate: percent(arm.completion, t), submitted: arm.submitted, started: arm.started, length: arm.averageLength ?? t.none }),
    tone,
  });
  const arms = [armBar(t.armTreatment, s.arms.treatment, 'treatment'), armBar(t.armControl, s.arms.control, 'control'), armBar(t.armNone, s.arms.none, 'none')];
  const categories: GuardCategoryName[] = ['claim', 'bias', 'profanity', 'pii', 'other'];
  const guardBars = categories.map((category) => ({ label: t[`category_${category}`], value: s.guard[category], display: String(s.guard[category]), tone: 'guard' }));
  const summaryOf = (bars: readonly { label: string; display: string }[]) => bars.map((b) => `${b.label}: ${b.display}`).join('; ');

  byId('charts').replaceChildren(
    figure(t.overTime, lineChart(points, lineLabel, t.noData)),
    figure(t.completion, barChart(arms, `${t.completion}. ${summaryOf(arms)}`, t.noData, 1), t.completionNote),
    figure(t.guard, barChart(guardBars, `${t.guard}. ${summaryOf(guardBars)}`, t.noData)),
  );
}

function syncUrl(): void {
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  url.searchParams.set('theme', dark ? 'dark' : 'light');
  history.replaceState(null, '', url);
}

byId('toggle-lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  syncUrl();
  render();
});
byId<HTMLInputElement>('toggle-theme').addEventListener('change', (event) => {
  dark = (event.target as HTMLInputElement).checked;
  syncUrl();
  render();
});
byId('clear').addEventListener('click', () => {
  clearMetrics();
  render();
});
// Another tab of the store adds events: redraw when they arrive.
addEventListener('storage', render);
render();
