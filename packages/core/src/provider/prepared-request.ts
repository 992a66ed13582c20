/**
 * A request validated and mapped for one provider and model: the output of a provider's pure
 * `prepare` step, before any I/O. `body` may contain `PendingMedia` values that the provider's
 * transport resolves (uploads) when the job starts.
 */
export interface PreparedRequest<TBody = unknown> {
  readonly provider: string;
  readonly model: string;
  /** The provider request body (or input object), deterministic for a given request. */
  readonly body: TBody;
  /** Standard parameters the model could not use, and other mapping notes. */
  readonly warnings: readonly string[];
  /** Provider routing data decided by the mapping (endpoint path, operation kind…). */
  readonly route?: Readonly<Record<string, string>>;
}
