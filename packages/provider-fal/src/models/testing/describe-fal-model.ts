import {
  imageGenerationRequestSchema,
  mapRequest,
  resolvePendingMedia,
  ValidationError,
  videoGenerationRequestSchema,
  type FieldMappers,
  type StandardRequestFields,
} from '@tarash/core';
import { locateContracts } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { FalModelDefinition } from '../fal-model-definition';
import { falModels } from '../registry';
import { compileStoredInputSchema, storedSchemaFile } from './stored-fal-schema';

/** Test data of one generated model (written by `pnpm codegen` from the endpoint's schema). */
export interface FalModelSample {
  /** Standard requests that must map to a body the endpoint accepts. */
  readonly requests: readonly Record<string, unknown>[];
  /** Standard fields of those requests the endpoint has no field for. */
  readonly unused: readonly string[];
  /** A duration the endpoint does not allow, and text its error must contain. */
  readonly unsupportedDuration?: { readonly durationSeconds: number; readonly mentions: readonly string[] };
}

function map(model: FalModelDefinition, request: Record<string, unknown>, strict = false): ReturnType<typeof mapRequest> {
  const options = { provider: 'fal', model: model.endpointId, strict };
  return mapRequest(request as unknown as StandardRequestFields, model.mappers as FieldMappers<StandardRequestFields>, options);
}

/** The standard fields a request leaves unused, from the strict-mode error. */
function unusedFields(model: FalModelDefinition, request: Record<string, unknown>): string[] {
  try {
    map(model, request, true);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues.map((issue) => issue.field);
  }
}

/** The body as fal would receive it: pending media replaced by placeholder URLs. */
async function wireBody(model: FalModelDefinition, request: Record<string, unknown>): Promise<Record<string, unknown>> {
  return resolvePendingMedia(map(model, request).body, async (media) => `https://example.com/uploads/${encodeURIComponent(media.source)}`);
}

/**
 * The contract test of a generated fal model: registered under its id, schema built lazily,
 * representative standard requests map (using every field they set) to bodies that both the
 * generated zod schema and fal's stored OpenAPI schema (ajv) accept, unknown body fields are
 * rejected, and an unsupported duration fails with a `ValidationError` naming what is allowed.
 * The stored-schema check needs the endpoint's document in the shared contracts: it is skipped
 * (with a warning) without it, and fails under `CI=true`.
 */
export function describeFalModel(model: FalModelDefinition, sample: FalModelSample): void {
  const contractsDir = locateContracts({ subdir: storedSchemaFile(model.endpointId), skipping: `the checks of ${model.endpointId} against fal's stored OpenAPI schema` });
  describe(model.endpointId, () => {
    it('is registered under its endpoint id', () => {
      expect(falModels[model.endpointId]).toBe(model);
    });

    it('builds its input schema once, on first use', () => {
      expect(model.inputSchema()).toBe(model.inputSchema());
    });

    sample.requests.forEach((request, index) => {
      const label = `representative request #${index + 1}`;
      it(`maps the ${label} using every standard field it sets`, () => {
        const standard = model.modality === 'video' ? videoGenerationRequestSchema : imageGenerationRequestSchema;
        expect(standard.safeParse(request).error?.issues ?? []).toEqual([]);
        expect(unusedFields(model, request)).toEqual(sample.unused);
      });

      it(`maps the ${label} to a body the generated zod schema accepts`, async () => {
        const result = z.safeParse(model.inputSchema(), await wireBody(model, request));
        expect(result.error?.issues ?? []).toEqual([]);
      });

      it.skipIf(contractsDir === undefined)(`maps the ${label} to a body fal's stored OpenAPI schema accepts`, async () => {
        const validate = compileStoredInputSchema(contractsDir as string, model.endpointId);
        validate(await wireBody(model, request));
        expect(validate.errors ?? []).toEqual([]);
      });
    });

    it('rejects fields the endpoint does not have', async () => {
      const [request = {}] = sample.requests;
      const body = { ...(await wireBody(model, request)), not_a_fal_field: true };
      const issues = z.safeParse(model.inputSchema(), body).error?.issues ?? [];
      expect(issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['not_a_fal_field'] })]);
    });

    const unsupported = sample.unsupportedDuration;
    if (unsupported) {
      it(`rejects durationSeconds ${unsupported.durationSeconds}, naming what is allowed`, () => {
        const [request = {}] = sample.requests;
        const run = (): unknown => map(model, { ...request, durationSeconds: unsupported.durationSeconds });
        expect(run).toThrow(ValidationError);
        expect(run).toThrow(`durationSeconds = ${unsupported.durationSeconds}`);
        for (const mention of unsupported.mentions) expect(run).toThrow(mention);
      });
    }
  });
}
