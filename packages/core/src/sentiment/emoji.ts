/**
 * Valence of common emoji and ASCII emoticons (-4..4), shared by both languages.
 * Written for this package; values follow how shoppers use them in reviews.
 */
const EMOJI_GROUPS: ReadonlyArray<readonly [number, string]> = [
  [3, '😍🥰🤩😻💯❤💖💕💗💞🥳🏆'],
  [2, '😀😃😄😁😆😊🙂☺😋😎🙌👏👍👌💪🎉✨🔥⭐🌟😘💝🆗'],
  [1, '😂🤣😉😌🤗'],
  [-1, '😐😑🤔😶😬'],
  [-2, '😕🙁☹😟😒🙄😔😞😓😥😣😖😫😩😤😰😨🤦💸'],
  [-3, '😢😭😠😡🤬👎💩🤮🤢💔😱🗑'],
];

export const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map(
  EMOJI_GROUPS.flatMap(([value, chars]) => [...chars].map((char) => [char, value] as const)),
);

/** Longest first so ":-)" wins over ":-". */
export const EMOTICON_VALENCE: ReadonlyMap<string, number> = new Map([
  [':-)', 2], [':)', 2], ['(:', 2], [':]', 2], ['=)', 2], [':-D', 3], [':D', 3], ['xD', 2], ['XD', 2],
  [';-)', 1], [';)', 1], [':P', 1], [':-P', 1], [':p', 1], ['<3', 3], ['^_^', 2], ['^^', 2],
  [':-(', -2], [':(', -2], [':[', -2], ['=(', -2], [":'(", -3], [':/', -1.5], [':-/', -1.5],
  [':|', -1], ['-_-', -1.5], ['T_T', -2.5], ['>:(', -3], ['</3', -3],
]);

/** One sticky pattern for all emoticons; only tried where a token could start with punctuation. */
export const EMOTICON_PATTERN = new RegExp(
  [...EMOTICON_VALENCE.keys()]
    .sort((a, b) => b.length - a.length)
    .map((emoticon) => emoticon.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|'),
  'y',
);

export const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** Characters an emoticon can start with, by code: `:;=<>^xXT(-`. */
export const EMOTICON_START_CODES: ReadonlySet<number> = new Set([...':;=<>^xXT(-'].map((char) => char.charCodeAt(0)));
