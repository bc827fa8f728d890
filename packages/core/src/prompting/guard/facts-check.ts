import type { FactValue, ProductFacts } from './facts.ts';
import type { GuardFinding } from './types.ts';

/**
 * Compares generated copy with the merchant's product facts: every number with a unit, material, certification,
 * guarantee, origin, care or compatibility statement must be found in the facts, else a `claim` finding quotes
 * the fact it should have used. Bounded regexes only (see linear-pattern.ts), so the check is linear in the text.
 */

type Family = 'length' | 'mass' | 'percent' | 'volume' | 'charge' | 'power' | 'voltage' | 'duration';
type Topic = 'materials' | 'dimensions' | 'weight' | 'certifications' | 'warranty' | 'origin' | 'care' | 'compatibility' | 'other';

interface Unit {
  family: Family;
  /** Multiplier to the family's base unit (mm, g, %, ml, mAh, W, V, days). */
  scale: number;
}

const UNITS: Record<string, Unit> = {
  mm: { family: 'length', scale: 1 }, cm: { family: 'length', scale: 10 }, m: { family: 'length', scale: 1000 },
  in: { family: 'length', scale: 25.4 }, inch: { family: 'length', scale: 25.4 }, inches: { family: 'length', scale: 25.4 },
  '"': { family: 'length', scale: 25.4 }, ft: { family: 'length', scale: 304.8 }, feet: { family: 'length', scale: 304.8 },
  毫米: { family: 'length', scale: 1 }, 厘米: { family: 'length', scale: 10 }, 米: { family: 'length', scale: 1000 },
  g: { family: 'mass', scale: 1 }, grams: { family: 'mass', scale: 1 }, kg: { family: 'mass', scale: 1000 },
  lb: { family: 'mass', scale: 453.6 }, lbs: { family: 'mass', scale: 453.6 }, pounds: { family: 'mass', scale: 453.6 },
  oz: { family: 'mass', scale: 28.35 }, ounces: { family: 'mass', scale: 28.35 },
  克: { family: 'mass', scale: 1 }, 千克: { family: 'mass', scale: 1000 }, 公斤: { family: 'mass', scale: 1000 }, 斤: { family: 'mass', scale: 500 },
  '%': { family: 'percent', scale: 1 }, percent: { family: 'percent', scale: 1 },
  ml: { family: 'volume', scale: 1 }, l: { family: 'volume', scale: 1000 }, liters: { family: 'volume', scale: 1000 },
  litres: { family: 'volume', scale: 1000 }, liter: { family: 'volume', scale: 1000 }, litre: { family: 'volume', scale: 1000 },
  毫升: { family: 'volume', scale: 1 }, 升: { family: 'volume', scale: 1000 },
  mah: { family: 'charge', scale: 1 }, 毫安: { family: 'charge', scale: 1 },
  w: { family: 'power', scale: 1 }, watts: { family: 'power', scale: 1 }, watt: { family: 'power', scale: 1 }, 瓦: { family: 'power', scale: 1 },
  v: { family: 'voltage', scale: 1 }, volts: { family: 'voltage', scale: 1 },
  day: { family: 'duration', scale: 1 }, days: { family: 'duration', scale: 1 }, 天: { family: 'duration', scale: 1 },
  month: { family: 'duration', scale: 30.4 }, months: { family: 'duration', scale: 30.4 }, 个月: { family: 'duration', scale: 30.4 },
  year: { family: 'duration', scale: 365 }, years: { family: 'duration', scale: 365 }, yr: { family: 'duration', scale: 365 },
  yrs: { family: 'duration', scale: 365 }, 年: { family: 'duration', scale: 365 },
  hour: { family: 'duration', scale: 1 / 24 }, hours: { family: 'duration', scale: 1 / 24 }, hrs: { family: 'duration', scale: 1 / 24 },
  h: { family: 'duration', scale: 1 / 24 }, 小时: { family: 'duration', scale: 1 / 24 },
};

const FAMILY_TOPIC: Record<Family, Topic> = {
  length: 'dimensions', mass: 'weight', percent: 'materials', volume: 'other', charge: 'other', power: 'other', voltage: 'other', duration: 'warranty',
};

