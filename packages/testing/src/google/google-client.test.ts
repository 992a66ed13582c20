import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoogleGenAI, type GenerateVideosOperation } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_GOOGLE_ACCESS_TOKEN, FAKE_GOOGLE_API_KEY } from './google-credentials';
import { startGoogleServer, type GoogleFakeServer } from './google-server';

let google: GoogleFakeServer;
let folder: string;

beforeAll(async () => {
  google = await startGoogleServer();
  folder = await mkdtemp(join(tmpdir(), 'tarash-google-'));
});

afterAll(async () => {
  await google.close();
  await rm(folder, { recursive: true, force: true });
});

/** The SDK's Gemini-API client, pointed at the fake server. */
const geminiClient = () => new GoogleGenAI({ apiKey: FAKE_GOOGLE_API_KEY, httpOptions: { baseUrl: google.url } });

/**
 * The SDK's Vertex client, pointed at the fake server. google-auth-library uses a given
 * `authClient` as is, so a minimal one that returns a bearer header stands in for real
 * credentials (nothing offline could mint a token).
 */
const vertexClient = () =>
  new GoogleGenAI({
    vertexai: true,
    project: 'demo-project',
    location: 'us-central1',
    httpOptions: { baseUrl: google.url },
    googleAuthOptions: { authClient: { getRequestHeaders: async () => new Headers({ authorization: `Bearer ${FAKE_GOOGLE_ACCESS_TOKEN}` }) } as never },
  });

async function untilDone(ai: GoogleGenAI, started: GenerateVideosOperation): Promise<GenerateVideosOperation> {
  let operation = started;
  while (!operation.done) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    operation = await ai.operations.getVideosOperation({ operation });
  }
  return operation;
}

describe('official @google/genai v2 against the fake server', () => {
  it('generateVideos + getVideosOperation polling + files.download on the Gemini API', async () => {
    google.scriptNext({ runMs: 60 });
    const ai = geminiClient();
    const started = await ai.models.generateVideos({
      model: 'veo-3.1-generate-preview',
      source: { prompt: 'A calm lake at sunrise' },
      config: { numberOfVideos: 1, durationSeconds: 4, aspectRatio: '16:9', personGeneration: 'allow_all', negativePrompt: 'fog' },
    });
    expect(started.name).toMatch(/^models\/veo-3\.1-generate-preview\/operations\//);
    const done = await untilDone(ai, started);
    const uri = done.response?.generatedVideos?.[0]?.video?.uri ?? '';
    expect(uri).toMatch(/\/v1beta\/files\/[a-z0-9]+:download\?alt=media$/);
    expect(google.operation(started.name ?? '')?.request).toEqual({
      instances: [{ prompt: 'A calm lake at sunrise' }],
      parameters: { sampleCount: 1, durationSeconds: 4, aspectRatio: '16:9', personGeneration: 'allow_all', negativePrompt: 'fog' },
    });
    // The SDK extracts a file name from https:// URIs only; the fake origin is http, so pass the name.
    const fileName = `files/${/files\/([a-z0-9]+):download/.exec(uri)?.[1]}`;
    const downloadPath = join(folder, 'veo.mp4');
    await ai.files.download({ file: fileName, downloadPath });
    const bytes = await readFile(downloadPath);
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(google.countRequests({ phase: 'download' })).toBe(1);
    expect(google.countRequests({ phase: 'storage' })).toBe(1);
  });

  it('generateVideos with fetchPredictOperation polling on Vertex AI', async () => {
    const ai = vertexClient();
    const started = await ai.models.generateVideos({
      model: 'veo-3.0-generate-001',
      source: { prompt: 'A calm lake at sunrise' },
      config: { numberOfVideos: 2, durationSeconds: 8, seed: 7, generateAudio: true },
    });
    expect(started.name).toMatch(/^projects\/demo-project\/locations\/us-central1\/publishers\/google\/models\/veo-3\.0-generate-001\/operations\//);
    const done = await untilDone(ai, started);
    const videos = done.response?.generatedVideos ?? [];
    expect(videos).toHaveLength(2);
    expect(Buffer.from(videos[0]?.video?.videoBytes ?? '', 'base64').subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(google.requests({ phase: 'operation' }).at(-1)).toMatchObject({ method: 'POST', body: { operationName: started.name } });
  });

  it('generateImages, which v2 only sends to Vertex AI', async () => {
    const response = await vertexClient().models.generateImages({
      model: 'imagen-4.0-generate-001',
      prompt: 'A red fox in the snow',
      config: { numberOfImages: 2, aspectRatio: '3:4', includeRaiReason: true },
    });
    const images = response.generatedImages ?? [];
    expect(images).toHaveLength(2);
    expect(images[0]?.image?.mimeType).toBe('image/png');
    expect(Buffer.from(images[0]?.image?.imageBytes ?? '', 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    await expect(geminiClient().models.generateImages({ model: 'imagen-4.0-generate-001', prompt: 'x' })).rejects.toThrow(/only supported by the Gemini Enterprise Agent Platform/);
  });

  it('generateContent with an image response on the Gemini API', async () => {
    const response = await geminiClient().models.generateContent({
      model: 'gemini-2.5-flash-image',
      contents: 'A watercolour fox',
      config: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '16:9' } },
    });
    const image = response.candidates?.[0]?.content?.parts?.find((part) => part.inlineData)?.inlineData;
    expect(image?.mimeType).toBe('image/png');
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    expect(response.usageMetadata?.candidatesTokenCount).toBeGreaterThan(0);
    expect(google.requests({ phase: 'generate' }).at(-1)?.body).toMatchObject({
      contents: [{ role: 'user', parts: [{ text: 'A watercolour fox' }] }],
      generationConfig: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '16:9' } },
    });
  });
});
