import { ValidationError } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAL_QUEUE_URL, DEFAULT_FAL_REST_URL, resolveFalSettings } from './fal-settings';

const config = (baseUrl: string | undefined, providerConfig: Record<string, unknown> = {}) => ({ model: 'fal-ai/veo3.1', baseUrl, providerConfig });

describe('resolveFalSettings', () => {
  it('defaults to fal hosts', () => {
    expect(resolveFalSettings({}, config(undefined))).toMatchObject({ queueUrl: DEFAULT_FAL_QUEUE_URL, restUrl: DEFAULT_FAL_REST_URL, statusUpdates: 'stream', inlineMediaMaxBytes: 256 * 1024 });
  });

  it('points both hosts at config.baseUrl, under providerConfig and over the plugin options', () => {
    const defaults = { queueUrl: 'https://queue.proxy.example', restUrl: 'https://rest.proxy.example', inlineMediaMaxBytes: 10 };
    expect(resolveFalSettings(defaults, config(undefined))).toMatchObject({ queueUrl: 'https://queue.proxy.example', restUrl: 'https://rest.proxy.example', inlineMediaMaxBytes: 10 });
    expect(resolveFalSettings(defaults, config('http://127.0.0.1:9/'))).toMatchObject({ queueUrl: 'http://127.0.0.1:9', restUrl: 'http://127.0.0.1:9' });
    expect(resolveFalSettings(defaults, config('http://127.0.0.1:9', { restUrl: 'http://127.0.0.1:10', inlineMediaMaxBytes: 0 }))).toMatchObject({
      queueUrl: 'http://127.0.0.1:9',
      restUrl: 'http://127.0.0.1:10',
      inlineMediaMaxBytes: 0,
    });
  });

  it('names a bad setting, its value and what is allowed', () => {
    const run = () => resolveFalSettings({}, config(undefined, { requestTimeoutMs: -1, queueUrl: 'ftp://x' }));
    expect(run).toThrow(ValidationError);
    expect(run).toThrow('config.providerConfig.queueUrl = "ftp://x": must be an absolute http(s) URL');
    expect(run).toThrow('config.providerConfig.requestTimeoutMs = -1: must be > 0');
  });
});