// "30 x 20 x 12 cm" states three numbers in one unit.
export const QUANTITY =
  /(?<![\w.])(\d{1,6}(?:[.,]\d{1,3})?)((?:\s?[x×*]\s?\d{1,6}(?:[.,]\d{1,3})?){0,2})[\s-]?(mm|cm|m|inches|inch|in|"|ft|feet|kg|grams|g|lbs|lb|pounds|oz|ounces|%|percent|ml|liters|litres|liter|litre|l|mah|watts|watt|w|volts|v|days|day|months|month|years|year|yrs|yr|hours|hrs|h|毫米|厘米|米|千克|公斤|克|斤|毫升|升|毫安|瓦|个月|天|年|小时)(?![a-z])/gi;

export const MATERIAL =
  /\b(?:organic cotton|pima cotton|egyptian cotton|cotton|polyester|merino wool|merino|wool|cashmere|silk|linen|nylon|spandex|elastane|lycra|genuine leather|full[- ]grain leather|faux leather|vegan leather|leather|suede|denim|bamboo|hemp|viscose|rayon|modal|acrylic|goose down|down|stainless steel|steel|aluminium|aluminum|titanium|copper|brass|solid gold|gold|sterling silver|silver|ceramic|glass|porcelain|solid wood|oak|walnut|teak|pine|plastic|silicone|rubber|carbon fiber|carbon fibre|marble|granite)\b|纯棉|全棉|有机棉|棉|涤纶|聚酯纤维|羊毛|羊绒|真丝|桑蚕丝|蚕丝|亚麻|尼龙|锦纶|氨纶|真皮|头层牛皮|牛皮|羊皮|皮革|竹纤维|不锈钢|铝合金|钛合金|纯铜|陶瓷|玻璃|实木|橡木|胡桃木|硅胶|塑料|纯金|纯银/gi;

export const CERTIFICATION =
  /\b(?:oeko[- ]?tex(?: standard 100)?|gots|fsc|ce[- ]certified|ce marked|fcc|ul[- ]listed|rohs|iso \d{3,5}|energy star|bpa[- ]free|fair ?trade|usda organic|certified organic|certified|dermatologist[- ]tested|hypoallergenic|cruelty[- ]free|waterproof|water[- ]resistant|ip[x]?\d{1,2})\b|有机认证|认证|3C|防水/gi;

export const GUARANTEE =
  /\b(?:lifetime (?:warranty|guarantee)|money[- ]back guarantee|free returns|satisfaction guarantee|no[- ]questions[- ]asked returns|warranty|guarantee)\b|终身保修|保修|包退换|无理由退换|质保/gi;

export const ORIGIN =
  /\b(?:[Mm]ade|[Mm]anufactured|[Pp]roduced|[Cc]rafted|[Hh]andmade|[Hh]and-made|[Bb]uilt|[Ss]ewn|[Aa]ssembled|[Hh]and-painted|[Ww]oven) in (?:the )?([A-Z][A-Za-z]{1,20}(?: [A-Z][A-Za-z]{1,20}){0,2})|\b(Italian|French|German|Japanese|Swiss|Portuguese|Spanish|British|English|American|Chinese|Turkish|Indian|Mongolian|Peruvian|Egyptian|Scottish|Irish|Korean|Vietnamese) (?:leather|wool|cashmere|cotton|silk|linen|craftsmanship|design|steel|porcelain|ceramic|made)\b|(?:产地|原产地?)[:：]?([\u4e00-\u9fff]{2,4})|([\u4e00-\u9fff]{2,4})(?:制造|生产|原产)/g;

export const CARE =
  /\b(?:machine[- ]washable|machine wash(?:able)?|dishwasher[- ]safe|dishwasher|dry[- ]clean(?: only)?|hand[- ]wash(?: only)?|tumble[- ]dry|oven[- ]safe|microwave[- ]safe|freezer[- ]safe)\b|可机洗|可水洗|机洗|洗碗机/gi;

export const COMPATIBLE = /\b(?:compatible with|works with|fits all|designed for) ([A-Za-z0-9][\w+-]{0,20}(?: [A-Z0-9][\w+-]{0,20}){0,3})|(?:兼容|适配)([\w\u4e00-\u9fff]{2,10})/g;

const DEMONYM: Record<string, string> = {
  italian: 'italy', french: 'france', german: 'germany', japanese: 'japan', swiss: 'switzerland', portuguese: 'portugal',
  spanish: 'spain', british: 'uk', english: 'england', american: 'usa', chinese: 'china', turkish: 'turkey', indian: 'india',
  mongolian: 'mongolia', peruvian: 'peru', egyptian: 'egypt', scottish: 'scotland', irish: 'ireland', korean: 'korea', vietnamese: 'vietnam',
};
const COUNTRY_ALIASES: Record<string, string[]> = {
  usa: ['usa', 'united states', 'u.s.', 'america', 'us'], uk: ['uk', 'united kingdom', 'britain', 'england', 'scotland'],
  china: ['china', '中国'], japan: ['japan', '日本'], italy: ['italy', '意大利'], germany: ['germany', '德国'], france: ['france', '法国'],
};

interface FactQuantity {
  family: Family;
  value: number;
  /** The material named right after a percentage ("60% cotton"), when there is one. */
  material?: string;
}

interface FactIndex {
  /** Every attribute, "name: value", for quoting. */
  lines: { topic: Topic; line: string }[];
  /** All values, lower-cased, separators reduced to single spaces. */
  blob: string;
  /** Same with every non-alphanumeric removed ("oeko-tex" = "oekotex"). */
  squashed: string;
  quantities: FactQuantity[];
}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, '');

