/**
 * Word classes the bias frames combine: protected groups (a class each) and the frame words around them.
 * Classes, not phrases: "even X can", "simple enough for X", "X love spending", "连X都会" work for any X here.
 * Children are left out on purpose: "not suitable for children under 3" is a safety note, not exclusion.
 */

export type GroupClass = 'gender' | 'age' | 'ethnicity' | 'body' | 'disability' | 'religion' | 'regional';

/** Nouns (or Han words) that name a group by themselves. */
export const GROUP_NOUNS: Readonly<Record<GroupClass, string>> = {
  gender:
    'women woman girls girl ladies gals females wives wife moms mom mums mum mothers housewives housewife grandma grandmas granny grannies grandmother grandmothers blondes blonde men guys boys dudes males dads fathers husbands husband gentlemen girlfriend girlfriends boyfriend boyfriends nan nana gran ' +
    '女人 女生 女孩 女孩子 女的 女性 妹子 妹纸 小姑娘 女司机 老婆 媳妇 妈妈 宝妈 家庭主妇 主妇 男人 男生 男的 男性 男孩子 直男',
  age:
    'seniors elderly boomers grandad grandads retirees pensioners grandparents grandpa grandpas grandfather grandfathers granddad millennials zoomers oldies ' +
    '老人 老年人 老人家 中老年人 老头 老头子 老太太 老太婆 大爷 大妈 爷爷奶奶 奶奶 爷爷 外婆 姥姥',
  ethnicity:
    'asians africans mexicans indians arabs blacks whites latinos hispanics immigrants foreigners migrants gypsies orientals ' +
    '黑人 白人 外国人 老外 少数民族 新疆人 日本人 韩国人 印度人',
  body: 'fatties fatsos ' + '胖子 胖人 胖女孩 胖妹 胖妞 矮子 矮个子 瘦子 丑人',
  disability: 'disabled handicapped cripples autistics ' + '残疾人 盲人 聋人 聋哑人 瘸子 残障人士',
  religion: 'muslims christians jews hindus buddhists atheists catholics mormons sikhs ' + '穆斯林 基督徒 回民',
  regional:
    'rednecks hillbillies villagers peasants farmers bumpkins yokels southerners northerners ' +
    '农村人 乡下人 山里人 农民 农民工 村里人 外地人 东北人 河南人 北方人 南方人 上海人 北京人 广东人 县城人',
};

/** Adjectives that make a group with a person noun after them: "old people", "fat girls", "black men". */
export const GROUP_ADJECTIVES: Readonly<Partial<Record<GroupClass, string>>> = {
  age: 'old older elderly aging',
  ethnicity: 'asian african mexican indian arab black white chinese japanese latino hispanic foreign immigrant',
  body: 'fat overweight obese chubby skinny short ugly heavy heavier big curvy plus-size',
  disability: 'disabled handicapped blind deaf autistic wheelchair',
  religion: 'muslim christian jewish hindu buddhist religious',
  regional: 'rural country small-town',
};

/** Han adjectives that make a group with 的人/人/女生…: "胖的人", "矮女生". */
export const GROUP_ADJECTIVES_ZH: Readonly<Partial<Record<GroupClass, string>>> = {
  body: '胖 矮 丑 肥',
};

/** Singular nouns: "wife loves it" is the writer's wife; "a woman always…", "every mom knows…" are generic. */
export const SINGULAR_NOUNS = new Set(
  'woman girl lady gal female wife mom mum mother housewife grandma granny grandmother blonde husband girlfriend boyfriend nan nana gran grandpa grandfather granddad grandad'.split(' '),
);
export const GENERIC_DETERMINERS = new Set(['a', 'an', 'every', 'any', 'each']);

export const PERSON_NOUNS =
  'people folks folk persons person women woman men man girls girl guys guy ladies lady boys users customers buyers shoppers drivers adults moms dads 的人 人 女人 女生 女孩 男人 男生 妹子';

