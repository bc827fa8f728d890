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

const CUE_KINDS = Object.keys(CUES) as CueKind[];
type CueSlots = Record<CueKind, CueHit | undefined>;
const emptySlots = (): CueSlots => Object.fromEntries(CUE_KINDS.map((k) => [k, undefined])) as CueSlots;

/** Frame words near a group, by kind: the last one before it, the first one after it. Reused per group (no allocation). */
const PRE: CueSlots = emptySlots();
const POST: CueSlots = emptySlots();

// "老人也会用" is condescending; "老年人也能看得清" (large print) is not: in Chinese, 也能/也会 count before a verb of using or learning.
const ZH_USE_VERB = /[用学懂操上搞会]/;

interface FrameHit {
  frame: Frame;
  /** Token span of the cues that made it. */
  from: number;
  to: number;
}

function frameFor(g: GroupSpan, tokens: readonly GuardToken[], text: string, shopper: boolean): FrameHit | undefined {
  const personal = PRE.personal !== undefined;
  if (personal && shopper) return undefined;
  // Adjacent: at most `gap` words between the frame word and the group ("simple enough for young girls").
  const near = (c: CueHit | undefined, gap: number): c is CueHit => c !== undefined && g.from - c.to <= gap;
  const hit = (frame: Frame, a: CueHit, b?: CueHit): FrameHit => ({
    frame,
    from: Math.min(a.from, b?.from ?? a.from),
    to: Math.max(a.to, b?.to ?? a.to),
  });
  // A stereotype speaks of a group: "women love", "a woman always", not "wife loves it".
  const singular = !g.han && g.to - g.from === 1 && SINGULAR_NOUNS.has(tokens[g.from]!.norm);
  const generic = !singular || (g.from > 0 && GENERIC_DETERMINERS.has(tokens[g.from - 1]!.norm));
  const { even, 'so-easy': soEasy, 'enough-for': enoughFor, 'not-for': notFor, real, not, for: forCue } = PRE;
  const { ability, 'not-confused': notConfused, exclude, 'stereo-neg': neg, 'stereo-pref': pref } = POST;

  if (even && ability) return hit('condescension', even, ability);
  if (even && notConfused) return hit('condescension', even, notConfused);
  if (near(enoughFor, 1) && !personal) return hit('condescension', enoughFor);
  if (soEasy && ability) return hit('condescension', soEasy, ability);
  if (notConfused && !shopper) {
    const after = tokens[notConfused.to - 1]!.end;
    if (!g.han || ZH_USE_VERB.test(text.slice(after, after + 4))) return hit('condescension', notConfused);
  }
  if (exclude) return hit('exclusion', exclude);
  if (near(notFor, 1) && !shopper) return hit('exclusion', notFor);
  // "not a phone for grandpas", "for men, not boys"
  if (!shopper && not) {
    if (near(forCue, 0) && not.from < forCue.from) return hit('exclusion', not, forCue);
    if (near(not, 0)) return hit('exclusion', not);
  }
  if (g.cls === 'gender' && real && real.to === g.from) return hit('stereotype', real);
  if (!personal && generic && neg && neg.from - g.to <= 2) return hit('stereotype', neg);
  if (!personal && generic && !shopper && pref && pref.from - g.to <= 2) return hit('stereotype', pref);
  return undefined;
}

export function biasFrameFindings(text: string, tokens: readonly GuardToken[], origin: GuardOrigin): GuardFinding[] {
  const cues = cuesAt(tokens);
  const findings: GuardFinding[] = [];
  const shopper = origin === 'shopper';
  for (const g of findGroups(tokens)) {
    const before = g.han ? 6 : 4;
    const after = g.han ? 6 : 4;
    let lo = g.from;
    while (lo > 0 && g.from - lo < before && tokens[lo - 1]!.kind !== 'break') lo--;
    let hi = g.to;
    while (hi < tokens.length && hi - g.to < after && tokens[hi]!.kind !== 'break') hi++;

    for (const k of CUE_KINDS) PRE[k] = POST[k] = undefined;
    let any = false;
    for (let i = lo; i < g.from; i++) {
      const c = cues[i];
      // A cue before the group must end before it: "not for" + "women", not a cue that swallows the group.
      if (c && c.to <= g.from) {
        PRE[c.kind] = c;
        any = true;
      }
    }
    for (let i = g.to; i < hi; i++) {
      const c = cues[i];
      if (c && c.to <= hi && POST[c.kind] === undefined) {
        POST[c.kind] = c;
        any = true;
      }
    }
    if (!any) continue;
    const found = frameFor(g, tokens, text, shopper);
    if (!found) continue;

    const start = tokens[Math.min(g.from, found.from)]!.start;
    const end = tokens[Math.max(g.to, found.to) - 1]!.end;
    findings.push({
      category: 'bias',
      start,
      end,
      severity: g.cls === 'ethnicity' || g.cls === 'disability' || g.cls === 'religion' ? 'high' : 'medium',
      suggestion: { action: 'soften', message: MESSAGES[found.frame][g.han ? 'zh' : 'en'] },
      match: text.slice(start, end),
      rule: `bias.frame-${found.frame}.${g.cls}`,
    });
  }
  return findings;
}
