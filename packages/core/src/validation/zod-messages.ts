import en from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';

/**
 * zod's English messages ("Invalid input: expected string, received number", "Too small: …"),
 * imported alone: `z.locales.en` would bring every locale into bundles and into Node's import.
 */
const english = en().localeError;

/**
 * The messages of issues no schema words itself. zod/mini loads no locale (every such issue
 * would read "Invalid input"), and a library must not set zod's global config, which belongs
 * to the application: so English is given per parse, behind the application's own zod config
 * (a custom error map or locale it set keeps precedence, as over classic zod's English).
 */
const zodErrorMap: z.core.$ZodErrorMap = (issue) => {
  const config = z.config();
  return config.customError?.(issue) ?? config.localeError?.(issue) ?? english(issue);
};

/**
 * `safeParse` with any zod v4 schema (classic or mini), its issues worded for people: parse
 * with this before {@link zodIssuesToValidationIssues} so that messages say what was expected.
 */
export function safeParseWithMessages<S extends z.core.$ZodType>(schema: S, input: unknown): z.core.util.SafeParseResult<z.core.output<S>> {
  return z.safeParse(schema, input, { error: zodErrorMap });
}
