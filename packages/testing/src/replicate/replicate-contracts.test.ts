import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSchema } from '../common/contracts/schema-bundle';
import { SchemaValidator } from '../common/contracts/schema-validator';
import { locateContracts } from '../helpers';
import { ReplicateContracts } from './replicate-contracts';
import { FAKE_REPLICATE_TOKEN, startReplicateServer, type ReplicateFakeServer } from './replicate-server';
import { callReplicate, createModelPrediction } from './replicate-test-http';

const contractsDir = locateContracts({ skipping: 'the Replicate contract tests' });

describe.skipIf(contractsDir === undefined)('replicate contract (shared/contracts/replicate/openapi.json)', () => {
  let replicate: ReplicateFakeServer;
  let contracts: ReplicateContracts;

  beforeAll(async () => {
    replicate = await startReplicateServer({ contractsDir: contractsDir as string });
    contracts = new ReplicateContracts(contractsDir as string);
  });

  afterAll(async () => {
    await replicate.close();
  });

  /**
   * Validates a response against the contract's Prediction schema, read as its authors meant it:
   * `nullable` as in OpenAPI 3.0, and `version`'s `oneOf` as `anyOf` ("hidden" is also a string,
   * so a literal `oneOf` would refuse every official model's prediction).
   */
  function predictionIssues(body: unknown): string[] {
    const schema = contracts.contract.document.components as { schemas: Record<string, unknown> };
    const prediction = structuredClone(schema.schemas.schemas_prediction_response) as { properties: Record<string, Record<string, unknown>> };
    for (const property of Object.values(prediction.properties)) if (property.nullable === true) property.type = [property.type, 'null'];
    const version = prediction.properties.version as Record<string, unknown>;
    version.anyOf = version.oneOf;
    delete version.oneOf;
    return new SchemaValidator(bundleSchema(contracts.contract.document, prediction, 'openapi-3.1'), 'openapi-3.1', false).validate(body).map((issue) => issue.message);
  }

  it('refuses create bodies the contract refuses, naming the field', async () => {
    const extra = await callReplicate(replicate, 'POST', '/predictions', { version: 'google/veo-3', input: {}, colour: 'red' });
    expect(extra.status).toBe(422);
    expect(extra.body.invalid_fields).toEqual([{ type: 'additionalProperties', field: 'colour', description: 'colour is not an allowed property' }]);
    const missing = await callReplicate(replicate, 'POST', '/predictions', { input: {} });
    expect(missing.body.invalid_fields).toEqual([{ type: 'required', field: 'version', description: 'version is required' }]);
    const badFilter = await callReplicate(replicate, 'POST', '/models/google/veo-3/predictions', { input: {}, webhook_events_filter: ['finished'] });
    expect(badFilter.status).toBe(422);
  });

  it('answers predictions that satisfy the contract in every state', async () => {
    replicate.scriptNext({ queueMs: 30, runMs: 30 });
    const created = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' });
    expect(predictionIssues(created.body)).toEqual([]);
    const done = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { prefer: 'wait' });
    expect(predictionIssues(done.body)).toEqual([]);
    replicate.scriptNext({ outcome: { error: 'boom' } });
    const failed = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { prefer: 'wait' });
    expect(predictionIssues(failed.body)).toEqual([]);
  });

  it('checks uploads against files.create', async () => {
    const body = new FormData();
    body.append('content', new Blob([new Uint8Array([1])]), 'a.bin');
    body.append('filename', 'x'.repeat(300));
    const response = await fetch(`${replicate.url}/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${FAKE_REPLICATE_TOKEN}` }, body });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { invalid_fields: { field: string }[] }).invalid_fields[0]?.field).toBe('filename');
  });
});
