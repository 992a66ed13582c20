function segment(marker: number, payload: readonly number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

/** A Huffman table with one symbol: its code is the single bit `0`. */
function singleSymbolTable(tableClassAndId: number, symbol: number): number[] {
  const counts = [1, ...new Array<number>(15).fill(0)];
  return [tableClassAndId, ...counts, symbol];
}

/**
 * A valid baseline greyscale JPEG of one mid-grey colour at any size. Mid grey is 0 after the
 * level shift, so every 8×8 block is "DC difference 0, end of block": two zero bits, coded with
 * one-symbol Huffman tables. The file stays tiny (a few bytes per 32 blocks).
 */
export function createSolidJpeg(width: number, height: number): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 65_535 || height > 65_535) {
    throw new RangeError(`JPEG width and height must be integers from 1 to 65535; got ${width}x${height}.`);
  }
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scanBits = blocks * 2;
  const scan = new Array<number>(Math.ceil(scanBits / 8)).fill(0);
  // Padding bits after the last code must be 1s.
  const padding = scan.length * 8 - scanBits;
  if (padding > 0) scan[scan.length - 1] = (1 << padding) - 1;
  const bytes = [
    0xff, 0xd8, // SOI
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // DQT: table 0, all ones
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]), // SOF0, one component
    ...segment(0xc4, singleSymbolTable(0x00, 0)), // DHT DC 0: category 0
    ...segment(0xc4, singleSymbolTable(0x10, 0)), // DHT AC 0: end of block
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    ...scan,
    0xff, 0xd9, // EOI
  ];
  return Uint8Array.from(bytes);
}
