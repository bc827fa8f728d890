import { passesLuhn } from './luhn.ts';
import type { GuardRule, GuardSuggestion } from './types.ts';

const redact = (label: string, message: string) => (): GuardSuggestion => ({ action: 'redact', replacement: label, message });

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;
// Words that end the lead-in of an address rather than belong to it: "我住在…", "寄到…", "地址是…".
const ADDRESS_LEAD_IN = /住在|寄到|送到|发到|地址是|地址|在|到|址|是/g;
const BUILDING_PARTS = /(?:\d{1,4}(?:栋|幢|号楼|单元|室|楼|层)){0,4}/y;

/** "北京市朝阳区建国路88号3号楼" around the anchor "路88号": at most 14 Han characters to the left, building parts to the right. */
function expandZhAddress(m: RegExpExecArray, text: string): { start: number; end: number } | undefined {
  let start = m.index;
  while (start > 0 && m.index - start < 14 && isHan(text.charCodeAt(start - 1))) start--;
  // The road needs a name: "路88号" alone is not an address.
  if (start === m.index) return undefined;
  const lead = text.slice(start, m.index);
  let cut = 0;
  // exec with lastIndex, not matchAll: matchAll clones the regex on every call.
  ADDRESS_LEAD_IN.lastIndex = 0;
  for (let w = ADDRESS_LEAD_IN.exec(lead); w; w = ADDRESS_LEAD_IN.exec(lead)) cut = w.index + w[0].length;
  if (cut >= lead.length) return undefined;
  start += cut;
  BUILDING_PARTS.lastIndex = m.index + m[0].length;
  const parts = BUILDING_PARTS.exec(text);
  return { start, end: m.index + m[0].length + (parts?.[0].length ?? 0) };
}

export const PII_RULES: readonly GuardRule[] = [
  {
    id: 'pii.email',
    category: 'pii',
    lang: 'any',
        // Bounded by the RFC 5321 limits (64-character local part, 63-character labels) and started only at the
    // beginning of a run, so a long run of letters without "@" costs one short look per character.
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}/g,
    severity: 'high',
    suggest: redact('[email]', 'E-mail address removed.'),
  },
  {
    id: 'pii.card',
    category: 'pii',
    lang: 'any',
    pattern: /(?<![\d+])\d(?:[ -]?\d){12,18}(?!\d)/g,
    severity: 'high',
    accept: (m) => passesLuhn(m[0].replace(/\D/g, '')),
    suggest: redact('[card]', 'Card number removed.'),
  },
  {
    id: 'pii.phone',
    category: 'pii',
    lang: 'any',
    // Not a piece of a longer digit group (card numbers, serials).
    pattern: /(?<![\w+]|\d[\s.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}(?![\s.-]?\d)/g,
    severity: 'high',
    accept: (m) => {
      const n = digitCount(m[0]);
      return n >= 9 && n <= 15;
    },
    suggest: redact('[phone]', 'Phone number removed.'),
  },
  {
    id: 'pii.phone-cn-mobile',
    category: 'pii',
    lang: 'any',
    pattern: /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g,
    severity: 'high',
    suggest: redact('[phone]', 'Phone number removed.'),
  },
  {
    id: 'pii.phone-cn-landline',
    category: 'pii',
    lang: 'any',
    pattern: /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g,
    severity: 'high',
    suggest: redact('[phone]', 'Phone number removed.'),
  },
  {
    id: 'pii.phone-labelled',
    category: 'pii',
    lang: 'any',
    // Bare digit runs are order numbers and SKUs unless labelled as a phone.
    pattern: /(?:\b(?:call|phone|tel|text|whatsapp|mobile|cell)\b|电话|手机|联系)[:：]?\s{0,3}(?:me\s{1,3})?(?:at\s{1,3}|on\s{1,3})?(\+?\d[\d\s-]{6,14}\d)/dgi,
    group: 1,
    severity: 'high',
    suggest: redact('[phone]', 'Phone number removed.'),
  },
  {
    id: 'pii.address-en',
    category: 'pii',
    lang: 'any',
    pattern:
      /\b\d{1,5}\s{1,3}(?:[A-Z][A-Za-z'-]{1,20}\.?\s{1,3}){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Way|Parkway|Pkwy|Highway|Hwy|Square|Sq)\b\.?(?:,?\s{0,3}(?:Apt|Apartment|Suite|Unit|#)\.?\s{0,3}[\w-]{1,12})?|\bP\.?\s?O\.? Box \d{1,8}\b/g,
    severity: 'high',
    suggest: redact('[address]', 'Street address removed.'),
  },
  {
    id: 'pii.address-zh',
    category: 'pii',
    lang: 'any',
    // Anchored on "road + number + 号"; the place names to the left are found by expandZhAddress.
    pattern: /(?:路|街|大道|巷|弄|胡同)\d{1,5}[号號]/g,
    severity: 'high',
    expand: expandZhAddress,
    suggest: redact('[地址]', '地址已隐藏。'),
  },
];
