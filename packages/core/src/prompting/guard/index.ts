export { guardText, DEFAULT_GUARD_RULES } from './guard.ts';
export type { GuardRunOptions } from './guard.ts';
export { GUARD_CATEGORIES } from './types.ts';
export type {
  GuardCategory,
  GuardFinding,
  GuardOrigin,
  GuardOptions,
  GuardPolicy,
  GuardResult,
  GuardRule,
  GuardSeverity,
  GuardSuggestion,
} from './types.ts';
export type { FactValue, ProductFacts } from './facts.ts';
export { linearPatternProblems } from './linear-pattern.ts';
