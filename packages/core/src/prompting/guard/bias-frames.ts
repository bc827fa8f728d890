import type { CueKind, GroupClass } from './bias-terms.ts';
import { CUES, GENERIC_DETERMINERS, GROUP_ADJECTIVES, GROUP_ADJECTIVES_ZH, GROUP_NOUNS, PERSON_NOUNS, SINGULAR_NOUNS } from './bias-terms.ts';
import type { GuardToken } from './tokens.ts';
import { TermTrie } from './tokens.ts';
import type { GuardFinding, GuardOrigin } from './types.ts';

/**
 * Bias as a protected group inside a frame, within a few tokens of one clause: condescension ("even X can",
 * "simple enough for X", "连X都会用"), exclusion ("not for X", "X就别买") and stereotypes ("X love spending",
 * "X can't", "real men"). One pass over the tokens plus trie look-ups: linear in the text.
 */

type GroupWord = { group: GroupClass } | { adjective: GroupClass } | { person: true };
type Frame = 'condescension' | 'exclusion' | 'stereotype';

const words = (s: string): string[] => s.split(' ').filter((w) => w.length > 0);

function groupEntries(): [string, GroupWord][] {
  const entries: [string, GroupWord][] = words(PERSON_NOUNS).map((w) => [w, { person: true }]);
  for (const [cls, list] of Object.entries(GROUP_ADJECTIVES) as [GroupClass, string][]) {
    for (const w of words(list)) entries.push([w.replace('-', ' '), { adjective: cls }]);
  }
  for (const [cls, list] of Object.entries(GROUP_ADJECTIVES_ZH) as [GroupClass, string][]) {
    for (const w of words(list)) entries.push([w, { adjective: cls }]);
  }
  // Nouns last: "women" is both a person noun (after "fat") and a group by itself.
  for (const [cls, list] of Object.entries(GROUP_NOUNS) as [GroupClass, string][]) {
    for (const w of words(list)) entries.push([w, { group: cls }]);
  }
  return entries;
}

const GROUP_TRIE = new TermTrie<GroupWord>(groupEntries());
const CUE_TRIE = new TermTrie<CueKind>(
  (Object.entries(CUES) as [CueKind, readonly string[]][]).flatMap(([kind, list]) =>
    list.map((phrase) => [phrase.replace(/-/g, ' '), kind] as const),
  ),
);
/** "women" and "men" stand alone as groups, but are also the nouns of "fat women". */
const PERSON_AND_GROUP = new Set(words(PERSON_NOUNS));

interface GroupSpan {
  cls: GroupClass;
  /** Token indices [from, to). */
  from: number;
  to: number;
  han: boolean;
}

function findGroups(tokens: readonly GuardToken[]): GroupSpan[] {
  const groups: GroupSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const hit = GROUP_TRIE.longestAt(tokens, i);
    if (!hit) {
      i++;
      continue;
    }
    const han = tokens[i]!.kind === 'han';
    const word = hit.value;
    if ('adjective' in word) {
      const noun = GROUP_TRIE.longestAt(tokens, hit.end);
      if (noun && ('person' in noun.value || PERSON_AND_GROUP.has(tokens.slice(hit.end, noun.end).map((t) => t.norm).join(han ? '' : ' ')))) {
        groups.push({ cls: word.adjective, from: i, to: noun.end, han });
        i = noun.end;
        continue;
      }
      i = hit.end;
      continue;
    }
    if ('group' in word) groups.push({ cls: word.group, from: i, to: hit.end, han });
    i = hit.end;
  }
  return groups;
}

interface CueHit {
  kind: CueKind;
  from: number;
  to: number;
}

/** Every cue that starts at a token (the longest one per start), so overlapping cues are all seen. */
function cuesAt(tokens: readonly GuardToken[]): (CueHit | undefined)[] {
  return tokens.map((_, i) => {
    const hit = CUE_TRIE.longestAt(tokens, i);
    return hit ? { kind: hit.value, from: i, to: hit.end } : undefined;
  });
}

const MESSAGES: Record<Frame, { en: string; zh: string }> = {
  condescension: { en: 'Condescending to a group of people; say what makes it easy instead.', zh: '对某一群体居高临下，请直接说明产品易用在哪里。' },
  exclusion: { en: 'Excludes a group of people; describe who it fits by size or need.', zh: '排斥某一群体，请按尺寸或需求说明适用人群。' },
  stereotype: { en: 'A stereotype about a group of people; address every shopper.', zh: '对某一群体的刻板印象，请面向所有顾客表述。' },
};

