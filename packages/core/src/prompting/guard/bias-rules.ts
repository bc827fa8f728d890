import type { GuardOrigin, GuardRule, GuardSuggestion } from './types.ts';

// Colour words and a shopper's words about her own body ("muffin top") are fine in a review; in copy we write they are not.
const GENERATED_ONLY: readonly GuardOrigin[] = ['generated'];

const rephrase = (message: string, replacement?: string): GuardSuggestion =>
  replacement === undefined ? { action: 'soften', message } : { action: 'soften', replacement, message };

export const BIAS_RULES: readonly GuardRule[] = [
  {
    id: 'bias.gender-assumption',
    category: 'bias',
    lang: 'en',
    pattern:
      /\bso (?:simple|easy) (?:even )?(?:a woman|a girl|your wife|your mom|grandma|a blonde) (?:can|could)\b|\b(?:women|girls|ladies|wives|moms|mothers) (?:can't|cannot|can not|don't know how to|are (?:bad|terrible|hopeless) at|belong in)\b|\b(?:real|manly) men\b|\bman up\b|\blike a girl\b|\b(?:men|guys|boys|dads|husbands) (?:don't|can't|cannot) (?:cook|clean|cry|shop)\b|\bthe little (?:lady|woman|wife)\b|\ba man'?s job\b|\bwomen'?s work\b/gi,
    severity: 'medium',
    suggest: () => rephrase('A gendered assumption; address every shopper.'),
  },
  {
    id: 'bias.ethnic',
    category: 'bias',
    lang: 'en',
    pattern:
      /\b(?:oriental|exotic) (?:women|girls|ladies|beauty|beauties|people|features)\b|\b(?:asians|africans|mexicans|indians|arabs|blacks|whites|jews|muslims|chinese people|immigrants|foreigners) (?:are all|all|always|never|can't|are (?:lazy|dirty|cheap|bad|stupid|loud))\b|\bgyp(?:ped|ping)\b|\bghetto\b|\bthird[- ]world\b/gi,
    severity: 'high',
    suggest: () => rephrase('Ethnic stereotype or slur; remove it.', ''),
  },
  {
    id: 'bias.skin-tone',
    category: 'bias',
    lang: 'en',
    origins: GENERATED_ONLY,
    pattern: /\b(?:flesh|skin)[- ](?:colou?red|tone(?:d)?)\b|\bnude (?:colou?r|shade|tone)\b|\bnormal skin (?:tone|colou?r)\b/gi,
    severity: 'low',
    suggest: () => rephrase('Assumes one skin tone; name the shade (e.g. "light beige").', 'beige'),
  },
  {
    id: 'bias.body-shaming',
    category: 'bias',
    lang: 'en',
    pattern:
      /\b(?:fat|obese|chubby|ugly) (?:people|women|girls|guys|men|folks|chicks|ladies)\b(?= (?:are|look|should|can't|cannot|don't|never|need))|\b(?:no one|nobody) wants to see\b|\b(?:fatty|fatso|lardass)\b|\bif you(?:'re| are) (?:fat|ugly|overweight)\b|\btoo fat to\b/gi,
    severity: 'medium',
    suggest: () => rephrase('Body shaming; describe the fit, not the body.'),
  },
  {
    id: 'bias.body-idiom',
    category: 'bias',
    lang: 'en',
    origins: GENERATED_ONLY,
    pattern:
      /\b(?:fat|obese|chubby|ugly) (?:people|women|girls|guys|men|folks|chicks|ladies)\b|\bhide (?:your|those|the) (?:flaws|fat|rolls|belly|muffin top|love handles|cellulite|thunder thighs)\b|\b(?:muffin tops?|thunder thighs|cankles|beer belly)\b|\bbikini[- ]body\b/gi,
    severity: 'medium',
    suggest: () => rephrase('Body shaming; describe the fit, not the body.'),
  },
  {
    id: 'bias.zh-slur',
    category: 'bias',
    lang: 'zh',
    pattern: /黑鬼|黑妞|阿三|棒子国|小日本|鬼子|娘炮|娘娘腔|男人婆|土包子|乡巴佬|外地佬/g,
    severity: 'high',
    suggest: () => rephrase('歧视性称呼，请删除。', ''),
  },
  {
    id: 'bias.zh-gender',
    category: 'bias',
    lang: 'zh',
    pattern: /女司机|剩女|女孩子家|女人(?:就是|都|就该|天生)(?:不会|笨|该|不懂|爱)|女生(?:都|就是)(?:不懂|不会|笨)|男人(?:都|就该)(?:不会|不懂)|(?:老婆|妈妈|女人)都会用/g,
    severity: 'medium',
    suggest: () => rephrase('性别刻板印象，请面向所有顾客表述。'),
  },
  {
    id: 'bias.zh-body',
    category: 'bias',
    lang: 'zh',
    pattern: /肥婆|死胖子|胖猪|大象腿|水桶腰|丑八怪|丑女|(?:胖|丑)(?:人|女人|子)(?:不配|别买|就别)|(?:太|那么)胖(?:的人)?(?:就别|别穿|不配)/g,
    severity: 'medium',
    suggest: () => rephrase('身材羞辱，请描述版型而不是身材。'),
  },
];
