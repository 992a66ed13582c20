const BY_EXTENSION: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  gif: 'image/gif',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
};

/** The media type a URL's file extension (or a data URI's header) names, if it names one. */
export function mediaTypeOfUrl(url: string): string | undefined {
  if (url.startsWith('data:')) return /^data:([\w.+-]+\/[\w.+-]+)[;,]/.exec(url)?.[1];
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : BY_EXTENSION[extension];
}

/** The file extension of a media type, for upload file names (`bin` when unknown). */
export function extensionOfMediaType(mediaType: string): string {
  return Object.entries(BY_EXTENSION).find(([, type]) => type === mediaType)?.[0] ?? 'bin';
}
