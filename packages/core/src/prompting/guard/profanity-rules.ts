import { textAfter } from './context.ts';
import type { GuardRule, GuardSuggestion } from './types.ts';

/** Keeps the first letter so the reader still sees a word was there: "shit" → "s***". */
export function maskWord(word: string): string {
  const chars = Array.from(word);
  if (/[\u3400-\u9fff]/.test(word)) return '＊'.repeat(chars.length);
  return chars.map((c, i) => (i === 0 || /[\s-]/.test(c) ? c : '*')).join('');
}

const mask = (message: string) => (matched: string): GuardSuggestion => ({
  action: 'redact',
  replacement: maskWord(matched),
  message,
});

const CJK_AFTER = /^[\u3400-\u9fff]/;

// Whole words only: "Scunthorpe", "assessment", "class", "Dickens" and "shiitake" never match.
export const PROFANITY_RULES: readonly GuardRule[] = [
  {
    id: 'profanity.strong',
    category: 'profanity',
    lang: 'en',
    pattern:
      /\b(?:motherfuck\w{0,12}|fuck(?:s|ed|er|ers|ing|in|ingly|wit|head|off)?|f[*#@!]{1,3}c?k(?:ing|ed|er)?|cunt|cunts|fag|faggots?|nigg(?:er|a)s?|whores?|sluts?|retard(?:ed|s)?)\b/gi,
    severity: 'high',
    suggest: mask('Strong profanity or a slur.'),
  },
  {
    id: 'profanity.medium',
    category: 'profanity',
    lang: 'en',
    pattern:
      /\b(?:shit|shits|shitty|shitting|shithead|shithole|shitshow|bullshit|horseshit|sh[*!1]t|bitch(?:es|y|ing)?|b[*!]tch|bastards?|assholes?|a[*$]{2}hole|dickheads?|dick|wtf|stfu|screw you|piss off|pissed off|dumb[- ]?ass(?:es)?|jackass(?:es)?|ass|arse)\b/gi,
    severity: 'medium',
    suggest: mask('Profanity.'),
  },
  {
    id: 'profanity.mild',
    category: 'profanity',
    lang: 'en',
    pattern: /\b(?:damn(?:ed|it)?|goddamn|crap(?:py)?|hell of a|the hell|sucks|(?:kick|bad|smart|hard|half)[- ]?ass(?:ed)?)\b/gi,
    severity: 'low',
    // A vacuum that "sucks up dust" is praise.
    accept: (m, text) => !(/^sucks$/i.test(m[0]) && /^\s+(?:up|in|out|away|air|dust|water|the)\b/i.test(textAfter(text, m, 8))),
    suggest: mask('Mild profanity.'),
  },
  {
    id: 'profanity.insult',
    category: 'profanity',
    lang: 'en',
    pattern:
      /\b(?:idiots?|idiotic|morons?|moronic|imbeciles?|dumbasses|losers?|scumbags?|stupid|dumb)\b|\byou(?:'re| are) (?:so )?(?:useless|pathetic)\b/gi,
    severity: 'medium',
    suggest: mask('An insult; criticise the product, not people.'),
  },
  {
    id: 'profanity.zh-strong',
    category: 'profanity',
    lang: 'zh',
    pattern: /他妈的|你妈的|TMD|操你|肏|草泥马|傻[逼屄比B]|煞笔|沙比|尼玛|婊子|贱人|王八蛋|狗娘养的/g,
    severity: 'high',
    suggest: mask('粗口。'),
  },
  {
    id: 'profanity.zh-sentence-start',
    category: 'profanity',
    lang: 'zh',
    // "妈的" alone is an oath only at a clause start; "我妈的手机" (my mum's phone) is not.
    pattern: /(?:^|(?<=[，。！？,.!?\s]))妈的|卧槽|我靠(?=[，。！？,.!?\s]|$)/g,
    severity: 'medium',
    suggest: mask('粗口。'),
  },
  {
    id: 'profanity.zh-insult',
    category: 'profanity',
    lang: 'zh',
    pattern: /滚蛋|滚犊子|去死|混蛋|白痴|脑残|智障|废物|狗屎|放屁|蠢货|蠢猪|神经病|狗东西|畜生|垃圾(?:东西|玩意儿?|商家|客服|卖家)|(?:真|太|就是个?)垃圾/g,
    severity: 'medium',
    // "去死皮" (exfoliate) and "废物利用" (recycling) are everyday product words.
    accept: (m, text) => {
      const after = textAfter(text, m, 2);
      if (m[0] === '去死') return !/^(?:皮|角质|细胞)/.test(after);
      if (m[0] === '废物') return !/^(?:利用|回收|处理|箱|桶)/.test(after);
      return !(m[0].endsWith('垃圾') && CJK_AFTER.test(after) && /^(?:袋|桶|分类|箱|车|处理|场)/.test(after));
    },
    suggest: mask('侮辱性用语，请针对商品而不是人。'),
  },
];
