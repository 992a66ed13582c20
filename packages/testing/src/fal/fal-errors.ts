import type { ContractIssue } from '../common/contracts/contract-issue';

/** One entry of a pydantic-style `detail` list, as fal models return it on 422. */
export interface FalErrorDetail {
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
  readonly input?: unknown;
  readonly ctx?: Readonly<Record<string, unknown>>;
  readonly url?: string;
}

function pythonLiteral(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/** `'a', 'b' or 'c'`, as pydantic lists expected literals. */
function orList(values: readonly unknown[]): string {
  const rendered = values.map(pythonLiteral);
  return rendered.length <= 1 ? rendered.join('') : `${rendered.slice(0, -1).join(', ')} or ${rendered[rendered.length - 1]}`;
}

const TYPE_ERRORS: Readonly<Record<string, readonly [string, string]>> = {
  string: ['string_type', 'Input should be a valid string'],
  integer: ['int_type', 'Input should be a valid integer'],
  number: ['float_type', 'Input should be a valid number'],
  boolean: ['bool_type', 'Input should be a valid boolean'],
  array: ['list_type', 'Input should be a valid list'],
  object: ['dict_type', 'Input should be a valid dictionary'],
  null: ['none_required', 'Input should be None'],
};

function typeError(params: Readonly<Record<string, unknown>>): readonly [string, string, Record<string, unknown>?] {
  const type = Array.isArray(params.type) ? String(params.type[0]) : String(params.type);
  return TYPE_ERRORS[type] ?? ['value_error', `Input should be of type ${type}`];
}

function classify(issue: ContractIssue): readonly [string, string, Record<string, unknown>?] {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return ['missing', 'Field required'];
    case 'enum': {
      const expected = orList(p.allowedValues as unknown[]);
      return ['literal_error', `Input should be ${expected}`, { expected }];
    }
    case 'const': {
      const expected = pythonLiteral(p.allowedValue);
      return ['literal_error', `Input should be ${expected}`, { expected }];
    }
    case 'type':
      return typeError(p);
    case 'minimum':
      return ['greater_than_equal', `Input should be greater than or equal to ${String(p.limit)}`, { ge: p.limit }];
    case 'maximum':
      return ['less_than_equal', `Input should be less than or equal to ${String(p.limit)}`, { le: p.limit }];
    case 'exclusiveMinimum':
      return ['greater_than', `Input should be greater than ${String(p.limit)}`, { gt: p.limit }];
    case 'exclusiveMaximum':
      return ['less_than', `Input should be less than ${String(p.limit)}`, { lt: p.limit }];
    case 'minLength':
      return ['string_too_short', `String should have at least ${String(p.limit)} characters`, { min_length: p.limit }];
    case 'maxLength':
      return ['string_too_long', `String should have at most ${String(p.limit)} characters`, { max_length: p.limit }];
    case 'minItems':
      return ['too_short', `List should have at least ${String(p.limit)} items after validation`, { field_type: 'List', min_length: p.limit }];
    case 'maxItems':
      return ['too_long', `List should have at most ${String(p.limit)} items after validation`, { field_type: 'List', max_length: p.limit }];
    case 'additionalProperties':
      return ['extra_forbidden', 'Extra inputs are not permitted'];
    case 'pattern':
      return ['string_pattern_mismatch', `String should match pattern '${String(p.pattern)}'`, { pattern: p.pattern }];
    default:
      return ['value_error', issue.message];
  }
}

/** Renders a contract issue as fal's pydantic-style 422 `detail` entry (`loc` starts with `body`). */
export function falErrorDetail(issue: ContractIssue): FalErrorDetail {
  const [type, msg, ctx] = classify(issue);
  return {
    loc: ['body', ...issue.path],
    msg,
    type,
    ...(issue.value !== undefined ? { input: issue.value } : {}),
    ...(ctx ? { ctx } : {}),
    url: `https://errors.pydantic.dev/2.10/v/${type}`,
  };
}

/** The message fal's content checker gives, in the `detail` of a moderated result. */
export const CONTENT_POLICY_MESSAGE = 'The content could not be processed because it contained material flagged by a content checker.';

/** The 422 `detail` entry of a content-policy rejection. */
export function contentPolicyDetail(input: unknown): FalErrorDetail {
  const prompt = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).prompt : undefined;
  return {
    loc: ['body', 'prompt'],
    msg: CONTENT_POLICY_MESSAGE,
    type: 'content_policy_violation',
    ...(prompt !== undefined ? { input: prompt } : {}),
    url: 'https://docs.fal.ai/errors#content_policy_violation',
  };
}
