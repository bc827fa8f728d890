/** Product art drawn as SVG (no photos to download): front, back, a fabric close-up and the packed pouch. */
export interface JacketColors {
  name: string;
  shell: string;
  shade: string;
  trim: string;
}

export type GalleryView = 'front' | 'back' | 'detail' | 'packed';

export const GALLERY_VIEWS: readonly { view: GalleryView; label: string }[] = [
  { view: 'front', label: 'Front' },
  { view: 'back', label: 'Back with hood' },
  { view: 'detail', label: 'Quilting and zipper close-up' },
  { view: 'packed', label: 'Packed into its pocket' },
];

const SVG_NS = 'http://www.w3.org/2000/svg';

function baffles(from: number, to: number, step: number, left: number, right: number, color: string): string {
  let lines = '';
  for (let y = from; y <= to; y += step) {
    lines += `<path d="M${left} ${y} Q${(left + right) / 2} ${y + 9} ${right} ${y}" fill="none" stroke="${color}" stroke-width="2.2" stroke-linecap="round" opacity=".7"/>`;
  }
  return lines;
}

function gradients(id: string, c: JacketColors): string {
  return `<defs>
    <linearGradient id="${id}-body" x1="0" x2="1" y1="0" y2="0">
      <stop offset="0" stop-color="${c.shade}"/><stop offset=".35" stop-color="${c.shell}"/><stop offset=".7" stop-color="${c.shell}"/><stop offset="1" stop-color="${c.shade}"/>
    </linearGradient>
    <radialGradient id="${id}-floor" cx=".5" cy=".5" r=".5"><stop offset="0" stop-color="#000" stop-opacity=".18"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
  </defs>`;
}

const SLEEVES = ['M128 104 Q96 112 86 150 L52 350 Q60 366 84 364 L110 210 Z', 'M272 104 Q304 112 314 150 L348 350 Q340 366 316 364 L290 210 Z'];

/** Both sleeves, their quilting clipped to the sleeve outline. */
function sleeves(id: string, c: JacketColors): string {
  return SLEEVES.map(
    (outline, side) => `<clipPath id="${id}-sleeve${side}"><path d="${outline}"/></clipPath>
      <path d="${outline}" fill="url(#${id}-body)"/>
      <g clip-path="url(#${id}-sleeve${side})">${baffles(150, 350, 40, side ? 270 : 40, side ? 360 : 130, c.shade)}</g>`,
  ).join('');
}

function front(id: string, c: JacketColors): string {
  return `${gradients(id, c)}
    <ellipse cx="200" cy="430" rx="150" ry="16" fill="url(#${id}-floor)"/>
    <path d="M150 70 Q200 30 250 70 L246 104 L154 104 Z" fill="${c.shade}"/>
    ${sleeves(id, c)}
    <path d="M128 104 L272 104 L292 412 Q200 426 108 412 Z" fill="url(#${id}-body)"/>
    ${baffles(150, 390, 40, 114, 286, c.shade)}
    <rect x="52" y="346" width="34" height="20" rx="6" fill="${c.trim}" transform="rotate(8 69 356)"/>
    <rect x="314" y="346" width="34" height="20" rx="6" fill="${c.trim}" transform="rotate(-8 331 356)"/>
    <path d="M160 68 L240 68 L246 112 Q200 124 154 112 Z" fill="${c.shell}" stroke="${c.shade}" stroke-width="2"/>
    <line x1="200" y1="70" x2="200" y2="420" stroke="${c.trim}" stroke-width="5"/>
    <rect x="193" y="118" width="14" height="26" rx="4" fill="${c.trim}"/>
    <path d="M128 300 L156 262" stroke="${c.trim}" stroke-width="4" stroke-linecap="round"/>
    <path d="M272 300 L244 262" stroke="${c.trim}" stroke-width="4" stroke-linecap="round"/>
    <path d="M108 404 Q200 420 292 404" fill="none" stroke="${c.trim}" stroke-width="6" stroke-linecap="round"/>
    <circle cx="114" cy="412" r="5" fill="${c.trim}"/><circle cx="286" cy="412" r="5" fill="${c.trim}"/>`;
}

