import { createHash } from 'node:crypto';
import type { ContractIssue } from '../common/contracts/contract-issue';
import { bundleSchema } from '../common/contracts/schema-bundle';
import { SchemaValidator } from '../common/contracts/schema-validator';

/** What a model makes; decides the shape of its default output. */
export type ReplicateMediaKind = 'video' | 'image';

/** How a test declares a model to the fake server. */
export interface ReplicateModelSpec {
  /**
   * JSON Schema of the model's input (what Replicate publishes as the version's
   * `openapi_schema.components.schemas.Input`). Inputs that break it are refused with a 422
   * listing `invalid_fields`. Without it any input is accepted.
   */
  readonly inputSchema?: Readonly<Record<string, unknown>>;
  /** Default: guessed from the name (image for flux/sdxl/diffusion/ideogram/recraft/imagen…, else video). */
  readonly produces?: ReplicateMediaKind;
  /**
   * Official models run without a version and report `version: "hidden"` (default true).
   * A community model must be run through `POST /v1/predictions` with its version.
   */
  readonly official?: boolean;
}

/** A model the fake server knows, declared or implied by a request. */
export interface ReplicateModel {
  /** `owner/name`. */
  readonly name: string;
  /** Its (single) 64-hex version id, derived from the name. */
  readonly version: string;
  readonly produces: ReplicateMediaKind;
  readonly official: boolean;
  /** Schema problems of an input; none without a declared schema. */
  validate(input: unknown): ContractIssue[];
}

const IMAGE_MODEL_NAME = /flux|sdxl|diffusion|ideogram|recraft|imagen|image|photon|seedream/i;

/** The deterministic 64-hex version id the fake server gives a model. */
export function fakeVersionId(name: string): string {
  return createHash('sha256').update(`replicate-fake-version:${name}`).digest('hex');
}

function modelOf(name: string, spec: ReplicateModelSpec): ReplicateModel {
  const validator = spec.inputSchema ? new SchemaValidator(bundleSchema({}, spec.inputSchema, 'openapi-3.1'), 'openapi-3.1', false) : undefined;
  return {
    name,
    version: fakeVersionId(name),
    produces: spec.produces ?? (IMAGE_MODEL_NAME.test(name) ? 'image' : 'video'),
    official: spec.official ?? true,
    validate: (input) => validator?.validate(input) ?? [],
  };
}

/** The models of one fake server: declared ones, and official ones implied by the requests. */
export class ReplicateModelCatalog {
  readonly #models = new Map<string, ReplicateModel>();

  /** Declares (or redeclares) `owner/name`. */
  define(name: string, spec: ReplicateModelSpec = {}): ReplicateModel {
    if (!/^[\w.-]+\/[\w.-]+$/.test(name)) throw new TypeError(`A model name must look like "owner/name"; got ${JSON.stringify(name)}.`);
    const model = modelOf(name, spec);
    this.#models.set(name, model);
    return model;
  }

  /** The model `owner/name`: the declared one, or an implied official model with any input. */
  get(name: string): ReplicateModel {
    return this.#models.get(name) ?? modelOf(name, {});
  }

  /** Whether `owner/name` was declared. */
  has(name: string): boolean {
    return this.#models.has(name);
  }

  /** The declared model whose version id this is. */
  byVersion(version: string): ReplicateModel | undefined {
    return [...this.#models.values()].find((model) => model.version === version);
  }
}
