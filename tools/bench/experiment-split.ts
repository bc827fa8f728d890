/**
 * How close the control groups come to the configured share: 10,000 sequential visitor ids
 * ("visitor-0" …, the worst case for a weak hash) per experiment name and share.
 * Run: node tools/bench/experiment-split.ts
 */
import { experimentBucket } from '../../packages/elements/src/metrics/experiment.ts';

const visitors = 10_000;
console.log('| experiment | share | in control | deviation (σ) |');
console.log('| --- | --- | --- | --- |');
for (const name of ['ghost-2026', 'demo', 'holdout-b']) {
  for (const share of [0.1, 0.2, 0.5]) {
    let control = 0;
    for (let i = 0; i < visitors; i += 1) if (experimentBucket(name, `visitor-${i}`) < share) control += 1;
    const sigma = Math.sqrt((share * (1 - share)) / visitors);
    console.log(`| ${name} | ${share} | ${(control / visitors).toFixed(4)} | ${((control / visitors - share) / sigma).toFixed(1)} |`);
  }
}
