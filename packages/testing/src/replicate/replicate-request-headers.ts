/** A header value that does not follow Replicate's documented format. */
export class InvalidHeaderError extends Error {
  constructor(
    readonly header: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidHeaderError';
  }
}

const WAIT = /^wait(?:=(\d+))?$/i;

/**
 * Seconds to hold a create request (`Prefer: wait` = 60, `Prefer: wait=N` with N in 1..60,
 * wire.md §2.2), or undefined without a wait preference. Other preferences are ignored, as
 * HTTP says unknown preferences must be.
 */
export function parsePreferWait(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  for (const token of header.split(/[,;]/).map((part) => part.trim())) {
    const match = WAIT.exec(token);
    if (!match) continue;
    if (match[1] === undefined) return 60;
    const seconds = Number(match[1]);
    if (seconds < 1 || seconds > 60) throw new InvalidHeaderError('Prefer', `Prefer must match ^wait(=([1-9]|[1-9][0-9]|60))?$ (1 to 60 seconds); got ${JSON.stringify(header)}.`);
    return seconds;
  }
  return undefined;
}

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const MIN_CANCEL_AFTER_MS = 5_000;

/** `Cancel-After` (`30s`, `5m`, `1h30m`, or bare seconds; at least 5 s) in milliseconds. */
export function parseCancelAfter(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  const match = /^\d+$/.test(text) ? ([text, undefined, undefined, text] as const) : DURATION.exec(text);
  if (!match || text === '') throw new InvalidHeaderError('Cancel-After', `Cancel-After must be a duration such as "30s", "5m" or "1h30m"; got ${JSON.stringify(header)}.`);
  const ms = (Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)) * 1000;
  if (ms < MIN_CANCEL_AFTER_MS) throw new InvalidHeaderError('Cancel-After', `Cancel-After must be at least 5s; got ${JSON.stringify(header)}.`);
  return ms;
}
