/**
 * Three small SVG charts drawn with the DOM (no innerHTML, no inline styles: strict-CSP safe).
 * Colours come from CSS classes, so light and dark themes restyle them; each chart has a
 * text summary as its accessible name.
 */
const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(width: number, height: number, label: string): SVGSVGElement {
  return el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'chart', preserveAspectRatio: 'xMidYMid meet' });
}

export interface LinePoint {
  label: string;
  /** 0 … 1, or undefined for a gap. */
  value: number | undefined;
}

/** A 0–100 % line over time; gaps where there is no data. */
export function lineChart(points: readonly LinePoint[], label: string, empty: string): SVGSVGElement {
  const width = 480;
  const height = 220;
  const pad = { left: 44, right: 12, top: 12, bottom: 36 };
  const svg = frame(width, height, label);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const y = pad.top + plotH * (1 - tick);
    svg.append(el('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: 'grid' }));
    svg.append(el('text', { x: pad.left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, `${Math.round(tick * 100)}%`));
  }
  if (!points.some((p) => p.value !== undefined)) {
    svg.append(el('text', { x: pad.left + plotW / 2, y: pad.top + plotH / 2, class: 'empty', 'text-anchor': 'middle' }, empty));
    return svg;
  }
  const x = (i: number): number => pad.left + (points.length === 1 ? plotW / 2 : (plotW * i) / (points.length - 1));
  const y = (v: number): number => pad.top + plotH * (1 - v);
  let path = '';
  points.forEach((p, i) => {
    if (p.value === undefined) return;
    path += `${path && points[i - 1]?.value !== undefined ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  svg.append(el('path', { d: path, class: 'line' }));
  const every = Math.ceil(points.length / 6);
  points.forEach((p, i) => {
    if (p.value !== undefined) svg.append(el('circle', { cx: x(i), cy: y(p.value), r: 3.5, class: 'dot' }));
    const last = i === points.length - 1;
    // The first and last labels sit inside the plot's edges instead of spilling over them.
    const anchor = points.length > 1 && i === 0 ? 'start' : points.length > 1 && last ? 'end' : 'middle';
    if ((i % every === 0 && points.length - 1 - i >= every / 2) || last) svg.append(el('text', { x: x(i), y: height - 12, class: 'axis', 'text-anchor': anchor }, p.label));
  });
  return svg;
}

export interface Bar {
  label: string;
  value: number;
  /** Text shown at the end of the bar (e.g. "67 % · 3 of 4"). */
  display: string;
  /** Class for the bar's colour. */
  tone?: string;
}

/** Horizontal bars, scaled to `max` (default: the largest value). */
export function barChart(bars: readonly Bar[], label: string, empty: string, max?: number): SVGSVGElement {
  const width = 480;
  const row = 34;
  const labelW = 150;
  const height = Math.max(row * bars.length + 8, 60);
  const svg = frame(width, height, label);
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  if (!bars.length) {
    svg.append(el('text', { x: width / 2, y: height / 2 + 4, class: 'empty', 'text-anchor': 'middle' }, empty));
    return svg;
  }
  // Room for the longest value text after a full bar (≈ 7 px a character at 12 px).
  const valueW = Math.min(230, 12 + 7 * Math.max(...bars.map((b) => [...b.display].length)));
  const plotW = width - labelW - valueW;
  bars.forEach((bar, i) => {
    const y = 4 + i * row;
    svg.append(el('text', { x: labelW - 8, y: y + row / 2 + 4, class: 'axis label', 'text-anchor': 'end' }, bar.label));
    const w = top > 0 ? Math.max(bar.value > 0 ? 2 : 0, (plotW * bar.value) / top) : 0;
    svg.append(el('rect', { x: labelW, y: y + 6, width: w.toFixed(1), height: row - 12, rx: 3, class: `bar ${bar.tone ?? ''}`.trim() }));
    svg.append(el('text', { x: labelW + w + 6, y: y + row / 2 + 4, class: 'value' }, bar.display));
  });
  return svg;
}