export function biasFrameFindings(text: string, tokens: readonly GuardToken[], origin: GuardOrigin): GuardFinding[] {
  const cues = cuesAt(tokens);
  const findings: GuardFinding[] = [];
  for (const g of findGroups(tokens)) {
    const before = g.han ? 6 : 4;
    const after = g.han ? 6 : 4;
    let lo = g.from;
    while (lo > 0 && g.from - lo < before && tokens[lo - 1]!.kind !== 'break') lo--;
    let hi = g.to;
    while (hi < tokens.length && hi - g.to < after && tokens[hi]!.kind !== 'break') hi++;

    const pre = new Map<CueKind, CueHit>();
    for (let i = lo; i < g.from; i++) {
      const c = cues[i];
      // A cue before the group must end before it: "not for" + "women", not a cue that swallows the group.
      if (c && c.to <= g.from) pre.set(c.kind, c);
    }
    const post = new Map<CueKind, CueHit>();
    for (let i = g.to; i < hi; i++) {
      const c = cues[i];
      if (c && c.to <= hi && !post.has(c.kind)) post.set(c.kind, c);
    }
    const personal = pre.has('personal');
    const shopper = origin === 'shopper';
    // Adjacent: at most one word between the frame word and the group ("simple enough for young girls").
    const near = (c: CueHit | undefined, gap: number): c is CueHit => c !== undefined && g.from - c.to <= gap;

    let frame: Frame | undefined;
    const used: CueHit[] = [];
    const use = (f: Frame, ...c: CueHit[]): void => {
      if (frame) return;
      frame = f;
      used.push(...c);
    };
    const ability = post.get('ability');
    const even = pre.get('even');
    const soEasy = pre.get('so-easy');
    const enoughFor = pre.get('enough-for');
    const notConfused = post.get('not-confused');
    const notFor = pre.get('not-for');
    const exclude = post.get('exclude');
    const neg = post.get('stereo-neg');
    const pref = post.get('stereo-pref');
    const real = pre.get('real');
    const not = pre.get('not');
    const forCue = pre.get('for');

    if (personal && shopper) continue;
    // A stereotype speaks of a group: "women love", "a woman always", not "wife loves it".
    const singular = !g.han && g.to - g.from === 1 && SINGULAR_NOUNS.has(tokens[g.from]!.norm);
    const generic = !singular || (g.from > 0 && GENERIC_DETERMINERS.has(tokens[g.from - 1]!.norm));
    // "老人也会用" is condescending; "老年人也能看得清" (large print) is not: 也能/也会 count before a verb of using or learning.
    const zhAbility = (c: CueHit | undefined): boolean =>
      c !== undefined && (!g.han || /[用学懂操上搞会]/.test(text.slice(tokens[c.to - 1]!.end, tokens[c.to - 1]!.end + 4)));
    if (even && ability) use('condescension', even, ability);
    if (even && notConfused) use('condescension', even, notConfused);
    if (near(enoughFor, 1) && !personal) use('condescension', enoughFor);
    if (soEasy && ability) use('condescension', soEasy, ability);
    if (notConfused && !shopper && zhAbility(notConfused)) use('condescension', notConfused);
    if (exclude) use('exclusion', exclude);
    if (near(notFor, 1) && !shopper) use('exclusion', notFor);
    // "not a phone for grandpas", "for men, not boys"
    if (!shopper && not && ((near(forCue, 0) && not.from < forCue.from) || near(not, 0))) use('exclusion', not, ...(forCue && near(forCue, 0) ? [forCue] : []));
    if (g.cls === 'gender' && real && real.to === g.from) use('stereotype', real);
    if (!personal && generic && neg && neg.from - g.to <= 2) use('stereotype', neg);
    if (!personal && generic && !shopper && pref && pref.from - g.to <= 2) use('stereotype', pref);
    if (!frame) continue;

    const startTok = Math.min(g.from, ...used.map((c) => c.from));
    const endTok = Math.max(g.to, ...used.map((c) => c.to));
    const start = tokens[startTok]!.start;
    const end = tokens[endTok - 1]!.end;
    const message = MESSAGES[frame][g.han ? 'zh' : 'en'];
    findings.push({
      category: 'bias',
      start,
      end,
      severity: g.cls === 'ethnicity' || g.cls === 'disability' || g.cls === 'religion' ? 'high' : 'medium',
      suggestion: { action: 'soften', message },
      match: text.slice(start, end),
      rule: `bias.frame-${frame}.${g.cls}`,
    });
  }
  return findings;
}
