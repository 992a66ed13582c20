/** Short, log-safe description of a value for error messages (long strings and bytes abbreviated). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value.startsWith('data:')) return `"${value.slice(0, value.indexOf(',') + 1)}…" (${value.length} chars)`;
    return value.length > 80 ? JSON.stringify(`${value.slice(0, 77)}...`) : JSON.stringify(value);
  }
  if (value instanceof Uint8Array) return `<${value.constructor.name} ${value.byteLength} bytes>`;
  if (value instanceof ArrayBuffer) return `<ArrayBuffer ${value.byteLength} bytes>`;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return `<Blob ${value.size} bytes ${value.type}>`;
  if (typeof value === 'function') return '<function>';
  try {
    const json = JSON.stringify(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    return String(value);
  }
}

/** Formats a list of allowed values: `4, 6, 8` or `"4s", "6s", "8s"`. */
export function describeAllowed(allowed: readonly unknown[]): string {
  return allowed.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
}
