/** The wait (ms) a provider asked for, when an error carries one (`HTTPError.retryAfterMs`). */
export function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' ? value : undefined;
}
