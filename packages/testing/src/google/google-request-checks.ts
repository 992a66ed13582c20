import type { GoogleApi } from './google-models';

/** One refused field, as Google's `BadRequest.fieldViolations` lists it. */
export interface FieldViolation {
  readonly field: string;
  readonly description: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Veo parameters the Gemini API refuses: the official SDK throws before sending them in
 * Gemini-API mode (wire.md §4.2 [A]). That the server refuses them too is this fake's choice,
 * so a client that sends them is caught.
 */
const VERTEX_ONLY_VEO_PARAMETERS = ['seed', 'generateAudio', 'fps', 'storageUri', 'compressionQuality', 'resizeMode', 'pubsubTopic', 'labels', 'mask'];

/** Imagen parameters the SDK refuses in Gemini-API mode (reconstructed spec, `ImagenRequest`). */
const VERTEX_ONLY_IMAGEN_PARAMETERS = ['storageUri', 'negativePrompt', 'seed', 'addWatermark', 'labels', 'enhancePrompt'];

/** `personGeneration` values; the casing on the wire is [C], so any casing is accepted. */
const PERSON_GENERATION = ['allow_all', 'allow_adult', 'dont_allow'];

const REFERENCE_TYPES = ['asset', 'style'];

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function oneOfIgnoringCase(field: string, value: unknown, allowed: readonly string[]): FieldViolation[] {
  if (value === undefined || (typeof value === 'string' && allowed.includes(value.toLowerCase()))) return [];
  return [{ field, description: `must be one of ${allowed.join(', ')} (any casing); got ${describe(value)}` }];
}

function vertexOnly(parameters: JsonObject, names: readonly string[], api: GoogleApi): FieldViolation[] {
  if (api === 'vertex') return [];
  return names.filter((name) => parameters[name] !== undefined).map((name) => ({ field: `parameters.${name}`, description: `${name} is only supported on Vertex AI, not on the Gemini API` }));
}

/** `instances[0]` and `parameters` of a predict body, or the violation that they are missing. */
function predictParts(body: unknown): { instance: JsonObject; parameters: JsonObject } | FieldViolation {
  if (!isObject(body)) return { field: '(body)', description: `must be a JSON object; got ${describe(body)}` };
  const instances = body.instances;
  if (!Array.isArray(instances) || instances.length !== 1 || !isObject(instances[0])) {
    return { field: 'instances', description: `must be a list of exactly one instance object; got ${describe(instances)}` };
  }
  const parameters = body.parameters ?? {};
  if (!isObject(parameters)) return { field: 'parameters', description: `must be an object; got ${describe(parameters)}` };
  return { instance: instances[0], parameters };
}

function sampleCount(parameters: JsonObject, max: number): FieldViolation[] {
  const count = parameters.sampleCount;
  if (count === undefined || (Number.isInteger(count) && (count as number) >= 1 && (count as number) <= max)) return [];
  return [{ field: 'parameters.sampleCount', description: `must be an integer from 1 to ${max}; got ${describe(count)}` }];
}

/**
 * The checks every predict body gets: a prompt, the parameters only Vertex AI takes,
 * `personGeneration` and `sampleCount`; `checkInstance` adds the method's own.
 */
function predictViolations(body: unknown, api: GoogleApi, vertexOnlyParameters: readonly string[], checkInstance: (instance: JsonObject) => FieldViolation[]): FieldViolation[] {
  const parts = predictParts(body);
  if ('field' in parts) return [parts];
  const { instance, parameters } = parts;
  const prompt = typeof instance.prompt === 'string' && instance.prompt.trim() !== '' ? [] : [{ field: 'instances[0].prompt', description: `must be a non-empty string; got ${describe(instance.prompt)}` }];
  return [
    ...prompt,
    ...checkInstance(instance),
    ...vertexOnly(parameters, vertexOnlyParameters, api),
    ...oneOfIgnoringCase('parameters.personGeneration', parameters.personGeneration, PERSON_GENERATION),
    ...sampleCount(parameters, 4),
  ];
}

/** Veo's instance: at most 3 reference images of a known type, and no `gcsUri` media on the Gemini API. */
function veoInstanceViolations(instance: JsonObject, api: GoogleApi): FieldViolation[] {
  const references = Array.isArray(instance.referenceImages) ? instance.referenceImages : [];
  const violations: FieldViolation[] = references.length > 3 ? [{ field: 'instances[0].referenceImages', description: `takes at most 3 images; got ${references.length}` }] : [];
  references.forEach((reference, index) => {
    violations.push(...oneOfIgnoringCase(`instances[0].referenceImages[${index}].referenceType`, isObject(reference) ? reference.referenceType : undefined, REFERENCE_TYPES));
  });
  if (api === 'vertex') return violations;
  const media: [string, unknown][] = [
    ['instances[0].image', instance.image],
    ['instances[0].lastFrame', instance.lastFrame],
    ['instances[0].video', instance.video],
    ...references.map((reference, index): [string, unknown] => [`instances[0].referenceImages[${index}].image`, isObject(reference) ? reference.image : undefined]),
  ];
  for (const [field, value] of media) {
    if (isObject(value) && value.gcsUri !== undefined) violations.push({ field: `${field}.gcsUri`, description: 'gcsUri is only supported on Vertex AI; send bytesBase64Encoded' });
  }
  return violations;
}

/** Checks a Veo `predictLongRunning` body beyond its contract. */
export function veoRequestViolations(body: unknown, api: GoogleApi): FieldViolation[] {
  return predictViolations(body, api, VERTEX_ONLY_VEO_PARAMETERS, (instance) => veoInstanceViolations(instance, api));
}

/** Checks an Imagen `predict` body beyond its contract. */
export function imagenRequestViolations(body: unknown, api: GoogleApi): FieldViolation[] {
  return predictViolations(body, api, VERTEX_ONLY_IMAGEN_PARAMETERS, () => []);
}

/** Checks a `generateContent` body beyond its contract: it needs contents with parts. */
export function generateContentViolations(body: unknown): FieldViolation[] {
  if (!isObject(body)) return [{ field: '(body)', description: `must be a JSON object; got ${describe(body)}` }];
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) return [{ field: 'contents', description: 'must not be empty' }];
  return contents.flatMap((content, index) =>
    isObject(content) && Array.isArray(content.parts) && content.parts.length > 0 ? [] : [{ field: `contents[${index}].parts`, description: 'must not be empty' }],
  );
}
