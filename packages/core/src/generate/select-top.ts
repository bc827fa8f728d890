/**
 * Partial selection over a vocabulary-sized score array: the k-th largest value
 * with a k-sized min-heap, O(V log k), instead of sorting 50,257 scores per token.
 */
export function kthLargest(scores: Float32Array, k: number): number {
  const n = scores.length;
  if (k >= n) {
    let min = Infinity;
    for (let i = 0; i < n; i++) if (scores[i] < min) min = scores[i];
    return min;
  }
  const heap = new Float32Array(k);
  for (let i = 0; i < k; i++) heap[i] = scores[i];
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(heap, i, k);
  for (let i = k; i < n; i++) {
    const s = scores[i];
    if (s > heap[0]) {
      heap[0] = s;
      siftDown(heap, 0, k);
    }
  }
  return heap[0];
}

function siftDown(heap: Float32Array, start: number, size: number): void {
  let i = start;
  const value = heap[i];
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && heap[right] < heap[left] ? right : left;
    if (heap[child] >= value) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = value;
}

/** Indices whose score is at least `threshold`, in index order. */
export function indicesAtLeast(scores: Float32Array, threshold: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] >= threshold) out.push(i);
  return out;
}
