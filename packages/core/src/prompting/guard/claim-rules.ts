import { textAfter, textBefore } from './context.ts';
import type { GuardOrigin, GuardRule, GuardSuggestion } from './types.ts';

// A shopper's "the best headphones I have ever owned" is an opinion, not an advertising claim.
const GENERATED_ONLY: readonly GuardOrigin[] = ['generated'];

const soften = (message: string, replacement?: string): GuardSuggestion =>
  replacement === undefined ? { action: 'soften', message } : { action: 'soften', replacement, message };
const remove = (message: string): GuardSuggestion => ({ action: 'remove', replacement: '', message });

// A warranty is a real, checkable promise: "money-back guarantee", "2-year guarantee".
const WARRANTY_BEFORE = /(?:money[- ]?back|satisfaction|\d+[- ](?:day|week|month|year)s?|lifetime|price[- ]match|price)\s*$/i;
const WARRANTY_AFTER = /^\s*(?:period|terms|policy|card|covers)/i;

const DISEASES =
  'cancer|diabetes|arthritis|acne|insomnia|depression|anxiety|diseases?|illness(?:es)?|infections?|covid(?:-19)?|eczema|psoriasis|hair loss|baldness|the flu|flu|colds?|obesity|allergies|headaches?|migraines?|back pain|joint pain|pain|hypertension|high blood pressure|everything|all';

// "cured ham", "UV-cured resin", "curing time" are not health claims.
const CURE_FOOD_OR_MATERIAL_AFTER = /^[\s-]*(?:ham|meats?|salmon|bacon|pork|sausages?|beef|fish|egg yolks?|time|times|fully|overnight|in \d+)/i;
const CURE_MATERIAL_BEFORE = /(?:uv|resin|epoxy|glue|concrete|paint|salt|dry|sugar|smoke|air)[\s-]*$/i;

