import { resolveSchema } from '../schema/json-schema';
import type { FalEndpointSchema } from '../schema/fal-openapi-document';
import { inspectFields, type FieldShape } from './field-shape';
import { buildMappingPlan, type MappingPlan } from './mapping-plan';
import type { Modality } from './media-field-roles';
import { buildOutputSpec, detectModality, detectOutputMedia, type OutputSpec } from './output-spec';

/** Everything derived from one endpoint's schema, before any code is written. */
export interface EndpointAnalysis {
  readonly schema: FalEndpointSchema;
  readonly modality: Modality;
  readonly inputFields: readonly FieldShape[];
  readonly mapping: MappingPlan;
  readonly output: OutputSpec;
  /** What the generator should print for this endpoint (unmapped fields, odd shapes). */
  readonly notes: readonly string[];
}

/** An endpoint the generator cannot handle at all, with the reason. */
export class UnsupportedEndpointError extends Error {
  override readonly name = 'UnsupportedEndpointError';
}

/** Analyses one endpoint: modality, input fields, mapping plan and output spec. */
export function analyzeEndpoint(schema: FalEndpointSchema): EndpointAnalysis {
  const { components, endpointId } = schema;
  const input = resolveSchema(components.get(schema.inputName) ?? {}, components);
  if (!input?.properties)
    throw new UnsupportedEndpointError(`${endpointId}: the input schema ${schema.inputName} is not an object with properties`);
  const output = resolveSchema(components.get(schema.outputName) ?? {}, components);
  const outputFields = output?.properties ? inspectFields(output, components) : [];
  const media = detectOutputMedia(outputFields, components);
  const modality = detectModality(schema.category, media);
  if (!modality) {
    throw new UnsupportedEndpointError(
      `${endpointId}: neither a video nor an image endpoint (category ${schema.category ?? 'none'}, no video or image in the output)`,
    );
  }
  const inputFields = inspectFields(input, components);
  const mapping = buildMappingPlan(inputFields, modality);
  const outputSpec = buildOutputSpec(media, modality);
  const notes = [...mapping.notes, ...outputSpec.notes];
  if (Object.keys(outputSpec.spec).length === 0) notes.push('the output has no media file field; the runtime will find no result media');
  return { schema, modality, inputFields, mapping, output: outputSpec.spec, notes };
}