function topicOf(key: string): Topic {
  const k = key.toLowerCase();
  if (/materi|fabric|composition|材质|面料|成分/.test(k)) return 'materials';
  if (/dimension|size|width|height|length|depth|尺寸|规格/.test(k)) return 'dimensions';
  if (/weight|重量/.test(k)) return 'weight';
  if (/certif|认证/.test(k)) return 'certifications';
  if (/warrant|guarant|return|保修|质保|退换/.test(k)) return 'warranty';
  if (/origin|made|country|产地/.test(k)) return 'origin';
  if (/care|wash|洗/.test(k)) return 'care';
  if (/compat|兼容|适配/.test(k)) return 'compatibility';
  return 'other';
}

const valueText = (v: FactValue): string => (Array.isArray(v) ? v.join(', ') : String(v as string | number | boolean));

function quantitiesIn(text: string): { family: Family; value: number; index: number; end: number }[] {
  const out: { family: Family; value: number; index: number; end: number }[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const unit = UNITS[m[3]!.toLowerCase()];
    if (!unit) continue;
    const numbers = [m[1]!, ...(m[2] ?? '').split(/[x×*]/).slice(1)];
    for (const n of numbers) {
      const value = Number(n.trim().replace(',', '.')) * unit.scale;
      if (Number.isFinite(value)) out.push({ family: unit.family, value, index: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

const MATERIAL_AT = new RegExp(`\\s{0,2}(?:${MATERIAL.source})`, 'iy');

/** The material named right after `end` ("60% cotton"), if any. Sticky: no slice, no regex clone per call. */
function materialAfter(text: string, end: number): string | undefined {
  MATERIAL_AT.lastIndex = end;
  const m = MATERIAL_AT.exec(text);
  return m ? m[0].trim().toLowerCase() : undefined;
}

function indexFacts(facts: ProductFacts): FactIndex {
  const lines: FactIndex['lines'] = [];
  const values: string[] = [];
  for (const [key, value] of Object.entries(facts)) {
    if (value === undefined) continue;
    const text = valueText(value);
    lines.push({ topic: topicOf(key), line: `${key}: ${text}` });
    values.push(text);
  }
  const joined = values.join(' ; ');
  const quantities: FactQuantity[] = quantitiesIn(joined).map((q) => {
    const material = q.family === 'percent' ? materialAfter(joined, q.end) : undefined;
    return material === undefined ? { family: q.family, value: q.value } : { family: q.family, value: q.value, material };
  });
  return { lines, blob: joined.toLowerCase().replace(/\s+/g, ' '), squashed: squash(joined), quantities };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.02 * Math.max(Math.abs(a), Math.abs(b)), 1e-9);

function quote(index: FactIndex, topic: Topic, lang: 'en' | 'zh'): string {
  const facts = index.lines.filter((l) => l.topic === topic).map((l) => `"${l.line}"`);
  if (facts.length === 0) {
    return lang === 'zh' ? '商品资料中没有这一项，请删除或先补充商品资料。' : 'The product facts do not state this; remove it or add it to the product data.';
  }
  return lang === 'zh' ? `与商品资料不符：${facts.join('；')}。` : `Not supported by the product facts: ${facts.join('; ')}.`;
}

export function factFindings(text: string, facts: ProductFacts): GuardFinding[] {
  const index = indexFacts(facts);
  const findings: GuardFinding[] = [];
  const flag = (start: number, end: number, topic: Topic, what: string): void => {
    const lang = /[\u4e00-\u9fff]/.test(text.slice(start, end)) ? 'zh' : 'en';
    findings.push({
      category: 'claim',
      start,
      end,
      severity: 'medium',
      suggestion: { action: 'soften', message: quote(index, topic, lang) },
      match: text.slice(start, end),
      rule: `claim.facts-${what}`,
    });
  };
  const hasText = (s: string): boolean => index.blob.includes(s.toLowerCase()) || (squash(s).length > 1 && index.squashed.includes(squash(s)));

  const flaggedNumbers = new Set<number>();
  for (const q of quantitiesIn(text)) {
    const material = q.family === 'percent' ? materialAfter(text, q.end) : undefined;
    const supported = index.quantities.some(
      (f) => f.family === q.family && close(f.value, q.value) && (material === undefined || f.material === undefined || f.material === material),
    );
    // "30 x 20 cm" yields two numbers at one match: one finding.
    if (!supported && !flaggedNumbers.has(q.index)) {
      flaggedNumbers.add(q.index);
      flag(q.index, q.end, FAMILY_TOPIC[q.family], 'number');
    }
  }
  for (const m of text.matchAll(MATERIAL)) {
    if (!hasText(m[0])) flag(m.index, m.index + m[0].length, 'materials', 'material');
  }
  for (const m of text.matchAll(CERTIFICATION)) {
    const word = m[0].toLowerCase();
    const ok = word === 'certified' || word === '认证' ? index.lines.some((l) => l.topic === 'certifications') : hasText(m[0]);
    if (!ok) flag(m.index, m.index + m[0].length, 'certifications', 'certification');
  }
  for (const m of text.matchAll(GUARANTEE)) {
    const word = m[0].toLowerCase();
    const generic = ['warranty', 'guarantee', '保修', '质保'].includes(word);
    const ok = generic ? index.lines.some((l) => l.topic === 'warranty') : hasText(m[0]) || (word.startsWith('lifetime') && hasText('lifetime'));
    if (!ok) flag(m.index, m.index + m[0].length, 'warranty', 'guarantee');
  }
  for (const m of text.matchAll(ORIGIN)) {
    const place = (m[1] ?? m[3] ?? m[4] ?? DEMONYM[(m[2] ?? '').toLowerCase()] ?? '').toLowerCase();
    if (place.length === 0) continue;
    const aliases = COUNTRY_ALIASES[place] ?? [place];
    if (!aliases.some((a) => hasText(a))) flag(m.index, m.index + m[0].length, 'origin', 'origin');
  }
  for (const m of text.matchAll(CARE)) {
    // "hand-wash only" is supported by "hand wash"; "dishwasher safe" by "dishwasher".
    const words = m[0].toLowerCase().replace(/-/g, ' ').split(' ').filter((w) => w !== 'only');
    const key = words.includes('dishwasher') ? 'dishwasher' : words.includes('machine') ? 'machine wash' : words.slice(0, 2).join(' ');
    if (!hasText(key) && !hasText(m[0])) flag(m.index, m.index + m[0].length, 'care', 'care');
  }
  for (const m of text.matchAll(COMPATIBLE)) {
    const target = (m[1] ?? m[2] ?? '').trim();
    if (target.length > 0 && !hasText(target)) flag(m.index, m.index + m[0].length, 'compatibility', 'compatibility');
  }
  return findings;
}