function back(id: string, c: JacketColors): string {
  return `${gradients(id, c)}
    <ellipse cx="200" cy="430" rx="150" ry="16" fill="url(#${id}-floor)"/>
    ${sleeves(id, c)}
    <path d="M128 104 L272 104 L292 412 Q200 426 108 412 Z" fill="url(#${id}-body)"/>
    ${baffles(170, 390, 40, 114, 286, c.shade)}
    <path d="M142 112 Q140 40 200 34 Q260 40 258 112 Q230 150 200 152 Q170 150 142 112 Z" fill="${c.shell}" stroke="${c.shade}" stroke-width="3"/>
    <path d="M160 110 Q200 136 240 110" fill="none" stroke="${c.shade}" stroke-width="3"/>
    <rect x="186" y="170" width="28" height="12" rx="3" fill="${c.trim}" opacity=".85"/>
    <rect x="52" y="346" width="34" height="20" rx="6" fill="${c.trim}" transform="rotate(8 69 356)"/>
    <rect x="314" y="346" width="34" height="20" rx="6" fill="${c.trim}" transform="rotate(-8 331 356)"/>`;
}

function detail(id: string, c: JacketColors): string {
  let cells = '';
  for (let row = 0; row < 6; row += 1) {
    cells += `<path d="M0 ${row * 80 + 40} Q100 ${row * 80 + 62} 200 ${row * 80 + 40} T400 ${row * 80 + 40}" fill="none" stroke="${c.shade}" stroke-width="5" opacity=".8"/>`;
    cells += `<path d="M0 ${row * 80 + 10} Q100 ${row * 80 + 30} 200 ${row * 80 + 10} T400 ${row * 80 + 10}" fill="none" stroke="#fff" stroke-width="6" opacity=".12"/>`;
  }
  let teeth = '';
  for (let y = 0; y < 460; y += 12) teeth += `<rect x="${y % 24 === 0 ? 190 : 200}" y="${y}" width="10" height="7" rx="1.5" fill="${c.trim}"/>`;
  return `${gradients(id, c)}
    <rect width="400" height="460" fill="url(#${id}-body)"/>${cells}
    <rect x="186" y="0" width="28" height="460" fill="${c.shade}" opacity=".55"/>${teeth}
    <rect x="176" y="196" width="48" height="40" rx="8" fill="${c.trim}"/>
    <rect x="188" y="232" width="24" height="86" rx="12" fill="${c.trim}"/>
    <rect x="194" y="290" width="12" height="20" rx="6" fill="${c.shell}"/>`;
}

function packed(id: string, c: JacketColors): string {
  return `${gradients(id, c)}
    <ellipse cx="200" cy="372" rx="130" ry="18" fill="url(#${id}-floor)"/>
    <path d="M96 170 Q92 126 140 120 L260 120 Q308 126 304 170 L300 330 Q296 364 256 366 L144 366 Q104 364 100 330 Z" fill="url(#${id}-body)"/>
    ${baffles(180, 340, 40, 104, 296, c.shade)}
    <path d="M112 136 L288 136" stroke="${c.trim}" stroke-width="5" stroke-linecap="round"/>
    <rect x="270" y="126" width="14" height="26" rx="4" fill="${c.trim}"/>
    <path d="M176 96 Q200 70 224 96" fill="none" stroke="${c.trim}" stroke-width="7" stroke-linecap="round"/>
    <text x="200" y="262" text-anchor="middle" font-family="system-ui, sans-serif" font-size="18" font-weight="700" letter-spacing="4" fill="${c.trim}" opacity=".8">LARCHMONT</text>`;
}

const DRAW: Record<GalleryView, (id: string, colors: JacketColors) => string> = { front, back, detail, packed };

/** An SVG of the jacket in one view and color; `id` keeps gradient ids unique on the page. */
export function jacketArt(view: GalleryView, colors: JacketColors, id: string, label: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 400 460');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  // Our own constant markup: no shopper or model text ever reaches it.
  svg.innerHTML = DRAW[view](id, colors);
  return svg;
}
