/** A minimal protocol-buffers writer: just the wire types TensorBoard's Event, Summary and HistogramProto use. */

const utf8 = new TextEncoder();

/** Appends fields to a growing buffer; `bytes()` returns what was written. */
export class ProtoWriter {
  private buf = new Uint8Array(256);
  private len = 0;
  private readonly view = () => new DataView(this.buf.buffer);

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** A varint; numbers up to 2^53 (steps, lengths), never negative here. */
  varint(v: number): this {
    this.room(10);
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
    return this;
  }

  private key(field: number, wire: number): this {
    return this.varint(field * 8 + wire);
  }

  /** Field `field` as an int64 varint (wire type 0). */
  int64(field: number, v: number): this {
    return this.key(field, 0).varint(v);
  }

  /** Field `field` as a double (wire type 1). */
  double(field: number, v: number): this {
    this.key(field, 1).room(8);
    this.view().setFloat64(this.len, v, true);
    this.len += 8;
    return this;
  }

  /** Field `field` as a float (wire type 5). */
  float(field: number, v: number): this {
    this.key(field, 5).room(4);
    this.view().setFloat32(this.len, v, true);
    this.len += 4;
    return this;
  }

  /** Field `field` as length-delimited bytes (wire type 2): a string, a nested message, a packed array. */
  bytes(field: number, data: Uint8Array): this {
    this.key(field, 2).varint(data.length).room(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }

  string(field: number, s: string): this {
    return this.bytes(field, utf8.encode(s));
  }

  /** A packed `repeated double`. */
  packedDoubles(field: number, values: ArrayLike<number>): this {
    const data = new Uint8Array(values.length * 8);
    const dv = new DataView(data.buffer);
    for (let i = 0; i < values.length; i++) dv.setFloat64(i * 8, values[i], true);
    return this.bytes(field, data);
  }

  /** What was written so far. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
