import type { LanguagePack, LexiconEntry } from './lexicon-types.ts';
import type { LexUnit } from './lex-unit.ts';
import type { AspectName } from './types.ts';

/** A polar hit with every rule applied. */
export interface ScoredCue {
  start: number;
  end: number;
  weight: number;
  clause: number;
  /** The aspect the cue names itself, or the nearest aspect word in its clause. */
  aspect: AspectName | null;
  /** Offsets of that aspect word when the aspect came from one. */
  aspectStart: number;
  aspectEnd: number;
}

export interface ScoredSentence {
  cues: ScoredCue[];
  /** The sentence opens with "But"/"但是": the previous sentence weighs less. */
  opensWithContrast: boolean;
  /** Every aspect word, with or without an opinion next to it (the learned model can judge the bare ones). */
  mentions: AspectMention[];
}

export interface AspectMention {
  aspect: AspectName;
  start: number;
  end: number;
  clause: number;
}

interface PendingCue {
  unit: LexUnit;
  entry: Extract<LexiconEntry, { kind: 'polar' }>;
  negated: boolean;
  negationStrength: number;
  againstOther: boolean;
  scale: number;
  clause: number;
}

/** How much a negated word keeps: "not good" is clearly negative, "not bad" only mildly positive. */
const NEGATED_POSITIVE = 0.8;
const NEGATED_NEGATIVE = 0.55;
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const CONCESSION = 0.5;
const MODIFIER_REACH = 2;

/** Applies negation, intensity, contrast, comparison and emphasis to one sentence's units. */
export function scoreSentence(units: readonly LexUnit[], pack: LanguagePack, exclamations: number, question: boolean): ScoredSentence {
  const pending: PendingCue[] = [];
  const mentions: AspectMention[] = [];
  let clause = 0;
  let negationLeft = 0;
  let negationStrength = 1;
  let modifier = 1;
  let modifierLeft = 0;
  let comparativeNext = false;
  let referenceSeen = false;
  let thanSeen = false;
  let obligationSeen = false;
  let goal = false;
  let contrastBoost = 1;
  let concession = 1;
  let opensWithContrast = false;
  let meaningfulSeen = false;

  const endClause = (): void => {
    clause++;
    negationLeft = 0;
    modifier = 1;
    modifierLeft = 0;
    comparativeNext = false;
    referenceSeen = false;
    thanSeen = false;
    obligationSeen = false;
    goal = false;
    // "Although it is pricey, it works great": the clause after the concession weighs as after a "but".
    if (concession !== 1) {
      concession = 1;
      contrastBoost = Math.max(contrastBoost, CONTRAST_AFTER * 0.85);
    }
  };

  for (const unit of units) {
    if (unit.isBreak) {
      endClause();
      continue;
    }
    const entry = unit.entry;
    if (!entry || entry.kind === 'neutral') {
      if (negationLeft > 0) negationLeft--;
      if (modifierLeft > 0 && --modifierLeft === 0) modifier = 1;
      meaningfulSeen = true;
      continue;
    }
    switch (entry.kind) {
      case 'negator':
        negationLeft = pack.negationScope;
        negationStrength = entry.strength ?? 1;
        break;
      case 'modifier':
        modifier *= entry.factor;
        modifierLeft = MODIFIER_REACH;
        if (entry.comparative) comparativeNext = true;
        break;
      case 'contrast':
        if (entry.weighs === 'after') {
          if (!meaningfulSeen) opensWithContrast = true;
          for (const cue of pending) cue.scale *= CONTRAST_BEFORE;
          endClause();
          contrastBoost = CONTRAST_AFTER;
        } else {
          concession = CONCESSION;
        }
        break;
      case 'aspect':
        mentions.push({ aspect: entry.aspect, start: unit.start, end: unit.end, clause });
        break;
      case 'reference':
        if (!thanSeen) referenceSeen = true;
        break;
      case 'than':
        thanSeen = true;
        break;
      case 'obligation':
        obligationSeen = true;
        break;
      case 'purpose':
        if (obligationSeen) goal = true;
        break;
      case 'polar': {
        const comparative = entry.comparative === true || comparativeNext;
        pending.push({
          unit,
          entry,
          // A goal the shopper has to work for ("… to get decent volume") is missing praise.
          negated: negationLeft > 0 || (goal && entry.value > 0),
          negationStrength: negationLeft > 0 ? negationStrength : 1,
          againstOther: comparative && referenceSeen,
          scale: modifier * unit.emphasis * contrastBoost * concession,
          clause,
        });
        negationLeft = 0;
        modifier = 1;
        modifierLeft = 0;
        comparativeNext = false;
        break;
      }
    }
    meaningfulSeen = true;
  }

  const emphasis = (1 + 0.15 * Math.min(exclamations, 3)) * (question ? 0.8 : 1);
  const resolved = pending.map((cue) => resolveCue(cue, mentions, emphasis));
  echoClauseOpinion(pending, resolved);
  const cues = resolved.filter((cue) => cue.weight !== 0);
  return { cues, opensWithContrast, mentions };
}

/** An echoing phrase ("for the price") turns negative when the opinion before it in its clause is negative. */
function echoClauseOpinion(pending: readonly PendingCue[], resolved: ScoredCue[]): void {
  for (let index = 1; index < pending.length; index++) {
    if (!pending[index].entry.echoes) continue;
    const before = resolved[index - 1];
    if (before.clause === resolved[index].clause && before.weight < 0) resolved[index].weight = -Math.abs(resolved[index].weight);
  }
}

function resolveCue(cue: PendingCue, mentions: readonly AspectMention[], emphasis: number): ScoredCue {
  const ownAspect = cue.entry.aspect;
  const mention = cue.entry.standalone ? null : nearestMention(cue.unit, cue.clause, mentions, ownAspect);
  let value = cue.entry.value;
  const contextual = mention && cue.entry.byAspect?.[mention.aspect];
  if (contextual !== undefined && contextual !== null) value = contextual;
  if (cue.negated) value = -value * (value > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE) * cue.negationStrength;
  if (cue.againstOther) value = -value;
  return {
    start: cue.unit.start,
    end: cue.unit.end,
    weight: value * cue.scale * emphasis,
    clause: cue.clause,
    aspect: ownAspect ?? mention?.aspect ?? null,
    aspectStart: mention ? mention.start : cue.unit.start,
    aspectEnd: mention ? mention.end : cue.unit.end,
  };
}

/** The closest aspect word in the same clause; for a phrase that names its aspect, only a word of that aspect ("packaging … crushed"). */
function nearestMention(unit: LexUnit, clause: number, mentions: readonly AspectMention[], onlyAspect: AspectName | undefined): AspectMention | null {
  let best: AspectMention | null = null;
  let bestDistance = Infinity;
  for (const mention of mentions) {
    if (mention.clause !== clause || (onlyAspect && mention.aspect !== onlyAspect)) continue;
    const distance = mention.end <= unit.start ? unit.start - mention.end : mention.start - unit.end;
    // Prefer the aspect word before the opinion ("shipping was fast") on ties.
    const biased = mention.end <= unit.start ? distance : distance + 0.5;
    if (biased < bestDistance) {
      bestDistance = biased;
      best = mention;
    }
  }
  return best;
}
