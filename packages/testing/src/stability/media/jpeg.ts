/** Options of {@link createJpeg}. */
export interface JpegOptions {
  readonly width: number;
  readonly height: number;
}

function checkDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new RangeError(`JPEG ${name} must be an integer from 1 to 65535; got ${String(value)}.`);
  }
}

function segment(marker: number, payload: readonly number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

/**
 * A valid baseline JPEG (JFIF, one 8-bit grey component) of one flat mid-grey. Every 8x8
 * block codes "DC difference 0, end of block" with one-symbol Huffman tables, so a block
 * costs two bits and even 1536x640 stays a few kilobytes; any decoder reads it.
 */
export function createJpeg(options: JpegOptions): Uint8Array {
  const { width, height } = options;
  checkDimension('width', width);
  checkDimension('height', height);
  const jfif = segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const quantization = segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
  const frame = segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  // One code of length 1 ("0") per table: DC category 0 and AC end-of-block.
  const oneSymbolTable = (tableClass: number): number[] => [tableClass << 4, 1, ...new Array<number>(15).fill(0), 0x00];
  const huffman = segment(0xc4, [...oneSymbolTable(0), ...oneSymbolTable(1)]);
  const scan = segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // Two zero bits per block; the last byte is padded with one bits, as the standard asks.
  const bits = blocks * 2;
  const entropy = new Uint8Array(Math.ceil(bits / 8));
  const spare = entropy.length * 8 - bits;
  if (spare > 0) entropy[entropy.length - 1] = (1 << spare) - 1;
  const head = Uint8Array.from([0xff, 0xd8, ...jfif, ...quantization, ...frame, ...huffman, ...scan]);
  const out = new Uint8Array(head.length + entropy.length + 2);
  out.set(head, 0);
  out.set(entropy, head.length);
  out.set([0xff, 0xd9], head.length + entropy.length);
  return out;
}
