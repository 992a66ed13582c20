import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FAKE_REPLICATE_TOKEN } from '@tarash/testing/replicate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReplicateFixture, type ReplicateFixture } from './test-support/replicate-fixture';

const run = promisify(execFile);
let fx: ReplicateFixture;

beforeEach(async () => {
  fx = await startReplicateFixture();
});

afterEach(async () => {
  await fx.close();
});

describe('resuming from another process', () => {
  it('finishes a started job from its JSON handle in a fresh node process, without creating again', async () => {
    fx.server.scriptNext({ runMs: 400 });
    const started = await fx.gateway.startVideo(fx.config('google/veo-3', { providerConfig: { preferWait: false } }), { prompt: 'x' });
    const handle = JSON.stringify(started.handle);
    expect(handle).not.toContain(FAKE_REPLICATE_TOKEN);
    const child = fileURLToPath(new URL('./test-support/resume-child.ts', import.meta.url));
    const { stdout } = await run(process.execPath, ['--conditions=@tarash/source', '--import', 'tsx', child], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, JOB_HANDLE: handle, REPLICATE_API_TOKEN: FAKE_REPLICATE_TOKEN, REPLICATE_BASE_URL: `${fx.server.url}/v1` },
      timeout: 15_000,
    });
    const result = JSON.parse(stdout) as { requestId: string; video: string; attempts: number };
    expect(result).toMatchObject({ requestId: started.requestId, video: expect.stringMatching(/output-0\.mp4$/), attempts: 1 });
    expect(fx.server.countRequests({ phase: 'submit' })).toBe(1);
    expect(fx.server.countRequests({ phase: 'status', jobId: started.requestId })).toBeGreaterThanOrEqual(1);
  });
});
