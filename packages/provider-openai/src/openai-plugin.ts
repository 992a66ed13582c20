import type { ProviderPlugin } from '@tarash/core';
import { generateImage } from './images/image-generate';
import { prepareImageRequest } from './images/image-mapping';
import { checkProviderOptions, type OpenAIProviderOptions } from './provider-options';
import type { ApiFlavor } from './transport/api-target';
import { prepareVideoRequest } from './videos/video-mapping';
import { videoJobs } from './videos/video-jobs';

/** The plugin for one API flavour (OpenAI or Azure OpenAI): same mapping, different transport. */
export function openaiPlugin(flavor: ApiFlavor, options: OpenAIProviderOptions): ProviderPlugin {
  const { videoDelivery } = checkProviderOptions(options);
  return {
    name: flavor.name,
    apiKeyEnvVars: flavor.apiKeyEnvVars,
    image: {
      prepare: (request, context) => prepareImageRequest(request, context, flavor),
      generate: (prepared, context) => generateImage(prepared, context, flavor),
    },
    video: {
      prepare: (request, context) => prepareVideoRequest(request, context, flavor),
      jobs: videoJobs(flavor, videoDelivery),
    },
  };
}
