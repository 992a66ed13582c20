import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '@tarash/core';
import { FAKE_FAL_KEY } from '@tarash/testing/fal';
import { rejectionOf } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { useFalHarness } from './support/fal-harness';

const MODEL = 'fal-ai/veo3.1';
const CHILD = fileURLToPath(new URL('./fixtures/resume-video-child.ts', import.meta.url));

const h = useFalHarness({ queueMs: 100, runMs: 200, billableUnits: 2 });

/** Runs the child process with the handle on stdin; resolves with its stdout. */
function resumeInChild(handleJson: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--conditions=@tarash/source', '--import', 'tsx', CHILD],
      { env: { ...process.env, FAL_KEY: FAKE_FAL_KEY, FAL_BASE_URL: h.fal.url }, timeout: 15_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    );
    child.stdin?.end(handleJson);
  });
}

describe('resume from a JSON handle', () => {
  it('a fresh process finishes the job without submitting again', async () => {
    const started = await h.gateway.startVideo(h.config(MODEL), { prompt: 'A calm lake', durationSeconds: 4 });
    const handleJson = JSON.stringify(started.handle);
    expect(handleJson).not.toContain(FAKE_FAL_KEY.split(':')[0]);
    expect(handleJson).not.toContain(FAKE_FAL_KEY.split(':')[1]);
    expect(started.handle.data).toEqual({
      endpointId: MODEL,
      statusUrl: `${h.fal.url}/fal-ai/veo3.1/requests/${started.requestId}/status`,
      responseUrl: `${h.fal.url}/fal-ai/veo3.1/requests/${started.requestId}`,
      cancelUrl: `${h.fal.url}/fal-ai/veo3.1/requests/${started.requestId}/cancel`,
      gatewayRequestId: expect.any(String),
    });

    const result = JSON.parse(await resumeInChild(handleJson)) as { requestId: string; video: string; cost: unknown };
    expect(result).toEqual({ requestId: started.requestId, video: `${h.fal.url}/media/${started.requestId}/video.mp4`, cost: { metrics: { billableUnits: 2 } }, warnings: [] });
    expect(h.fal.countRequests({ phase: 'submit' })).toBe(1);
    expect(h.fal.requests({ jobId: started.requestId }).map((r) => r.phase)).toEqual(['submit', 'stream', 'result']);
  });

  it('refuses a handle whose URLs would send the key to another host', async () => {
    const started = await h.gateway.startVideo(h.config(MODEL), { prompt: 'A calm lake' });
    const tampered = { ...started.handle, data: { ...started.handle.data, statusUrl: 'https://attacker.example/fal-ai/veo3.1/requests/x/status' } };
    const error = await rejectionOf(h.gateway.resumeVideo(h.config(MODEL), tampered));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ field: 'handle.data.statusUrl', value: 'https://attacker.example/fal-ai/veo3.1/requests/x/status' });
    expect(h.fal.requests({ jobId: started.requestId }).map((r) => r.phase)).toEqual(['submit']);
  });
});
