/** Options of {@link createWav}. */
export interface WavOptions {
  /** Length in seconds (default 1). */
  readonly durationSeconds?: number;
  /** Default 8000 Hz (the file stays small). */
  readonly sampleRate?: number;
}

/** A valid silent WAV (RIFF, PCM 8-bit mono), for audio outputs. */
export function createWav(options: WavOptions = {}): Uint8Array {
  const durationSeconds = options.durationSeconds ?? 1;
  const sampleRate = options.sampleRate ?? 8000;
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0 || durationSeconds > 600) {
    throw new RangeError(`WAV durationSeconds must be a number > 0 and <= 600; got ${String(durationSeconds)}.`);
  }
  if (!Number.isInteger(sampleRate) || sampleRate < 1000 || sampleRate > 48_000) {
    throw new RangeError(`WAV sampleRate must be an integer from 1000 to 48000; got ${String(sampleRate)}.`);
  }
  const samples = Math.round(durationSeconds * sampleRate);
  const out = Buffer.alloc(44 + samples, 0x80); // 0x80 is silence in unsigned 8-bit PCM
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + samples, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate, 28); // byte rate
  out.writeUInt16LE(1, 32); // block align
  out.writeUInt16LE(8, 34); // bits per sample
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(samples, 40);
  return out;
}
