import { textBefore } from './context.ts';
import { passesLuhn } from './luhn.ts';
import type { GuardRule, GuardSuggestion } from './types.ts';

const redact = (label: string, message: string) => (): GuardSuggestion => ({ action: 'redact', replacement: label, message });

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

export const PII_RULES: readonly GuardRule[] = [
  {
    id: 'pii.email',
    category: 'pii',
    lang: 'any',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
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
    pattern: /(?:\b(?:call|phone|tel|text|whatsapp|mobile|cell)\b|电话|手机|联系)[:：]?\s*(?:me\s+)?(?:at\s+|on\s+)?(\+?\d[\d\s-]{6,14}\d)/dgi,
    group: 1,
    severity: 'high',
    suggest: redact('[phone]', 'Phone number removed.'),
  },
  {
    id: 'pii.address-en',
    category: 'pii',
    lang: 'any',
    pattern:
      /\b\d{1,5}\s+(?:[A-Z][A-Za-z'-]+\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Way|Parkway|Pkwy|Highway|Hwy|Square|Sq)\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Unit|#)\.?\s*[\w-]+)?|\bP\.?\s?O\.? Box \d+\b/g,
    severity: 'high',
    suggest: redact('[address]', 'Street address removed.'),
  },
  {
    id: 'pii.address-zh',
    category: 'pii',
    lang: 'any',
    pattern: /(?:[\u4e00-\u9fff]{2,4}(?:省|市|区|县|镇))*[\u4e00-\u9fff]{1,6}(?:路|街|大道|巷|弄|胡同)\d{1,5}(?:号|號)(?:\d{1,4}(?:栋|幢|号楼|单元|室|楼|层))*/g,
    severity: 'high',
    leadingNoise: /^(?:[我他她]|家)?(?:住在|寄到|送到|发到|地址是|在)/,
    accept: (m, text) => !/\d$/.test(textBefore(text, m, 1)),
    suggest: redact('[地址]', '地址已隐藏。'),
  },
];
