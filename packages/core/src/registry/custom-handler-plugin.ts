import { GenerationFailedError } from '../errors/generation-failed-error';
import { TarashError } from '../errors/tarash-error';
import type { CallContext } from '../provider/call-context';
import type { CustomProgress, CustomProviderHandler } from '../provider/custom-provider-handler';
import type { SnapshotListener } from '../provider/job-status-snapshot';
import type { PreparedRequest } from '../provider/prepared-request';
import type { ProviderModalityHandler, ProviderPlugin } from '../provider/provider-plugin';

/** Runs a custom handler function, giving unknown errors the "may have been billed" treatment. */
async function runHandler<TResult>(
  context: CallContext,
  onSnapshot: SnapshotListener<TResult>,
  call: (onProgress: (p: CustomProgress) => Promise<void>) => Promise<TResult>,
): Promise<TResult> {
  try {
    return await call(async (progress) => onSnapshot(progress));
  } catch (error) {
    if (error instanceof TarashError) throw error;
    throw new GenerationFailedError({
      provider: context.provider,
      model: context.model,
      phase: 'generate',
      message: `Custom provider "${context.provider}" failed: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
      jobMayExist: true,
    });
  }
}

function modality<TRequest, TResult>(
  fn: (config: CallContext['config'], request: TRequest, onProgress: (p: CustomProgress) => Promise<void>) => Promise<TResult>,
): ProviderModalityHandler<TRequest, TResult> {
  return {
    prepare: (request, context): PreparedRequest => ({ provider: context.provider, model: context.model, body: request, warnings: [] }),
    generate: (prepared, context, onSnapshot) =>
      runHandler(context, onSnapshot, (onProgress) => fn(context.config, prepared.body as TRequest, onProgress)),
  };
}

/** Adapts a `registerProvider(name, handler)` handler to the plugin interface. */
export function customHandlerPlugin(name: string, handler: CustomProviderHandler): ProviderPlugin {
  const { generateVideo, generateImage } = handler;
  return {
    name,
    ...(generateVideo ? { video: modality((c, r, p) => generateVideo.call(handler, c, r, p)) } : {}),
    ...(generateImage ? { image: modality((c, r, p) => generateImage.call(handler, c, r, p)) } : {}),
  };
}
