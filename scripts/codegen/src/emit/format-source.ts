import { format } from 'prettier';

/** Prettier options of generated code (the repository's style: single quotes, trailing commas). */
const PRETTIER_OPTIONS = { parser: 'typescript', singleQuote: true, printWidth: 120, trailingComma: 'all' } as const;

/** Formats generated TypeScript, so output is byte-for-byte stable and `--check` can compare exactly. */
export function formatTypeScript(source: string): Promise<string> {
  return format(source, PRETTIER_OPTIONS);
}
