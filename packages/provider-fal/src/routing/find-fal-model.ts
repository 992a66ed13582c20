import type { FalModelDefinition } from '../models/fal-model-definition';
import { falModels } from '../models/registry';

/**
 * The generated definition of an endpoint, by its exact id. Routing never matches a prefix:
 * `fal-ai/veo3.1/fast/image-to-video-v2` is not `fal-ai/veo3.1/fast/image-to-video`.
 */
export function findFalModel(endpointId: string): FalModelDefinition | undefined {
  return Object.hasOwn(falModels, endpointId) ? falModels[endpointId] : undefined;
}
