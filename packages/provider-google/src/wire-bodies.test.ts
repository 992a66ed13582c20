import type { GenerationConfig } from '@tarash/core';
import { locateContracts } from '@tarash/testing/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleFixture, type GoogleFixture } from './test-support/google-fixture';

const contractsDir = locateContracts({ subdir: 'google', skipping: 'the Google contract checks of the wire bodies' });
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC';
const png = { data: PNG_BASE64, mediaType: 'image/png' };

let f: GoogleFixture;

beforeAll(async () => {
  // With the shared contracts, the fake server refuses any body that breaks them (HTTP 400).
  f = await googleFixture(contractsDir === undefined ? {} : { contractsDir });
});

afterAll(async () => {
  await f.close();
});

/** The body the fake server received for the last request of `phase`, after a successful call. */
function lastBody(phase: 'submit' | 'predict' | 'generate'): unknown {
  const entry = f.server.requests({ phase }).at(-1);
  expect(entry?.status).toBe(200);
  return entry?.body;
}

const veoRequest = {
  prompt: 'A calm lake at sunrise',
  durationSeconds: 4,
  aspectRatio: '16:9',
  resolution: '720p',
  negativePrompt: 'fog',
  seed: 7,
  generateAudio: true,
  enhancePrompt: true,
  imageList: [{ image: png, type: 'asset' as const }],
  extraParams: { personGeneration: 'allow_adult' },
};

describe('wire bodies per model family (accepted by the stored contracts when present)', () => {
  it.each([
    ['Gemini API', (model: string): GenerationConfig => f.gemini(model)],
    ['Vertex AI', (model: string): GenerationConfig => f.vertex(model)],
  ])('Veo 3.1 on %s', async (api, config) => {
    const response = await f.gateway.generateVideo(config('veo-3.1-generate-001'), veoRequest);
    const body = lastBody('submit');
    const image = { bytesBase64Encoded: PNG_BASE64, mimeType: 'image/png' };
    const common = { aspectRatio: '16:9', durationSeconds: 4, resolution: '720p', negativePrompt: 'fog', enhancePrompt: true, personGeneration: 'allow_adult' };
    expect(body).toEqual({
      instances: [{ prompt: 'A calm lake at sunrise', referenceImages: [{ image, referenceType: 'ASSET' }] }],
      parameters: api === 'Vertex AI' ? { ...common, seed: 7, generateAudio: true } : common,
    });
    expect(response.warnings).toEqual(api === 'Vertex AI' ? [] : ['seed (7) was not sent: the Gemini API does not take it for Veo (Vertex AI does)']);
  });

  it('Veo 2 first and last frame', async () => {
    await f.gateway.generateVideo(f.gemini('veo-2.0-generate-001'), { prompt: 'x', durationSeconds: 5, imageList: [{ image: png, type: 'first_frame' }, { image: png, type: 'last_frame' }] });
    expect(lastBody('submit')).toMatchInlineSnapshot(`
      {
        "instances": [
          {
            "image": {
              "bytesBase64Encoded": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC",
              "mimeType": "image/png",
            },
            "lastFrame": {
              "bytesBase64Encoded": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC",
              "mimeType": "image/png",
            },
            "prompt": "x",
          },
        ],
        "parameters": {
          "durationSeconds": 5,
        },
      }
    `);
  });

  it('Imagen 4', async () => {
    await f.gateway.generateImage(f.gemini('imagen-4.0-ultra-generate-001'), { prompt: 'A red fox', n: 4, size: '1536x2816', extraParams: { personGeneration: 'ALLOW_ADULT' } });
    expect(lastBody('predict')).toMatchInlineSnapshot(`
      {
        "instances": [
          {
            "prompt": "A red fox",
          },
        ],
        "parameters": {
          "aspectRatio": "9:16",
          "includeRaiReason": true,
          "personGeneration": "ALLOW_ADULT",
          "sampleCount": 4,
          "sampleImageSize": "2K",
        },
      }
    `);
  });

  it('Gemini image', async () => {
    await f.gateway.generateImage(f.gemini('gemini-3-pro-image-preview'), { prompt: 'Make it blue', size: '1024x576', seed: 1, imageList: [{ image: png, type: 'reference' }] });
    expect(lastBody('generate')).toMatchInlineSnapshot(`
      {
        "contents": [
          {
            "parts": [
              {
                "text": "Make it blue",
              },
              {
                "inlineData": {
                  "data": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC",
                  "mimeType": "image/png",
                },
              },
            ],
            "role": "user",
          },
        ],
        "generationConfig": {
          "imageConfig": {
            "aspectRatio": "16:9",
            "imageSize": "1K",
          },
          "responseModalities": [
            "TEXT",
            "IMAGE",
          ],
          "seed": 1,
        },
      }
    `);
  });
});
