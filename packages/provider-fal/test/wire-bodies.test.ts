import type { ImageGenerationRequest, VideoGenerationRequest } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { contractsDir, useFalHarness } from './support/fal-harness';

const FIRST_FRAME = 'https://images.example/first-frame.png';
const LAST_FRAME = 'https://images.example/last-frame.png';

/**
 * What fal receives for each flagship endpoint, through the real gateway: the recorded submit
 * bodies, validated by the fake server against fal's stored OpenAPI documents.
 */
describe.skipIf(contractsDir === undefined)('wire bodies', () => {
  const h = useFalHarness();

  async function videoBody(model: string, request: VideoGenerationRequest): Promise<unknown> {
    const response = await h.gateway.generateVideo(h.config(model), request);
    const [submit] = h.fal.requests({ phase: 'submit', jobId: response.requestId });
    expect(submit?.path).toBe(`/${model}`);
    expect(submit?.status).toBe(200);
    return submit?.body;
  }

  async function imageBody(model: string, request: ImageGenerationRequest): Promise<unknown> {
    const response = await h.gateway.generateImage(h.config(model), request);
    const [submit] = h.fal.requests({ phase: 'submit', jobId: response.requestId });
    expect(submit?.path).toBe(`/${model}`);
    return submit?.body;
  }

  it('veo3.1 text-to-video', async () => {
    const body = await videoBody('fal-ai/veo3.1', {
      prompt: 'A calm lake at sunrise',
      durationSeconds: 6,
      aspectRatio: '9:16',
      resolution: '1080P',
      generateAudio: false,
      negativePrompt: 'blur',
      seed: 7,
    });
    expect(body).toMatchInlineSnapshot(`
      {
        "aspect_ratio": "9:16",
        "duration": "6s",
        "generate_audio": false,
        "negative_prompt": "blur",
        "prompt": "A calm lake at sunrise",
        "resolution": "1080p",
        "seed": 7,
      }
    `);
  });

  it('veo3.1 image-to-video', async () => {
    const body = await videoBody('fal-ai/veo3.1/image-to-video', {
      prompt: 'The boat drifts',
      durationSeconds: 8,
      imageList: [{ image: FIRST_FRAME, type: 'first_frame' }],
    });
    expect(body).toMatchInlineSnapshot(`
      {
        "duration": "8s",
        "image_url": "https://images.example/first-frame.png",
        "prompt": "The boat drifts",
      }
    `);
  });

  it('veo3.1 first-last-frame-to-video', async () => {
    const body = await videoBody('fal-ai/veo3.1/first-last-frame-to-video', {
      prompt: 'Day turns to night',
      durationSeconds: 4,
      imageList: [
        { image: LAST_FRAME, type: 'last_frame' },
        { image: FIRST_FRAME, type: 'first_frame' },
      ],
    });
    expect(body).toMatchInlineSnapshot(`
      {
        "duration": "4s",
        "first_frame_url": "https://images.example/first-frame.png",
        "last_frame_url": "https://images.example/last-frame.png",
        "prompt": "Day turns to night",
      }
    `);
  });

  it('sora-2 text-to-video (integer duration)', async () => {
    const body = await videoBody('fal-ai/sora-2/text-to-video', { prompt: 'A paper plane', durationSeconds: 8, aspectRatio: '16:9', resolution: '720p' });
    expect(body).toMatchInlineSnapshot(`
      {
        "aspect_ratio": "16:9",
        "duration": 8,
        "prompt": "A paper plane",
        "resolution": "720p",
      }
    `);
  });

  it('kling v2.6 pro text-to-video and image-to-video (start_image_url, end_image_url)', async () => {
    const t2v = await videoBody('fal-ai/kling-video/v2.6/pro/text-to-video', { prompt: 'A fox runs', durationSeconds: 10, aspectRatio: '1:1', negativePrompt: 'blur' });
    expect(t2v).toMatchInlineSnapshot(`
      {
        "aspect_ratio": "1:1",
        "duration": "10",
        "negative_prompt": "blur",
        "prompt": "A fox runs",
      }
    `);
    const i2v = await videoBody('fal-ai/kling-video/v2.6/pro/image-to-video', {
      prompt: 'The fox turns',
      durationSeconds: 5,
      imageList: [
        { image: FIRST_FRAME, type: 'first_frame' },
        { image: LAST_FRAME, type: 'last_frame' },
      ],
    });
    expect(i2v).toMatchInlineSnapshot(`
      {
        "duration": "5",
        "end_image_url": "https://images.example/last-frame.png",
        "prompt": "The fox turns",
        "start_image_url": "https://images.example/first-frame.png",
      }
    `);
  });

  it('seedance v1 pro text-to-video and v1.5 pro image-to-video', async () => {
    const t2v = await videoBody('fal-ai/bytedance/seedance/v1/pro/text-to-video', { prompt: 'Waves', durationSeconds: 5, aspectRatio: '21:9', resolution: '480p', seed: 3 });
    expect(t2v).toMatchInlineSnapshot(`
      {
        "aspect_ratio": "21:9",
        "duration": "5",
        "prompt": "Waves",
        "resolution": "480p",
        "seed": 3,
      }
    `);
    const i2v = await videoBody('fal-ai/bytedance/seedance/v1.5/pro/image-to-video', {
      prompt: 'Waves crash',
      durationSeconds: 4,
      imageList: [{ image: FIRST_FRAME, type: 'first_frame' }],
      generateAudio: true,
    });
    expect(i2v).toMatchInlineSnapshot(`
      {
        "duration": "4",
        "generate_audio": true,
        "image_url": "https://images.example/first-frame.png",
        "prompt": "Waves crash",
      }
    `);
  });

  it('flux/dev (custom size, n, extraParams)', async () => {
    const body = await imageBody('fal-ai/flux/dev', { prompt: 'A red bicycle', size: '1024x768', n: 2, seed: 11, extraParams: { guidance_scale: 4.5 } });
    expect(body).toMatchInlineSnapshot(`
      {
        "guidance_scale": 4.5,
        "image_size": {
          "height": 768,
          "width": 1024,
        },
        "num_images": 2,
        "prompt": "A red bicycle",
        "seed": 11,
      }
    `);
    const preset = await imageBody('fal-ai/flux/dev', { prompt: 'A red bicycle', aspectRatio: '16:9' });
    expect(preset).toMatchInlineSnapshot(`
      {
        "image_size": "landscape_16_9",
        "prompt": "A red bicycle",
      }
    `);
  });
});
