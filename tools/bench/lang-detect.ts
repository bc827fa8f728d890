/**
 * Which Han:Latin ratio tells a zh review from an en one best?
 * Measures the rules the two former detectors used (Han×2 ≥ Latin, Han×3 ≥ Latin) and ×4 on hand-written mixed
 * sentences (brand names in Latin inside Chinese, Chinese words inside English) and, when ../shared/corpus is
 * there, on the first reviews of each corpus file. Writes test/bench/lang-detect.{md,json}.
 *   node tools/bench/lang-detect.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

type Lang = 'en' | 'zh';
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
function byRatio(text: string, ratio: number): Lang {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLatin(c)) latin++;
    else if (isHan(c)) han++;
  }
  return han > 0 && han * ratio >= latin ? 'zh' : 'en';
}

/** Written for this measurement: the language is the one the sentence is written in. */
const MIXED: [string, Lang][] = [
  ['MacBook Air 续航很好', 'zh'],
  ['AirPods Pro 音质不错', 'zh'],
  ['Samsung Galaxy 拍照清晰', 'zh'],
  ['Nintendo Switch 手柄好用', 'zh'],
  ['Kindle Paperwhite 屏幕舒服', 'zh'],
  ['买了 Logitech MX Master 鼠标，手感好', 'zh'],
  ['Bluetooth 连接稳定', 'zh'],
  ['Dyson V11 吸力大', 'zh'],
  ['Xiaomi Redmi Note 性价比高', 'zh'],
  ['iPhone 充电快', 'zh'],
  ['这款 Sony WH-1000XM4 降噪效果一流', 'zh'],
  ['USB-C 接口很方便，Wi-Fi 信号也好', 'zh'],
  ['Philips Sonicare 牙刷不错', 'zh'],
  ['Great tea set, 很漂亮', 'en'],
  ['The mooncakes were delicious, 好吃!', 'en'],
  ['I bought this for my mom, she said 不错', 'en'],
  ['Works well. Label says 中国制造 on the back.', 'en'],
  ['The packaging said 谢谢 which was cute', 'en'],
  ['Nice scarf, the pattern is called 福 I think', 'en'],
  ['Good rice cooker, the buttons are in Chinese: 煮饭 and 保温', 'en'],
  ['Lovely gift, 新年快乐', 'en'],
];

const readCorpus = (file: string, limit: number): string[] => {
  const path = new URL(`../../../shared/corpus/${file}`, import.meta.url);
  if (!existsSync(path)) return [];
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean).slice(0, limit);
  return lines.map((line) => (JSON.parse(line) as { text: string }).text);
};
const corpus: [string, Lang][] = [
  ...readCorpus('en-reviews.jsonl.gz', 5000).map((t) => [t, 'en'] as [string, Lang]),
  ...readCorpus('zh-reviews.jsonl.gz', 5000).map((t) => [t, 'zh'] as [string, Lang]),
];

const results = [2, 3, 4].map((ratio) => {
  const wrongMixed = MIXED.filter(([t, l]) => byRatio(t, ratio) !== l).map(([t]) => t);
  const wrongCorpus = corpus.filter(([t, l]) => byRatio(t, ratio) !== l).length;
  return { rule: `han*${ratio} >= latin`, mixedCorrect: MIXED.length - wrongMixed.length, mixedTotal: MIXED.length, wrongMixed, corpusCorrect: corpus.length - wrongCorpus, corpusTotal: corpus.length };
});
const md = [
  '# Language detection: Han×2, ×3, ×4 against Latin letters',
  '',
  'Command: `node tools/bench/lang-detect.ts` (corpus rows need ../shared/corpus; the first 5,000 reviews of each file).',
  '',
  '| rule | hand-written mixed | corpus | mixed sentences it gets wrong |',
  '| --- | --- | --- | --- |',
  ...results.map((r) => `| ${r.rule} | ${r.mixedCorrect}/${r.mixedTotal} | ${r.corpusCorrect}/${r.corpusTotal} | ${r.wrongMixed.join('; ') || '—'} |`),
  '',
].join('\n');
writeFileSync(new URL('../../test/bench/lang-detect.md', import.meta.url), md);
writeFileSync(new URL('../../test/bench/lang-detect.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
console.log(md);
