import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PhraseModelHeader } from '../../packages/core/src/phrase/packed-format.ts';
import { PACKED_MAGIC, PACKED_VERSION } from '../../packages/core/src/phrase/packed-format.ts';
import type { BackoffModel } from './estimate.ts';
import type { NgramCounts, OrderTable } from './ngram-counts.ts';
import { ByteWriter } from '../shared/byte-writer.ts';

/** 256 equal-population bins; each code stands for its bin's mean (KenLM-style quantisation). */
export function codebook(values: Float64Array): { centers: number[]; codes: Uint8Array } {
  const sorted = Float64Array.from(values).sort();
  const bins = Math.min(256, Math.max(1, sorted.length));
  const upper: number[] = [];
  const centers: number[] = [];
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * sorted.length) / bins);
    const to = Math.max(from + 1, Math.floor(((b + 1) * sorted.length) / bins));
    let sum = 0;
    for (let i = from; i < to; i++) sum += sorted[i] as number;
    centers.push(Number((sum / (to - from)).toFixed(5)));
    upper.push(sorted[to - 1] as number);
  }
  const codes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = bins - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((upper[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
  }
  return { centers, codes };
}

function section(out: ByteWriter, data: Uint8Array): void {
  out.u32(data.length);
  out.bytes(data);
}

/** Lays the kept n-grams out as a sorted trie and writes the gzip-compressed `.cwpm` file. */
export function packModel(counts: NgramCounts, model: BackoffModel, vocab: readonly string[], header: Omit<PhraseModelHeader, 'levelSizes' | 'logProbCodebooks' | 'backoffCodebooks' | 'vocabSize'>): { bytes: Uint8Array; header: PhraseModelHeader } {
  const V = counts.vocabSize;
  // position[n-1][i]: where kept n-gram i sits on trie level n (level 1: its word id).
  const position: Int32Array[] = [];
  const orderOfLevel: number[][] = [];
  for (let n = 1; n <= counts.order; n++) {
    const t = counts.tables[n - 1] as OrderTable;
    const keep = model.keep[n - 1] as Uint8Array;
    const kept: number[] = [];
    for (let i = 0; i < t.word.length; i++) if (keep[i] === 1) kept.push(i);
    if (n > 1) {
      const parentPos = position[n - 2] as Int32Array;
      const key = (i: number): number => (parentPos[t.prefix[i] as number] as number) * V + (t.word[i] as number);
      kept.sort((x, y) => key(x) - key(y));
    }
    const pos = new Int32Array(t.word.length).fill(-1);
    kept.forEach((i, at) => {
      pos[i] = at;
    });
    position.push(pos);
    orderOfLevel.push(kept);
  }
  const levelSizes = orderOfLevel.map((k) => k.length);
  const logProbCodebooks: number[][] = [];
  const backoffCodebooks: number[][] = [];
  const sections: Uint8Array[] = [];
  sections.push(new TextEncoder().encode(vocab.slice(2).join('\n')));
  for (let n = 1; n <= counts.order; n++) {
    const kept = orderOfLevel[n - 1] as number[];
    const t = counts.tables[n - 1] as OrderTable;
    const top = n === counts.order;
    if (!top) {
      const children = new Uint32Array(kept.length);
      const next = counts.tables[n] as OrderTable;
      const keepNext = model.keep[n] as Uint8Array;
      const pos = position[n - 1] as Int32Array;
      for (let i = 0; i < next.word.length; i++) if (keepNext[i] === 1) children[pos[next.prefix[i] as number] as number] += 1;
      const w = new ByteWriter();
      for (const c of children) w.varint(c);
      sections.push(w.result());
    }
    if (n > 1) {
      const w = new ByteWriter();
      const parentPos = position[n - 2] as Int32Array;
      let lastParent = -1;
      let lastWord = 0;
      for (const i of kept) {
        const parent = parentPos[t.prefix[i] as number] as number;
        const word = t.word[i] as number;
        w.varint(parent === lastParent ? word - lastWord : word);
        lastParent = parent;
        lastWord = word;
      }
      sections.push(w.result());
    }
    const lp = model.logProb[n - 1] as Float64Array;
    const probs = codebook(Float64Array.from(kept, (i) => lp[i] as number));
    logProbCodebooks.push(probs.centers);
    sections.push(probs.codes);
    if (!top) {
      const bo = model.logBackoff[n - 1] as Float64Array;
      const backs = codebook(Float64Array.from(kept, (i) => bo[i] as number));
      backoffCodebooks.push(backs.centers);
      sections.push(backs.codes);
    }
  }
  const full: PhraseModelHeader = { ...header, vocabSize: V, levelSizes, logProbCodebooks, backoffCodebooks } as PhraseModelHeader;
  return { bytes: encodePacked(full, sections), header: full };
}

/** The file: magic, version, header, sections — gzip-compressed (deterministic: no timestamp). */
export function encodePacked(header: PhraseModelHeader, sections: readonly Uint8Array[]): Uint8Array {
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode(PACKED_MAGIC));
  out.u32(PACKED_VERSION);
  section(out, new TextEncoder().encode(JSON.stringify(header)));
  for (const s of sections) section(out, s);
  return gzipSync(out.result(), { level: 9 });
}

/** Replaces the calibrated settings in a packed file's header (thresholds, cache weights), keeping everything else byte for byte. */
export function rewriteCalibration(file: string, calibration: Pick<PhraseModelHeader, 'ghost' | 'cache'>): void {
  const raw = new Uint8Array(gunzipSync(readFileSync(file)));
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(raw.subarray(12, 12 + headerLength))) as PhraseModelHeader;
  const rest = raw.subarray(12 + headerLength);
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode(PACKED_MAGIC));
  out.u32(PACKED_VERSION);
  section(out, new TextEncoder().encode(JSON.stringify({ ...header, ...calibration })));
  out.bytes(rest);
  writeFileSync(file, gzipSync(out.result(), { level: 9 }));
}
