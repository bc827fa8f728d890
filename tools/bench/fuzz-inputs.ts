/**
 * Adversarial texts for the linear-time checks (test/unit/guard-linear.test.ts, tools/bench/guard-fuzz.ts):
 * each rule's trigger characters repeated, near-misses of each rule, repeated tokens, mixed en/zh.
 */
import { DEFAULT_GUARD_RULES } from '../../packages/core/src/prompting/index.ts';

/** Units repeated to the requested length. */
const TRIGGERS: readonly string[] = [
  'a', '1', ' ', '\t', '.', '-', '@', 'a@', 'a.', '@a.', 'a@a.', 'a.a@', '1 ', '1-', '1.', '(1', '+1 ', '12 ', '1234 ',
  '市', '省市', '路', '路1', '路1号', '京市区', '我住在', '1号', '号楼', '一', '。', '，', '连', '连女', '连女生都', '都会',
  'even ', 'even women ', 'women ', 'women can ', 'so easy even ', 'enough for ', 'not for ', 'real ', 'old ', 'old people ',
  'fat ', 'best ', 'the best ', 'best in the ', '#1 ', '100% ', '100 ', 'cures ', 'proven ', 'guaranteed ', 'earn 1',
  'fuck', 'ass ', 'shit ', '妈的', '垃圾', '去死', 'Apt ', '1 A ', '1 Ab St', 'P.O. Box ', 'call ', 'call 1', '电话1',
  '30 x ', '30 x 20 ', '1 cm ', '60% ', '60% cotton ', 'made in ', 'Made in A ', 'compatible with ', '兼容', '产地', '制造',
  'cotton ', 'certified ', 'warranty ', 'x', '×', '*', '!', '?', '\n', '😀', '\uD800', 'Ab ', '女人', '女人就', '胖', '胖的人',
];

export interface FuzzInput {
  name: string;
  text: string;
}

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Near-misses: for each rule, a short sample it matches, cut one character short, repeated. */
const NEAR_MISS_SAMPLES = [
  'jo.doe@example.com', '4111 1111 1111 1111', '(555) 123-4567', '13812345678', '010-12345678', 'call me at 555 123 4567',
  '221 Baker Street, Apt 4', '北京市朝阳区建国路88号', 'the best blender in the world', '100% safe', 'completely safe',
  'cures headaches', 'clinically proven', 'FDA approved', 'boosts immunity', 'earn $500 a day', 'lasts forever',
  '保证有效', '世界第一', '根治', '稳赚', 'so easy even your wife can', 'real men', 'flesh-colored', 'fat people are',
  '黑鬼', '女司机', '肥婆', 'motherfucker', 'bullshit', 'damn it', 'idiot', '他妈的', '妈的', '白痴',
  'even old people can', 'simple enough for girls', '连女生都会用', 'women love spending', '女人就别买',
];

export function fuzzInputs(length: number): FuzzInput[] {
  const inputs: FuzzInput[] = TRIGGERS.map((t) => ({ name: `repeat ${JSON.stringify(t)}`, text: fill(t, length) }));
  for (const s of NEAR_MISS_SAMPLES) inputs.push({ name: `near-miss ${JSON.stringify(s.slice(0, -1))}`, text: fill(`${s.slice(0, -1)} `, length) });
  // Every rule's literal characters, in order, repeated: whatever the rule looks for, over and over.
  for (const rule of DEFAULT_GUARD_RULES) {
    const literal = rule.pattern.source.replace(/\\[dDwWsSbB]|\\u[0-9a-f]{4}|\[[^\]]*\]|\{[^}]*\}|[()?:|*+^$\\]/g, '').slice(0, 24);
    if (literal.length > 0) inputs.push({ name: `rule ${rule.id}`, text: fill(literal, length) });
  }
  inputs.push({ name: 'review sentences', text: fill('The fit is great. 尺码很合适，质量也不错！ ', length) });
  return inputs;
}
