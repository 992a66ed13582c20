import { TarashError, createGateway, type ProgressUpdate } from '@tarash/core';
import { falProvider } from '@tarash/provider-fal';
import { googleProvider } from '@tarash/provider-google';
import { openaiProvider } from '@tarash/provider-openai';
import { replicateProvider } from '@tarash/provider-replicate';
import { stabilityProvider } from '@tarash/provider-stability';
import type { DemoSetup } from './demo-setup';
import { formatImages, formatMetadata, formatProgress, formatVideo } from './report';

/** A gateway with every provider package registered. */
export function demoGateway() {
  return createGateway({ providers: [falProvider(), openaiProvider(), replicateProvider(), googleProvider(), stabilityProvider()] });
}

/** Runs the demo's video and image generations, writing a report line by line; resolves true on success. */
export async function runDemo(setup: DemoSetup, write: (line: string) => void): Promise<boolean> {
  const gateway = demoGateway();
  const onProgress = (update: ProgressUpdate) => write(`  ${formatProgress(update)}`);
  setup.notes.forEach((line) => write(line));
  let ok = true;
  if (setup.video) {
    write('');
    write(`== Video: ${JSON.stringify(setup.video.request.prompt)}`);
    try {
      const response = await gateway.generateVideo(setup.video.config, setup.video.request, { onProgress: (u) => onProgress(u as ProgressUpdate) });
      write('-- result');
      write(formatVideo(response));
      write('-- execution metadata');
      write(formatMetadata(response.executionMetadata));
    } catch (error) {
      ok = false;
      write(`!! video failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      if (error instanceof TarashError && error.executionMetadata) write(formatMetadata(error.executionMetadata));
    }
  }
  if (setup.image) {
    write('');
    write(`== Image: ${JSON.stringify(setup.image.request.prompt)}`);
    try {
      const response = await gateway.generateImage(setup.image.config, setup.image.request, { onProgress: (u) => onProgress(u as ProgressUpdate) });
      write('-- result');
      write(formatImages(response));
      write('-- execution metadata');
      write(formatMetadata(response.executionMetadata));
    } catch (error) {
      ok = false;
      write(`!! image failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      if (error instanceof TarashError && error.executionMetadata) write(formatMetadata(error.executionMetadata));
    }
  }
  return ok;
}
