/** A growable little-endian byte buffer for the tools' binary files (phrase models, token ids). */
export class ByteWriter {
  #bytes = new Uint8Array(1 << 20);
  length = 0;
  #ensure(extra: number): void {
    if (this.length + extra <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.length + extra));
    grown.set(this.#bytes.subarray(0, this.length));
    this.#bytes = grown;
  }
  byte(value: number): void {
    this.#ensure(1);
    this.#bytes[this.length++] = value;
  }
  varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }
  bytes(data: Uint8Array): void {
    this.#ensure(data.length);
    this.#bytes.set(data, this.length);
    this.length += data.length;
  }
  /** Each value as two bytes, little-endian (GPT-2 token ids). */
  u16s(values: readonly number[]): void {
    this.#ensure(2 * values.length);
    for (const value of values) {
      this.#bytes[this.length++] = value & 0xff;
      this.#bytes[this.length++] = (value >>> 8) & 0xff;
    }
  }
  u32(value: number): void {
    this.byte(value & 0xff);
    this.byte((value >>> 8) & 0xff);
    this.byte((value >>> 16) & 0xff);
    this.byte((value >>> 24) & 0xff);
  }
  result(): Uint8Array {
    return this.#bytes.slice(0, this.length);
  }
}
