import { ValidationError } from '@tarash/core';
import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { apiRoot, modelMethodUrl, operationPoll } from './google-endpoints';
import { resolveGoogleSettings, usesVertexAi } from './google-provider-config';

const target = { provider: 'google', model: 'veo-3.1-generate-preview' };

function issues(providerConfig: Record<string, unknown>): string[] {
  try {
    resolveGoogleSettings(providerConfig, target);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.field}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('Google provider settings', () => {
  it('defaults to the Gemini API, v1beta, video bytes', () => {
    expect(resolveGoogleSettings({}, target)).toEqual({ api: 'gemini', apiVersion: 'v1beta', videoOutput: 'bytes' });
    expect(usesVertexAi({})).toBe(false);
  });

  it('switches to Vertex AI with a project, defaulting to us-central1 and v1', async () => {
    const settings = resolveGoogleSettings({ project: 'p', accessToken: 'ya29.x' }, target);
    expect(settings).toMatchObject({ api: 'vertex', project: 'p', location: 'us-central1', apiVersion: 'v1' });
    expect(settings.api === 'vertex' && (await settings.accessToken())).toBe('ya29.x');
    expect(usesVertexAi({ project: 'p' })).toBe(true);
  });

  it('names every bad setting, with what is allowed, and never echoes a token', () => {
    expect(issues({ projectId: 'p', videoOutput: 'file', apiVersion: 'v2' })).toEqual([
      'config.providerConfig.projectId: is not a Google provider setting',
      'config.providerConfig.videoOutput: is not a video output mode',
      'config.providerConfig.apiVersion: is not an API version of the Gemini API',
    ]);
    expect(issues({ accessToken: 'ya29.secret', location: 'europe-west4' })).toEqual([
      'config.providerConfig.location: is a Vertex AI setting; set config.providerConfig.project to use Vertex AI',
      'config.providerConfig.accessToken: is a Vertex AI setting; set config.providerConfig.project to use Vertex AI',
    ]);
    const refused = thrownBy(() => resolveGoogleSettings({ accessToken: 'ya29.secret' }, target), ValidationError);
    expect(JSON.stringify(refused)).not.toContain('ya29.secret');
    expect(refused.message).not.toContain('ya29.secret');
    expect(issues({ project: 'p' })).toEqual(['config.providerConfig.accessToken: Vertex AI needs an OAuth access token: set accessToken or getAccessToken']);
    expect(issues({ project: 'p', accessToken: 't', getAccessToken: () => 't' })).toEqual(['config.providerConfig.getAccessToken: give accessToken or getAccessToken, not both']);
    expect(issues({ project: 'p', getAccessToken: 'token' })).toEqual(['config.providerConfig.getAccessToken: must be a function returning an access token (or a promise of one)']);
    expect(issues({ project: 'p/../x', accessToken: 't', location: 'US Central' })).toHaveLength(2);
  });
});

describe('Google endpoints', () => {
  const gemini = resolveGoogleSettings({}, target);
  const regional = resolveGoogleSettings({ project: 'p', location: 'europe-west4', accessToken: 't', apiVersion: 'v1beta1' }, target);
  const global = resolveGoogleSettings({ project: 'p', location: 'global', accessToken: 't' }, target);

  it('builds Gemini API and Vertex AI model URLs, with the global host rule', () => {
    expect(modelMethodUrl(gemini, undefined, 'veo-3.1-generate-preview', 'predictLongRunning')).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/veo-3.1-generate-preview:predictLongRunning',
    );
    expect(modelMethodUrl(regional, undefined, 'imagen-4.0-generate-001', 'predict')).toBe(
      'https://europe-west4-aiplatform.googleapis.com/v1beta1/projects/p/locations/europe-west4/publishers/google/models/imagen-4.0-generate-001:predict',
    );
    expect(modelMethodUrl(global, undefined, 'gemini-2.5-flash-image', 'generateContent')).toBe(
      'https://aiplatform.googleapis.com/v1/projects/p/locations/global/publishers/google/models/gemini-2.5-flash-image:generateContent',
    );
    expect(apiRoot(gemini, 'http://127.0.0.1:9/')).toBe('http://127.0.0.1:9/v1beta');
  });

  it('polls with GET on the Gemini API and fetchPredictOperation on Vertex AI', () => {
    expect(operationPoll(gemini, undefined, 'models/veo-2.0-generate-001/operations/abc')).toEqual({
      method: 'GET',
      url: 'https://generativelanguage.googleapis.com/v1beta/models/veo-2.0-generate-001/operations/abc',
    });
    const name = 'projects/p/locations/europe-west4/publishers/google/models/veo-2.0-generate-001/operations/123';
    expect(operationPoll(regional, undefined, name)).toEqual({
      method: 'POST',
      url: 'https://europe-west4-aiplatform.googleapis.com/v1beta1/projects/p/locations/europe-west4/publishers/google/models/veo-2.0-generate-001:fetchPredictOperation',
      json: { operationName: name },
    });
  });
});
