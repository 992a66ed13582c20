import { mapRequest, ValidationError, type FieldMappers, type PreparedRequest, type PrepareContext, type StandardRequestFields } from '@tarash/core';
import { genericImageInputs, genericVideoInputs } from './models/generic';
import { findModelDefinition } from './models/model-registry';
import { readProviderConfig } from './provider-config';
import { parseModelRef, routeFor } from './replicate-route';

/**
 * The pure `prepare` step: reads the model id, checks `providerConfig`, maps the standard
 * request to the model's own input names (the built-in mapping of that exact id, a registered
 * override, or the generic mapping with a warning) and decides the route. The body is the
 * prediction `input`; media stay symbolic until the job starts.
 */
export function prepareReplicateRequest<TRequest extends StandardRequestFields>(request: TRequest, context: PrepareContext): PreparedRequest {
  const { provider, model, modality } = context;
  const config = readProviderConfig(context.providerConfig, provider, model);
  const ref = parseModelRef(provider, model);
  const definition = ref.modelName === undefined ? undefined : findModelDefinition(ref.modelName);
  if (definition && definition.modality !== modality) {
    throw new ValidationError({
      provider,
      model,
      issues: [{ field: 'config.model', value: model, message: `${ref.modelName} makes ${definition.modality}s; use generate${definition.modality === 'video' ? 'Video' : 'Image'}` }],
    });
  }
  const builtIn = definition?.mappers as FieldMappers<TRequest> | undefined;
  const generic = (modality === 'video' ? genericVideoInputs : genericImageInputs) as FieldMappers<TRequest>;
  const mappers = (context.fieldMappers as FieldMappers<TRequest> | undefined) ?? builtIn ?? generic;
  const { body, warnings } = mapRequest(request, mappers, { provider, model, strict: context.strict });
  if (!definition && !context.fieldMappers) {
    warnings.unshift(`${model} has no built-in Replicate mapping; sent the generic inputs (prompt, negative_prompt, aspect_ratio, ${modality === 'video' ? 'duration' : 'num_outputs'}, seed, image) unchecked`);
  }
  const route = routeFor(ref, definition, config.deployment);
  return { provider, model, body, warnings, route: { ...route } };
}
