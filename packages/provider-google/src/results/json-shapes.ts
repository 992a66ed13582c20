/** A JSON object read from a Google response. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Whether a value is a JSON object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a list field (anything else in it is skipped). */
export function recordsOf(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** A string field, if it is one. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const BASE64_FIELDS = new Set(['bytesBase64Encoded', 'encodedVideo']);

/**
 * A response body with its base64 media replaced by a short note: the bytes are in the result
 * already, and keeping both would hold every image or video in memory twice.
 */
export function withoutBase64Media(body: unknown): unknown {
  const walk = (value: unknown, inlineData: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, false));
    if (!isRecord(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) =>
        (BASE64_FIELDS.has(key) || (inlineData && key === 'data')) && typeof item === 'string'
          ? [key, `[${item.length} base64 characters, returned as bytes]`]
          : [key, walk(item, key === 'inlineData')],
      ),
    );
  };
  return walk(body, false);
}