/** Frame words, by what they do next to a group. */
export type CueKind =
  | 'even' // "even X can", "连X都会"
  | 'enough-for' // "simple enough for X"
  | 'so-easy' // "so easy (that) X can"
  | 'ability' // "can", "会", after the group
  | 'not-confused' // "X won't be confused by", "X也能"
  | 'not-for' // "not for X", "不适合X"
  | 'exclude' // "X need not apply", "X就别买"
  | 'stereo-neg' // "X can't", "X are lazy", "X不懂"
  | 'stereo-pref' // generalisations: "X love spending", "X always", "X都爱"
  | 'real' // "real men", "真正的男人"
  | 'personal' // "my", "我": the writer's own people, not a group
  | 'not' // "not a phone for X", "for men, not boys"
  | 'for';

export const CUES: Readonly<Record<CueKind, readonly string[]>> = {
  even: ['even', '连', '就连', '甚至'],
  'enough-for': ['enough for', 'simple for even', 'easy for even'],
  'so-easy': ['so easy', 'so simple', 'so straightforward', 'so intuitive', 'so foolproof', 'so basic', 'foolproof', 'idiot proof', 'dumbed down for'],
  ability: [
    'can', 'could', 'will', 'would', 'manage', 'manages', 'figure', 'understand', 'use', 'operate', 'handle', 'learn', 'master',
    'run', 'set', 'assemble', 'get', 'do', 'is able', 'are able', 'able',
    '会', '能', '懂', '可以', '学会', '上手', '搞定', '用',
  ],
  'not-confused': [
    "won't be confused", 'will not be confused', "won't get confused", "won't get lost", "won't struggle", 'will have no trouble',
    'will have no problem', "won't have any trouble", 'can finally', 'can now', 'without help', 'without asking for help', "won't have trouble", 'can figure it out', 'can figure out', 'could figure out',
    "won't be intimidated", "can't mess it up", "can't screw it up", 'can handle it',
    '也能', '也会', '也可以', '也懂', '也学得会',
  ],
  'not-for': [
    'not for', 'not meant for', 'not made for', 'not designed for', 'not suitable for', 'not suited for', 'no place for',
    'too complicated for', 'too complex for', 'too hard for', 'too difficult for', 'too technical for', 'not intended for',
    '不适合', '不是给', '不适用于',
  ],
  exclude: [
    'need not apply', 'should stay away', 'stay away', "shouldn't wear", 'should not wear', "shouldn't buy", 'should not buy',
    "shouldn't bother", 'should not bother', "shouldn't even", 'should avoid', 'should never wear', "shouldn't be allowed",
    "don't belong", 'do not belong', "aren't welcome", 'are not welcome', "don't deserve", 'do not deserve', 'keep out',
    '就别', '别买', '别穿', '不配', '免进', '不要买', '不要穿', '滚', '请绕道', '绕道',
  ],
  'stereo-neg': [
    "can't", 'cannot', 'can not', "couldn't", "don't know how", "don't understand", "don't really", "don't get", 'just don\'t',
    'are all', 'all are', 'are naturally', 'are bad', 'are terrible', 'are hopeless', 'are useless', 'are awful', 'are clumsy',
    'are lazy', 'are dirty', 'are cheap', 'are stupid', 'are dumb', 'are loud', 'are weak', 'are emotional', 'are too emotional',
    'are bad drivers', 'only care about', 'belong in', 'are obsessed with', 'are clueless', 'are slow', 'usually can\'t',
    'have no taste', 'have no sense',
    '不会', '不懂', '学不会', '都不会', '用不来', '天生', '就该', '只会', '只知道', '就知道', '都笨', '笨', '懒', '没文化', '素质低', '素质差',
    '小气', '爱占便宜', '都是骗子',
  ],
  'stereo-pref': ['knows', 'know', 'often', 'struggle with', 'struggle to', 'never', 'always', 'usually', 'tend to', 'naturally', 'love', 'loves', 'adore', 'all love', 'always love', 'just want', 'crave', 'go crazy for', '都爱', '就爱', '最爱', '都喜欢', '爱买', '爱花钱', '都想要', '就是', '都是', '都会喜欢'],
  real: ['real', 'true', 'manly', '真正的', '真', '纯'],
  not: ['not', 'never for'],
  for: ['for'],
  personal: ['my', 'our', 'his', 'her', 'their', 'mine', '我', '我的', '我家', '俺', '咱', '咱家', '他', '她', '家里'],
};
