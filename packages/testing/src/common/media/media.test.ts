import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createMp4 } from './mp4';
import { createPng } from './png';
import { createWav } from './wav';

interface Box {
  readonly type: string;
  readonly start: number;
  readonly size: number;
  readonly payload: Buffer;
}

function readBoxes(buffer: Buffer, start = 0, end = buffer.byteLength): Box[] {
  const boxes: Box[] = [];
  for (let offset = start; offset < end; ) {
    const size = buffer.readUInt32BE(offset);
    expect(size).toBeGreaterThanOrEqual(8);
    boxes.push({ type: buffer.toString('latin1', offset + 4, offset + 8), start: offset, size, payload: buffer.subarray(offset + 8, offset + size) });
    offset += size;
  }
  return boxes;
}

function child(parent: Box, path: string[], skip = 0): Box {
  let box = parent;
  for (const type of path) {
    const found = readBoxes(box.payload, skip).find((candidate) => candidate.type === type);
    expect(found, `box ${type}`).toBeDefined();
    box = found as Box;
    skip = 0;
  }
  return box;
}

describe('createPng', () => {
  it('writes signature, IHDR with the size, an IDAT that inflates to the pixel rows, and IEND', () => {
    const png = Buffer.from(createPng({ width: 3, height: 2, rgb: [10, 20, 30] }));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([3, 2, 8, 2]);
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('latin1', 37, 41)).toBe('IDAT');
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...rows]).toEqual([0, 10, 20, 30, 10, 20, 30, 10, 20, 30, 0, 10, 20, 30, 10, 20, 30, 10, 20, 30]);
    expect(png.toString('latin1', png.byteLength - 8, png.byteLength - 4)).toBe('IEND');
    expect(png.readUInt32BE(png.byteLength - 4)).toBe(0xae426082);
  });

  it('rejects a bad size, naming it', () => {
    expect(() => createPng({ width: 0, height: 1 })).toThrow('PNG width must be an integer from 1 to 8192; got 0.');
  });
});

describe('createMp4', () => {
  it('writes ftyp, moov (duration, H.264 sample description) and an mdat the chunk offset points into', () => {
    const info = createMp4({ durationSeconds: 2, fps: 10 });
    const mp4 = Buffer.from(info.bytes);
    const top = readBoxes(mp4);
    expect(top.map((box) => box.type)).toEqual(['ftyp', 'moov', 'mdat']);
    expect(top[0]?.payload.toString('latin1', 0, 4)).toBe('isom');
    const moov = top[1] as Box;
    const mvhd = child(moov, ['mvhd']);
    expect(mvhd.payload.readUInt32BE(12) / mvhd.payload.readUInt32BE(16)).toBeCloseTo(0.5);
    expect(mvhd.payload.readUInt32BE(16) / mvhd.payload.readUInt32BE(12)).toBe(2);
    const stbl = child(moov, ['trak', 'mdia', 'minf', 'stbl']);
    const stsd = child(stbl, ['stsd']);
    const avc1 = readBoxes(stsd.payload, 8)[0] as Box;
    expect(avc1.type).toBe('avc1');
    expect([avc1.payload.readUInt16BE(24), avc1.payload.readUInt16BE(26)]).toEqual([16, 16]);
    const avcC = readBoxes(avc1.payload, 78)[0] as Box;
    expect(avcC.type).toBe('avcC');
    expect(avcC.payload[1]).toBe(66);
    const stsz = child(stbl, ['stsz']);
    expect(stsz.payload.readUInt32BE(8)).toBe(20);
    expect(info.numFrames).toBe(20);
    const firstSampleSize = stsz.payload.readUInt32BE(12);
    const chunkOffset = child(stbl, ['stco']).payload.readUInt32BE(8);
    const mdat = top[2] as Box;
    expect(chunkOffset).toBe(mdat.start + 8);
    // The first sample is a length-prefixed IDR NAL unit (type 5).
    expect(mp4.readUInt32BE(chunkOffset) + 4).toBe(firstSampleSize);
    expect((mp4[chunkOffset + 4] as number) & 0x1f).toBe(5);
  });

  it('rejects sizes that are not multiples of 16 and bad durations', () => {
    expect(() => createMp4({ width: 20 })).toThrow('MP4 width must be a multiple of 16 from 16 to 1920; got 20.');
    expect(() => createMp4({ durationSeconds: 0 })).toThrow('MP4 durationSeconds must be a number > 0 and <= 3600; got 0.');
  });
});

describe('createWav', () => {
  it('writes a RIFF/WAVE PCM header and the samples', () => {
    const wav = Buffer.from(createWav({ durationSeconds: 0.5, sampleRate: 8000 }));
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.toString('latin1', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt32LE(40)).toBe(4000);
    expect(wav.byteLength).toBe(44 + 4000);
  });
});
