import { mapRequest, ValidationError, type FieldMappers, type PreparedRequest, type PrepareContext, type StandardRequestFields } from '@tarash/core';
import { parseFalSettings } from '../config/fal-settings';
import { isFalEndpointId } from '../routing/fal-endpoint-id';
import { findFalModel } from '../routing/find-fal-model';
import { genericFalMappers } from './generic-fal-mappers';
import { validateFalBody } from './validate-fal-body';

/** The warning of an endpoint mapped without a generated definition. */
export function untypedEndpointWarning(endpointId: string): string {
  return (
    `fal endpoint "${endpointId}" is untyped (no generated definition): the request was mapped with the generic fal mapping ` +
    '(prompt, seed, aspect_ratio, duration in seconds, image_url…) and is not validated before it is sent; ' +
    'check the field names, or generate the endpoint with `pnpm codegen`'
  );
}

/**
 * Validates and maps a standard request for one fal endpoint, with no I/O. The endpoint is
 * looked up by its exact id in `falModels` (never by prefix); mappers registered with
 * `registerProviderFieldMapping` replace the generated ones; the mapped body (after
 * `extraParams`) is checked against the endpoint's input schema. An endpoint without a
 * definition goes through the generic mapping, with a warning. Media stays `PendingMedia`
 * until the job starts.
 */
export function prepareFalRequest(request: StandardRequestFields, context: PrepareContext): PreparedRequest<Record<string, unknown>> {
  const { provider, model } = context;
  parseFalSettings(context.providerConfig, { model, root: 'config.providerConfig' });
  if (!isFalEndpointId(model)) {
    throw new ValidationError({
      provider,
      model,
      issues: [{ field: 'config.model', value: model, message: 'must be a fal endpoint id such as "fal-ai/veo3.1" (owner/app[/path], no URL)' }],
    });
  }
  const definition = findFalModel(model);
  if (definition && definition.modality !== context.modality) {
    throw new ValidationError({
      provider,
      model,
      issues: [{ field: 'config.model', value: model, message: `is a fal ${definition.modality} endpoint; use generate${definition.modality === 'video' ? 'Video' : 'Image'}` }],
    });
  }
  const mappers = context.fieldMappers ?? (definition?.mappers as FieldMappers | undefined) ?? genericFalMappers(context.modality);
  const mapped = mapRequest(request, mappers, { provider, model, strict: context.strict });
  if (definition) validateFalBody(mapped.body, definition, provider);
  const untyped = !definition && !context.fieldMappers;
  return {
    provider,
    model,
    body: mapped.body,
    warnings: untyped ? [untypedEndpointWarning(model), ...mapped.warnings] : mapped.warnings,
    route: { endpointId: model },
  };
}
