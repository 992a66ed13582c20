import type { JsonSchema } from '../schema/json-schema';
import { parseFalOpenApiDocument, type FalEndpointSchema } from '../schema/fal-openapi-document';

/** What a test fal document declares. */
export interface FalDocumentSpec {
  readonly endpointId: string;
  readonly category?: string;
  /** Input schema properties (the input component is an object of these). */
  readonly input: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  /** Output schema properties; a `video` File by default. */
  readonly output?: Readonly<Record<string, JsonSchema>>;
  /** More components (`File` is always there). */
  readonly components?: Readonly<Record<string, JsonSchema>>;
}

const FILE: JsonSchema = { type: 'object', properties: { url: { type: 'string' }, content_type: { type: 'string' } }, required: ['url'] };

/** The text of a fal queue OpenAPI document shaped like fal's (paths, x-fal-metadata, components). */
export function falDocumentText(spec: FalDocumentSpec): string {
  const id = spec.endpointId;
  const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema: JsonSchema): unknown => ({ content: { 'application/json': { schema } } });
  return JSON.stringify({
    openapi: '3.0.4',
    info: {
      title: `Queue OpenAPI for ${id}`,
      version: '1.0.0',
      'x-fal-metadata': { endpointId: id, category: spec.category ?? 'text-to-video' },
    },
    components: {
      schemas: {
        File: FILE,
        ...spec.components,
        EndpointInput: { type: 'object', properties: spec.input, required: spec.required ?? ['prompt'] },
        EndpointOutput: { type: 'object', properties: spec.output ?? { video: { allOf: [ref('File')] } }, required: [] },
      },
    },
    paths: {
      [`/${id}`]: { post: { requestBody: { required: true, ...(json(ref('EndpointInput')) as object) } } },
      [`/${id}/requests/{request_id}`]: { get: { responses: { '200': json(ref('EndpointOutput')) } } },
    },
  });
}

/** A parsed test document. */
export function falDocument(spec: FalDocumentSpec): FalEndpointSchema {
  return parseFalOpenApiDocument(falDocumentText(spec), { kind: 'file', path: `${spec.endpointId}.json` });
}
