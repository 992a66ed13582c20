import { ValidationError } from '@tarash/core';
import type { ReplicateModelDefinition } from './models/replicate-model';

/** Where a prediction is created, as a prepared request's `route`. */
export interface ReplicateRoute {
  /** `model`: an official model; `version`: a pinned version; `deployment`: a deployment. */
  readonly kind: 'model' | 'version' | 'deployment';
  /** Path under the API base, e.g. `/models/google/veo-3/predictions`. */
  readonly path: string;
  /** The create body's `version`, for `kind: 'version'`. */
  readonly version?: string;
}

/** A config `model` read: the id its mapping is looked up by, and how it is run. */
export interface ReplicateModelRef {
  /** `owner/name` when the id names one; mappings are found by this exact id. */
  readonly modelName: string | undefined;
  readonly version: string | undefined;
  readonly deployment: string | undefined;
}

const VERSION_ID = /^[0-9a-f]{64}$/;
const PINNED = /^([\w.-]+\/[\w.-]+):([0-9a-f]{64})$/;
const OWNER_NAME = /^[\w.-]+\/[\w.-]+$/;
const DEPLOYMENT = /^deployments\/([\w.-]+\/[\w.-]+)$/;

/**
 * Reads a config `model`: `owner/name` (official model), `owner/name:<64-hex version>`, a bare
 * 64-hex version id, or `deployments/owner/name`. Anything else is a `ValidationError`.
 */
export function parseModelRef(provider: string, model: string): ReplicateModelRef {
  const deployment = DEPLOYMENT.exec(model);
  if (deployment) return { modelName: undefined, version: undefined, deployment: deployment[1] };
  if (VERSION_ID.test(model)) return { modelName: undefined, version: model, deployment: undefined };
  const pinned = PINNED.exec(model);
  if (pinned) return { modelName: pinned[1], version: model, deployment: undefined };
  if (OWNER_NAME.test(model)) return { modelName: model, version: undefined, deployment: undefined };
  throw new ValidationError({
    provider,
    model,
    issues: [
      {
        field: 'config.model',
        value: model,
        message: 'a Replicate model is "owner/name", "owner/name:<64-hex version>", a 64-hex version id or "deployments/owner/name"',
      },
    ],
  });
}

/** The route of a prediction: a deployment (by id or `providerConfig.deployment`), a version, or an official model. */
export function routeFor(ref: ReplicateModelRef, definition: ReplicateModelDefinition | undefined, deployment: string | undefined): ReplicateRoute {
  const viaDeployment = deployment ?? ref.deployment;
  if (viaDeployment !== undefined) return { kind: 'deployment', path: `/deployments/${viaDeployment}/predictions` };
  if (ref.version !== undefined) return { kind: 'version', path: '/predictions', version: ref.version };
  const modelName = ref.modelName as string;
  if (definition?.defaultVersion !== undefined) return { kind: 'version', path: '/predictions', version: `${modelName}:${definition.defaultVersion}` };
  return { kind: 'model', path: `/models/${modelName}/predictions` };
}
