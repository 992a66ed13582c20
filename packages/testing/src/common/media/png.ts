import { deflateSync } from 'node:zlib';

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309) as PNG chunks use it. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.byteLength + 4);
  out.writeUInt32BE(data.byteLength, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.byteLength);
  return out;
}

/** Options of {@link createPng}. */
export interface PngOptions {
  readonly width: number;
  readonly height: number;
  /** Fill colour, `[r, g, b]` 0..255 (default a mid grey). */
  readonly rgb?: readonly [number, number, number];
}

function checkDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 8192) {
    throw new RangeError(`PNG ${name} must be an integer from 1 to 8192; got ${String(value)}.`);
  }
}

/**
 * A valid PNG of one solid colour (8-bit RGB, no interlace): signature, IHDR, one zlib IDAT,
 * IEND, each with its CRC. Solid rows compress to almost nothing, so even 1024x1024 is tiny.
 */
export function createPng(options: PngOptions): Uint8Array {
  const { width, height } = options;
  checkDimension('width', width);
  checkDimension('height', height);
  const [r, g, b] = options.rgb ?? [128, 128, 128];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  // bytes 10..12: deflate compression, adaptive filtering, no interlace (all 0)
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.alloc(row.byteLength * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * row.byteLength);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}
