import type { FalEndpointParams } from './models/fal-endpoint-params';

export type { FalModelDefinition, FalOutputSpec } from './models/fal-model-definition';
export type { FalEndpointParams } from './models/fal-endpoint-params';
export { falModels } from './models/registry';

declare module '@tarash/core' {
  interface ProviderModelRegistry {
    fal: FalEndpointParams;
  }
}