export const CLAIM_RULES: readonly GuardRule[] = [
  {
    id: 'claim.guarantee',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern: /\b(?:guaranteed?|guarantees)\b/gi,
    severity: 'medium',
    accept: (m, text) => !WARRANTY_BEFORE.test(textBefore(text, m, 24)) && !WARRANTY_AFTER.test(textAfter(text, m, 12)),
    suggest: () => remove('An absolute promise nobody can check; state the actual warranty or drop it.'),
  },
  {
    id: 'claim.hundred-percent',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern: /\b(?:100\s?%|100 percent|one hundred percent)\s?(?:safe|effective|guaranteed|natural|risk[- ]free|harmless|non[- ]toxic)\b/gi,
    severity: 'high',
    suggest: (s) => soften('Absolute safety or efficacy cannot be verified.', s.replace(/^.*?(?:%|percent)\s?/i, '')),
  },
  {
    id: 'claim.absolute-safety',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern: /\b(?:completely|totally|perfectly|absolutely)\s{1,3}(?:safe|harmless|risk[- ]free|non[- ]toxic)\b|\bno side[- ]effects\b|\brisk[- ]free\b|\bzero risk\b/gi,
    severity: 'medium',
    suggest: () => soften('Say what was tested instead of promising no risk.'),
  },
  {
    id: 'claim.superlative',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern:
      /\b(?:the\s{1,3})?(?:best|finest|greatest|number one|no\.?\s?1|most\s{1,3}[\w-]{2,20}|[a-z]{2,15}est)\s{1,3}(?:[\w'-]{1,20}\s{1,3}){0,3}?(?:in the (?:world|universe|country|market|industry)|on (?:the )?(?:market|planet|earth)|ever (?:made|created|invented|built|designed|produced|sold))\b|\bworld'?s (?:best|finest|greatest|first|only|#1)\b|(?<![\w#])#1 (?:in|on|rated|brand)\b|\b(?:unbeatable|unrivall?ed|unmatched)\b|\bnothing (?:on earth|in the world|on the market|else) (?:works|performs|cleans|compares|comes close)|\bno other [\w-]{2,20} (?:works|performs|comes close|compares)/gi,
    severity: 'medium',
    suggest: () => soften('An unverifiable superlative; name the concrete strength instead (e.g. "one of our best-selling").'),
  },
  {
    id: 'claim.health-cure',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern: new RegExp(
      `\\b(?:cures?|cured|heals?|healed|treats|prevents|reverses|eliminates)\\s{1,3}(?:(?:your|my|his|her|their|any|chronic|severe|even)\\s{1,3}){0,2}(?:${DISEASES})\\b`,
      'gi',
    ),
    severity: 'high',
    suggest: () => remove('A health claim only a regulator-approved drug may make.'),
  },
  {
    id: 'claim.cure-word',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern: /\b(?:cures|cured|miracle cure|wonder drug|a cure for)\b/gi,
    severity: 'medium',
    accept: (m, text) =>
      !CURE_FOOD_OR_MATERIAL_AFTER.test(textAfter(text, m, 20)) && !CURE_MATERIAL_BEFORE.test(textBefore(text, m, 10)),
    suggest: () => remove('"Cure" is a medical claim.'),
  },
  {
    id: 'claim.proven',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern:
      /\b(?:clinically|scientifically|medically|lab(?:oratory)?)[- ](?:proven|shown|validated|tested and proven)\b|\bproven to (?:work|cure|heal|reduce|prevent|boost|burn)\b|\bdoctors? (?:recommended|approved)\b/gi,
    severity: 'high',
    suggest: () => remove('Cite the study or drop the claim.'),
  },
  {
    id: 'claim.regulator',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern: /\bFDA[- ](?:approved|cleared|certified|registered)\b|\bapproved by the FDA\b/gi,
    severity: 'high',
    suggest: () => remove('Regulatory status must come from the merchant, never from generated text.'),
  },
  {
    id: 'claim.health-promise',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern:
      /\b(?:boosts?|strengthens?) (?:your )?immun(?:e system|ity)\b|\b(?:lose|melt|burn|drop) (?:up to )?\d{1,4}\s{0,3}(?:pounds|lbs?|kg|kilos)\b|\bdetox(?:ify|ifies|es)? your (?:body|liver|blood)\b|\b(?:instant|overnight|permanent) results\b|\bresults (?:are|that are) (?:instant|permanent|guaranteed)\b|\banti[- ]cancer\b/gi,
    severity: 'high',
    suggest: () => remove('A health or weight-loss promise.'),
  },
  {
    id: 'claim.financial',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern:
      /\b(?:get rich(?: quick)?|double your money|guaranteed (?:returns?|income|profits?)|passive income|financial freedom|pays? for itself)\b|\bearn \$?\d[\d,]{0,12}(?:\s{0,3}(?:dollars|usd))?\s{0,3}(?:a|per|every) (?:day|week|month)\b/gi,
    severity: 'high',
    suggest: () => remove('A financial promise.'),
  },
  {
    id: 'claim.durability',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'en',
    pattern: /\b(?:indestructible|unbreakable|lasts? forever|never (?:breaks|fails|wears out))\b/gi,
    severity: 'low',
    suggest: () => soften('State the tested durability or warranty instead.', 'durable'),
  },
  {
    id: 'claim.zh-absolute',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'zh',
    pattern:
      /保证(?:\d{1,3}|[一二三四五六七八九十两]{1,3})(?:天|周|个月)内?(?:有效|见效|美白|变白|瘦|治愈|祛痘|去皱|长发)|保证(?:有效|治愈|见效|安全|收益|赚钱|瘦|美白|效果)|百分之?百(?:有效|安全|保证|治愈|天然)|100\s?%\s?(?:有效|安全|天然|治愈|无害)|绝对(?:安全|有效|无害)|无任何副作用|无副作用|零风险/g,
    severity: 'high',
    suggest: () => soften('绝对化承诺无法核实，请改为具体、可验证的说法。'),
  },
  {
    id: 'claim.zh-superlative',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'zh',
    pattern: /(?:世界|全球|全国|全网|宇宙|史上)(?:第一|最好|最强|最佳|顶级)|第一品牌|国家级|史上最[好强佳]|最好的(?:产品|品牌)|最佳(?:产品|品牌)/g,
    severity: 'medium',
    // "这是我用过最好的产品" is the shopper's own experience, not an advertising claim.
    accept: (m, text) => !/(?:用过|买过|见过|吃过|穿过|试过)的?$/.test(textBefore(text, m, 4)),
    suggest: () => soften('广告法禁用的最高级用语，请改为具体优点。'),
  },
  {
    id: 'claim.zh-health',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'zh',
    pattern:
      /包治百病|药到病除|根治|治愈|(?:能|可以)?治(?:好|疗)(?:癌症|糖尿病|高血压|失眠|脱发|关节炎|湿疹|疾病|百病)|抗癌|防癌|临床(?:证明|验证|实验证明|试验证明)|临床证实|FDA(?:认证|批准)|增强免疫力|(?:高血压|糖尿病|失眠|脱发|关节炎|湿疹|癌症|便秘|痛风|颈椎病|鼻炎)(?:就|都)?(?:好了|消失了?|痊愈|没了)|(?:一周|一个月|\d{1,3}天)瘦\d{1,3}斤/g,
    severity: 'high',
    suggest: () => remove('医疗功效宣称，普通商品不得使用。'),
  },
  {
    id: 'claim.zh-financial',
    category: 'claim',
    origins: GENERATED_ONLY,
    lang: 'zh',
    pattern: /稳赚不赔|稳赚|保本保息|躺赚|月入[过上]?[万千\d]{1,8}|一夜暴富/g,
    severity: 'high',
    suggest: () => remove('收益承诺。'),
  },
];
