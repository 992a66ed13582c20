/** What the `version` of `POST /v1/predictions` names (wire.md §2.2). */
export type ReplicateVersionRef =
  | { readonly kind: 'version-id'; readonly version: string }
  | { readonly kind: 'model-version'; readonly model: string; readonly version: string }
  | { readonly kind: 'model'; readonly model: string };

const VERSION_ID = /^[0-9a-f]{64}$/;
const MODEL_VERSION = /^([\w.-]+\/[\w.-]+):([0-9a-f]{64})$/;
const MODEL = /^[\w.-]+\/[\w.-]+$/;

/** Reads a 64-hex version id, `owner/name:<64-hex>` or `owner/name`; undefined for anything else. */
export function parseVersionRef(value: string): ReplicateVersionRef | undefined {
  if (VERSION_ID.test(value)) return { kind: 'version-id', version: value };
  const pinned = MODEL_VERSION.exec(value);
  if (pinned) return { kind: 'model-version', model: pinned[1] as string, version: pinned[2] as string };
  return MODEL.test(value) ? { kind: 'model', model: value } : undefined;
}
