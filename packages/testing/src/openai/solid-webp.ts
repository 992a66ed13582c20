/** Packs bits least-significant first, as the VP8L bitstream is written. */
class BitWriter {
  readonly #bytes: number[] = [];
  #current = 0;
  #used = 0;

  write(value: number, bits: number): void {
    for (let i = 0; i < bits; i++) {
      this.#current |= ((value >>> i) & 1) << this.#used;
      this.#used += 1;
      if (this.#used === 8) this.flush();
    }
  }

  flush(): void {
    if (this.#used === 0) return;
    this.#bytes.push(this.#current);
    this.#current = 0;
    this.#used = 0;
  }

  get bytes(): number[] {
    return this.#bytes;
  }
}

/** A prefix code with one symbol: zero bits per use, so a solid image needs no pixel data. */
function writeSingleSymbolCode(writer: BitWriter, symbol: number): void {
  writer.write(1, 1); // simple code
  writer.write(0, 1); // one symbol
  const eightBits = symbol > 1 ? 1 : 0;
  writer.write(eightBits, 1);
  writer.write(symbol, eightBits ? 8 : 1);
}

function riffChunk(fourCc: string, payload: Uint8Array): Uint8Array {
  const padded = payload.byteLength + (payload.byteLength % 2);
  const out = new Uint8Array(8 + padded);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(fourCc), 0);
  view.setUint32(4, payload.byteLength, true);
  out.set(payload, 8);
  return out;
}

/**
 * A valid lossless WebP (VP8L) of one opaque colour, any size up to 16384×16384. Every prefix
 * code holds a single symbol, so the file is ~40 bytes whatever its size.
 */
export function createSolidWebp(width: number, height: number, rgb: readonly [number, number, number] = [128, 128, 128]): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 16_384 || height > 16_384) {
    throw new RangeError(`WebP width and height must be integers from 1 to 16384; got ${width}x${height}.`);
  }
  const writer = new BitWriter();
  writer.write(0x2f, 8); // VP8L signature
  writer.write(width - 1, 14);
  writer.write(height - 1, 14);
  writer.write(0, 1); // alpha unused
  writer.write(0, 3); // version 0
  writer.write(0, 1); // no transform
  writer.write(0, 1); // no colour cache
  writer.write(0, 1); // no meta prefix codes
  const [red, green, blue] = rgb;
  for (const symbol of [green, red, blue, 255, 0]) writeSingleSymbolCode(writer, symbol);
  writer.flush();
  const vp8l = riffChunk('VP8L', Uint8Array.from(writer.bytes));
  const body = new Uint8Array(4 + vp8l.byteLength);
  body.set(new TextEncoder().encode('WEBP'), 0);
  body.set(vp8l, 4);
  return riffChunk('RIFF', body);
}
