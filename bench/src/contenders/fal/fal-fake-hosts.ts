/** fal's hosts, which the official clients hard-code (wire.md §0). */
const FAL_HOSTS: ReadonlySet<string> = new Set(['queue.fal.run', 'fal.run', 'rest.fal.ai']);

/** The fal model every fal scenario generates with. */
export const FAL_VIDEO_MODEL = 'fal-ai/veo3.1';

/** `url` moved onto the fake server when it names one of fal's hosts; otherwise unchanged. */
export function onFakeFalServer(url: string, fakeOrigin: string): string {
  const parsed = new URL(url);
  return FAL_HOSTS.has(parsed.host) ? `${fakeOrigin}${parsed.pathname}${parsed.search}` : url;
}
