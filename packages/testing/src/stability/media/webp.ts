/** Options of {@link createWebp}. */
export interface WebpOptions {
  readonly width: number;
  readonly height: number;
  /** Fill colour, `[r, g, b]` 0..255 (default a mid grey). */
  readonly rgb?: readonly [number, number, number];
}

function checkDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 16_384) {
    throw new RangeError(`WebP ${name} must be an integer from 1 to 16384; got ${String(value)}.`);
  }
}

/** Writes values least-significant bit first, as the VP8L bitstream reads them. */
class BitWriter {
  readonly #bytes: number[] = [];
  #bitCount = 0;

  write(value: number, bits: number): void {
    for (let i = 0; i < bits; i++) {
      const byteIndex = this.#bitCount >> 3;
      if (byteIndex === this.#bytes.length) this.#bytes.push(0);
      if ((value >>> i) & 1) this.#bytes[byteIndex] = (this.#bytes[byteIndex] as number) | (1 << (this.#bitCount & 7));
      this.#bitCount++;
    }
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }
}

/** A "simple" prefix code with one symbol: it takes zero bits per pixel. */
function singleSymbolCode(writer: BitWriter, symbol: number): void {
  writer.write(1, 1);
  writer.write(0, 1);
  const wide = symbol > 1;
  writer.write(wide ? 1 : 0, 1);
  writer.write(symbol, wide ? 8 : 1);
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}

function uint32le(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

/**
 * A valid lossless WebP (RIFF, one `VP8L` chunk) of one solid colour. Each of the five prefix
 * codes has a single symbol, so every pixel decodes from zero bits and any size costs a few
 * dozen bytes.
 */
export function createWebp(options: WebpOptions): Uint8Array {
  const { width, height } = options;
  checkDimension('width', width);
  checkDimension('height', height);
  const [r, g, b] = options.rgb ?? [128, 128, 128];
  const writer = new BitWriter();
  writer.write(0x2f, 8);
  writer.write(width - 1, 14);
  writer.write(height - 1, 14);
  writer.write(0, 1); // no alpha
  writer.write(0, 3); // version 0
  writer.write(0, 1); // no transform
  writer.write(0, 1); // no colour cache
  writer.write(0, 1); // no meta prefix codes
  for (const symbol of [g, r, b, 255]) singleSymbolCode(writer, symbol);
  singleSymbolCode(writer, 0); // distance code, never used
  const payload = writer.bytes();
  const padded = payload.length % 2 === 1 ? [...payload, 0] : [...payload];
  const chunk = [...ascii('VP8L'), ...uint32le(payload.length), ...padded];
  return Uint8Array.from([...ascii('RIFF'), ...uint32le(4 + chunk.length), ...ascii('WEBP'), ...chunk]);
}
