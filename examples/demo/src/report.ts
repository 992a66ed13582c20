import type { ExecutionMetadata, ImageGenerationResponse, MediaOutput, ProgressUpdate, VideoGenerationResponse } from '@tarash/core';

/** One progress update as a log line. */
export function formatProgress(update: ProgressUpdate): string {
  const who = `[${update.attempt}] ${update.provider} ${update.model}`;
  if (update.status === 'failed') return `${who}  failed: ${update.error?.name}: ${update.error?.message}`;
  const details = [
    update.queuePosition !== undefined ? `queue position ${update.queuePosition}` : undefined,
    update.progressPercent !== undefined ? `${Math.round(update.progressPercent)}%` : undefined,
    update.requestId ? `job ${update.requestId}` : undefined,
  ].filter(Boolean);
  const logs = update.logs?.length ? `\n${update.logs.map((l) => `      log: ${l}`).join('\n')}` : '';
  return `${who}  ${update.status}${details.length ? ` (${details.join(', ')})` : ''}${logs}`;
}

function describeMedia(media: MediaOutput): string {
  return typeof media === 'string' ? media : `<${media.data.byteLength} bytes of ${media.mediaType}>`;
}

/** The execution metadata as an indented table. */
export function formatMetadata(metadata: ExecutionMetadata): string {
  const head = `  attempts ${metadata.totalAttempts}/${metadata.configsInChain}, fallback ${metadata.fallbackTriggered ? 'yes' : 'no'}, successful attempt ${metadata.successfulAttempt ?? '-'}, total ${metadata.totalElapsedMs} ms`;
  const rows = metadata.attempts.map((a) =>
    [
      `  #${a.attemptNumber} ${a.provider} ${a.model}: ${a.status}`,
      `retries ${a.retries}`,
      `${a.elapsedMs} ms`,
      a.requestId ? `job ${a.requestId}` : '',
      a.cancelled !== undefined ? `cancelled ${a.cancelled}` : '',
      a.errorType ? `${a.errorType}${a.isRetryable ? ' (retryable)' : ''}: ${a.errorMessage}` : '',
    ]
      .filter(Boolean)
      .join(' | '),
  );
  return [head, ...rows].join('\n');
}

/** The result of a video generation. */
export function formatVideo(response: VideoGenerationResponse): string {
  return [
    `  video      ${describeMedia(response.video)}`,
    `  type       ${response.contentType ?? '-'}${response.duration !== undefined ? `, ${response.duration} s` : ''}${response.resolution ? `, ${response.resolution}` : ''}`,
    `  request id ${response.requestId}${response.isMock ? ' (mock)' : ''}`,
    response.cost ? `  cost       ${JSON.stringify(response.cost.metrics)}` : '',
    ...response.warnings.map((w) => `  warning    ${w}`),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The result of an image generation. */
export function formatImages(response: ImageGenerationResponse): string {
  return [
    ...response.images.map((image, i) => `  image ${i}    ${describeMedia(image)}`),
    `  size       ${response.width ?? '?'}x${response.height ?? '?'} ${response.contentType ?? ''}`,
    `  request id ${response.requestId}`,
    response.cost ? `  cost       ${JSON.stringify(response.cost.metrics)}` : '',
    ...response.warnings.map((w) => `  warning    ${w}`),
  ]
    .filter(Boolean)
    .join('\n');
}
