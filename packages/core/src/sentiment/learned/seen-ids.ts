/**
 * A set of bucket ids for one scope (one review, one sentence) that starts empty in O(1):
 * each scope gets a new stamp instead of a cleared table. The learned models count each
 * feature once per review (presence, not frequency: a word repeated in a long review is not
 * stronger evidence), and the training tool uses the same class so both count alike.
 * Open addressing over a small table that stays in the L1 cache (a review has ~100 ids); it
 * doubles when a long text fills half of it.
 */
const slotOf = (id: number, mask: number): number => {
  const h = Math.imul(id, 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
};

export class SeenIds {
  private keys = new Int32Array(512);
  private stamps = new Int32Array(512);
  private mask = 511;
  private stamp = 1;
  private size = 0;

  /** Starts a new scope: every id is unseen again. */
  next(): void {
    this.size = 0;
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** True the first time `id` (≥ 0) comes up in the current scope. */
  firstTime(id: number): boolean {
    let slot = slotOf(id, this.mask);
    while (this.stamps[slot] === this.stamp) {
      if (this.keys[slot] === id) return false;
      slot = (slot + 1) & this.mask;
    }
    this.stamps[slot] = this.stamp;
    this.keys[slot] = id;
    if (++this.size * 2 > this.mask) this.grow();
    return true;
  }

  private grow(): void {
    const { keys, stamps, stamp } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.stamps = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    for (let slot = 0; slot < keys.length; slot++) {
      if (stamps[slot] !== stamp) continue;
      let target = slotOf(keys[slot], this.mask);
      while (this.stamps[target] === stamp) target = (target + 1) & this.mask;
      this.stamps[target] = stamp;
      this.keys[target] = keys[slot];
    }
  }
}
