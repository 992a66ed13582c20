/**
 * Resumes a Replicate job from its JSON handle in a fresh process (run by resume.test.ts):
 * reads REPLICATE_BASE_URL, REPLICATE_API_TOKEN and the handle (JOB_HANDLE), prints the response.
 */
import { createGateway, type JobHandle } from '@tarash/core';
import { replicateProvider } from '@tarash/provider-replicate';

const gateway = createGateway({ providers: [replicateProvider()] });
const handle = JSON.parse(process.env.JOB_HANDLE ?? '') as JobHandle;
const response = await gateway.resumeVideo(
  { provider: 'replicate', model: handle.model, baseUrl: process.env.REPLICATE_BASE_URL, pollIntervalMs: 10 },
  handle,
);
process.stdout.write(JSON.stringify({ requestId: response.requestId, video: response.video, attempts: response.executionMetadata.totalAttempts }));
