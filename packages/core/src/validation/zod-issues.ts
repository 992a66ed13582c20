import type * as z from 'zod/mini';
import type { ValidationIssue } from '../errors/validation-error';

/** Formats a zod path as `imageList[1].type`. */
export function formatPath(path: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase().replace(/[_-]/g, '');
  return candidates.find((c) => {
    const cl = c.toLowerCase();
    return cl.includes(lower) || lower.includes(cl);
  });
}

/**
 * Turns zod issues into validation issues that name the field, quote the value given and list
 * what is allowed. `knownKeys` names the fields of the object, for unknown-key issues. Parse
 * with `safeParseWithMessages` first: zod/mini leaves the issues no schema words as
 * "Invalid input".
 */
export function zodIssuesToValidationIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  options: { readonly root?: string; readonly knownKeys?: readonly string[] } = {},
): ValidationIssue[] {
  return issues.flatMap((issue): ValidationIssue[] => {
    const field = formatPath(issue.path, options.root);
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => {
          const suggestion = options.knownKeys ? closest(key, options.knownKeys) : undefined;
          return {
            field: formatPath([...issue.path, key], options.root),
            value: valueAt(input, [...issue.path, key]),
            message: `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; provider-specific fields go in extraParams`,
            ...(options.knownKeys ? { allowed: options.knownKeys } : {}),
          };
        });
      case 'invalid_value':
        return [{ field, value: valueAt(input, issue.path), message: 'is not one of the allowed values', allowed: issue.values }];
      case 'invalid_union': {
        const nested = issue.errors.flat();
        const message = nested.length > 0 ? nested.map((n) => n.message).filter((m, i, a) => a.indexOf(m) === i).join(' or ') : issue.message;
        return [{ field, value: valueAt(input, issue.path), message }];
      }
      default:
        return [{ field, value: valueAt(input, issue.path), message: issue.message }];
    }
  });
}
