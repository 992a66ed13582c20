import { createH264Stream, type YCbCr } from './h264';

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer;
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value & 0xffff);
  return buffer;
}

function u8(value: number): Buffer {
  return Buffer.of(value & 0xff);
}

function zeros(length: number): Buffer {
  return Buffer.alloc(length);
}

function box(type: string, ...payload: Uint8Array[]): Buffer {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32(8 + body.byteLength), Buffer.from(type, 'latin1'), body]);
}

function fullBox(type: string, version: number, flags: number, ...payload: Uint8Array[]): Buffer {
  return box(type, u32((version << 24) | flags), ...payload);
}

/** The identity transformation matrix of mvhd/tkhd. */
const MATRIX = Buffer.concat([0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].map(u32));
/** ISO-639-2 `und`, packed as three 5-bit letters. */
const LANGUAGE_UND = 0x55c4;
const MOVIE_TIMESCALE = 1000;

/** Options of {@link createMp4}. */
export interface Mp4Options {
  /** Playback length in seconds (default 1). */
  readonly durationSeconds?: number;
  /** Multiple of 16 (default 16). */
  readonly width?: number;
  /** Multiple of 16 (default 16). */
  readonly height?: number;
  /** Frames per second, integer (default 24). */
  readonly fps?: number;
  /** Colour as Y'CbCr (default a violet). */
  readonly colour?: YCbCr;
}

/** Facts about a generated MP4, for output metadata. */
export interface Mp4Info {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly numFrames: number;
  readonly durationSeconds: number;
}

function checkSize(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 16 || value > 1920 || value % 16 !== 0) {
    throw new RangeError(`MP4 ${name} must be a multiple of 16 from 16 to 1920; got ${String(value)}.`);
  }
}

/**
 * A small, valid and decodable MP4 (ISO BMFF `ftyp` + `moov` + `mdat`, faststart order) with
 * one H.264 video track of a solid colour: an IDR frame, then skipped P frames up to the
 * requested duration. An 8 s 16x16 clip is about 3 KB.
 */
export function createMp4(options: Mp4Options = {}): Mp4Info {
  const width = options.width ?? 16;
  const height = options.height ?? 16;
  const fps = options.fps ?? 24;
  const durationSeconds = options.durationSeconds ?? 1;
  checkSize('width', width);
  checkSize('height', height);
  if (!Number.isInteger(fps) || fps < 1 || fps > 120) throw new RangeError(`MP4 fps must be an integer from 1 to 120; got ${String(fps)}.`);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0 || durationSeconds > 3600) {
    throw new RangeError(`MP4 durationSeconds must be a number > 0 and <= 3600; got ${String(durationSeconds)}.`);
  }
  const stream = createH264Stream(width, height, options.colour ?? [90, 170, 150]);
  const numFrames = Math.max(1, Math.round(durationSeconds * fps));
  const frames = [stream.idr];
  for (let index = 1; index < numFrames; index++) frames.push(stream.skipFrame(index));
  // Samples are AVCC: each NAL unit prefixed by its 4-byte length.
  const samples = frames.map((nal) => Buffer.concat([u32(nal.byteLength), nal]));
  const trackTimescale = fps * 1000;
  const trackDuration = numFrames * 1000;
  const movieDuration = Math.round((numFrames * MOVIE_TIMESCALE) / fps);

  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'latin1'));
  const avcC = box(
    'avcC',
    u8(1),
    u8(stream.sps[1] ?? 0),
    u8(stream.sps[2] ?? 0),
    u8(stream.sps[3] ?? 0),
    u8(0xff), // lengthSizeMinusOne = 3
    u8(0xe1), // one SPS
    u16(stream.sps.byteLength),
    stream.sps,
    u8(1), // one PPS
    u16(stream.pps.byteLength),
    stream.pps,
  );
  const compressorName = zeros(32);
  const avc1 = box(
    'avc1',
    zeros(6),
    u16(1), // data_reference_index
    zeros(16),
    u16(width),
    u16(height),
    u32(0x00480000), // 72 dpi
    u32(0x00480000),
    zeros(4),
    u16(1), // frame_count
    compressorName,
    u16(0x0018), // depth
    u16(0xffff), // pre_defined = -1
    avcC,
  );
  const moovFor = (chunkOffset: number): Buffer =>
    box(
      'moov',
      fullBox('mvhd', 0, 0, u32(0), u32(0), u32(MOVIE_TIMESCALE), u32(movieDuration), u32(0x00010000), u16(0x0100), zeros(10), MATRIX, zeros(24), u32(2)),
      box(
        'trak',
        fullBox('tkhd', 0, 3, u32(0), u32(0), u32(1), zeros(4), u32(movieDuration), zeros(8), u16(0), u16(0), u16(0), zeros(2), MATRIX, u32(width << 16), u32(height << 16)),
        box(
          'mdia',
          fullBox('mdhd', 0, 0, u32(0), u32(0), u32(trackTimescale), u32(trackDuration), u16(LANGUAGE_UND), u16(0)),
          fullBox('hdlr', 0, 0, u32(0), Buffer.from('vide', 'latin1'), zeros(12), Buffer.from('VideoHandler\0', 'latin1')),
          box(
            'minf',
            fullBox('vmhd', 0, 1, zeros(8)),
            box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))),
            box(
              'stbl',
              fullBox('stsd', 0, 0, u32(1), avc1),
              fullBox('stts', 0, 0, u32(1), u32(numFrames), u32(1000)),
              fullBox('stss', 0, 0, u32(1), u32(1)),
              fullBox('stsc', 0, 0, u32(1), u32(1), u32(numFrames), u32(1)),
              fullBox('stsz', 0, 0, u32(0), u32(numFrames), ...samples.map((sample) => u32(sample.byteLength))),
              fullBox('stco', 0, 0, u32(1), u32(chunkOffset)),
            ),
          ),
        ),
      ),
    );
  // The chunk offset does not change the moov size, so one measuring pass is enough.
  const moovSize = moovFor(0).byteLength;
  const moov = moovFor(ftyp.byteLength + moovSize + 8);
  const mdat = box('mdat', ...samples);
  return {
    bytes: Buffer.concat([ftyp, moov, mdat]),
    width,
    height,
    fps,
    numFrames,
    durationSeconds: numFrames / fps,
  };
}
