import type { ContractIssue } from '../common/contracts/contract-issue';
import { formatIssuePath } from '../common/contracts/contract-issue';
import { jsonReply, type HttpReply } from '../common/http-reply';

/** The fields of OpenAI's error object (`{"error": {message, type, param, code}}`). */
export interface OpenAIErrorFields {
  readonly message: string;
  /** Default `invalid_request_error`. */
  readonly type?: string;
  readonly param?: string | null;
  readonly code?: string | null;
}

/** OpenAI's error body: every key present, `param` and `code` null when they do not apply. */
export function openaiErrorBody(fields: OpenAIErrorFields): { readonly error: Required<OpenAIErrorFields> } {
  return { error: { message: fields.message, type: fields.type ?? 'invalid_request_error', param: fields.param ?? null, code: fields.code ?? null } };
}

/** A JSON reply carrying an OpenAI error body. */
export function openaiErrorReply(status: number, fields: OpenAIErrorFields, headers: Readonly<Record<string, string>> = {}): HttpReply {
  return jsonReply(status, openaiErrorBody(fields), headers);
}

/** What the image safety system answers for gpt-image models [C: observed, not in the spec]. */
export const IMAGE_MODERATION_MESSAGE =
  'Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID.';

/** What a failed Sora job reports when the prompt or output was moderated [C]. */
export const VIDEO_MODERATION_MESSAGE = 'The video was blocked by our moderation system.';

/**
 * Renders contract violations as OpenAI's 400: `param` names the first offending field (the
 * way OpenAI reports one parameter at a time), the message lists every issue.
 */
export function contractIssuesReply(issues: readonly ContractIssue[]): HttpReply {
  const first = issues[0];
  return openaiErrorReply(400, {
    message: `Invalid request body: ${issues.map((issue) => issue.message).join('; ')}.`,
    param: first && first.path.length > 0 ? formatIssuePath(first.path) : null,
    code: first?.keyword === 'required' ? 'missing_required_parameter' : 'invalid_value',
  });
}

/** A 400 about one parameter, as OpenAI phrases invalid values. */
export function invalidParamReply(param: string, message: string, code = 'invalid_value'): HttpReply {
  return openaiErrorReply(400, { message, param, code });
}
