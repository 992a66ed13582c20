import { GenerationFailedError } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { detectFalOutputSpec } from './fal-output-files';
import { falImageResult, falVideoResult, type FalFinishedJob } from './fal-result';

const job = (output: unknown, spec: FalFinishedJob['spec'], billableUnits?: number): FalFinishedJob => ({
  provider: 'fal',
  model: 'm',
  requestId: 'r1',
  output: { output, ...(billableUnits !== undefined ? { billableUnits } : {}) },
  spec,
});

describe('falVideoResult', () => {
  it('reads the video file facts, audio and cost', () => {
    const output = {
      video: { url: 'https://v3.fal.media/v.mp4', content_type: 'video/mp4', width: 1280, height: 720, duration: 8.04, fps: 24 },
      audio: { url: 'https://v3.fal.media/a.wav', content_type: 'audio/wav' },
    };
    expect(falVideoResult(job(output, { video: ['video'], audio: ['audio'] }, 2))).toEqual({
      requestId: 'r1',
      video: 'https://v3.fal.media/v.mp4',
      contentType: 'video/mp4',
      duration: 8.04,
      resolution: '720p',
      audioUrl: 'https://v3.fal.media/a.wav',
      rawResponse: output,
      cost: { metrics: { billableUnits: 2 } },
    });
  });

  it('lists every video when there are several', () => {
    const output = { videos: [{ url: 'https://x/1.mp4' }, { url: 'https://x/2.mp4' }] };
    expect(falVideoResult(job(output, { videoList: ['videos'] }))).toMatchObject({ video: 'https://x/1.mp4', videos: ['https://x/1.mp4', 'https://x/2.mp4'] });
  });

  it('fails without retry when the output has no video', () => {
    const run = () => falVideoResult(job({ images: [{ url: 'https://x/1.png' }] }, { video: ['video'] }));
    expect(run).toThrow(GenerationFailedError);
    expect(run).toThrow('fal job r1 completed without a video (looked in video)');
    expect(() => run()).toThrow(expect.objectContaining({ isRetryable: false }));
  });
});

describe('falImageResult', () => {
  it('reads images in order with the first one size', () => {
    const output = { images: [{ url: 'https://x/1.png', width: 512, height: 384, content_type: 'image/png' }, { url: 'https://x/2.png' }], seed: 4 };
    expect(falImageResult(job(output, { imageList: ['images'] }))).toEqual({ requestId: 'r1', images: ['https://x/1.png', 'https://x/2.png'], contentType: 'image/png', width: 512, height: 384, rawResponse: output });
  });

  it('reads a single image field (wan text-to-image)', () => {
    expect(falImageResult(job({ image: { url: 'https://x/1.png' } }, { image: ['image'] })).images).toEqual(['https://x/1.png']);
  });
});

describe('detectFalOutputSpec (endpoints without a definition)', () => {
  it('classifies top-level files by content type, then by field name', () => {
    expect(
      detectFalOutputSpec({
        video: { url: 'https://x/v.mp4', content_type: 'video/mp4' },
        thumbnail: { url: 'https://x/t.png', content_type: 'image/png' },
        clips: [{ url: 'https://x/c.mp4', content_type: 'video/mp4' }],
        images: [{ url: 'https://x/i.png' }],
        audio_track: { url: 'https://x/a' },
        prompt: 'not a file',
        seed: 3,
      }),
    ).toEqual({ video: ['video'], videoList: ['clips'], image: ['thumbnail'], imageList: ['images'], audio: ['audio_track'] });
  });
});
