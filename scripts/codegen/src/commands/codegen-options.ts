import { parseArgs } from 'node:util';
import { FAL_OPENAPI_BASE_URL } from '../sources/schema-sources';

/** What one `pnpm codegen` invocation asks for. */
export interface CodegenOptions {
  /** Endpoint ids to add (positional arguments); their schemas are fetched unless `schemaDir` is given. */
  readonly endpointIds: readonly string[];
  /** `--schema <file>` (repeatable): add the endpoints of these stored documents, offline. */
  readonly schemaFiles: readonly string[];
  /** `--schema-dir <dir>`: read schemas from this directory (offline). */
  readonly schemaDir: string | undefined;
  /** `--all`: generate every endpoint of the schema directory. */
  readonly all: boolean;
  /** `--check`: regenerate in memory and fail on any difference with the files on disk. */
  readonly check: boolean;
  /** `--remove <id>` (repeatable): remove these endpoints. */
  readonly remove: readonly string[];
  /** `--base-url` / `FAL_OPENAPI_BASE_URL`: where schemas are fetched from. */
  readonly baseUrl: string;
  readonly help: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: pnpm codegen [options] [endpoint-id ...]

Generates typed, validated fal endpoint mappings into packages/provider-fal/src/models/generated/.

  pnpm codegen                          regenerate every generated endpoint (after a generator change)
  pnpm codegen fal-ai/veo3.1            add an endpoint (schema fetched from fal)
  pnpm codegen --schema ./x.json        add the endpoint described by a stored schema (offline)
  pnpm codegen --schema-dir DIR ID...   add endpoints whose schemas are stored in DIR (offline)
  pnpm codegen --all                    generate every endpoint of the schema directory
  pnpm codegen --remove fal-ai/veo3.1   remove an endpoint
  pnpm codegen --check                  fail if the committed files differ from a fresh generation

Options:
  --base-url URL     schema URL (default $FAL_OPENAPI_BASE_URL or ${FAL_OPENAPI_BASE_URL})
  --schema-dir DIR   stored schemas (default $TARASH_CONTRACTS_DIR/fal/openapi or ../shared/contracts/fal/openapi)
  -h, --help         this text`;

/** An invalid command line, with what is wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses the command line (relative paths are resolved later, against the caller's directory). */
export function parseCodegenArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CodegenOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        check: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        remove: { type: 'string', multiple: true, default: [] },
        schema: { type: 'string', multiple: true, default: [] },
        'schema-dir': { type: 'string' },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const endpointIds = positionals.filter((arg) => arg !== '--');
  for (const id of [...endpointIds, ...values.remove]) {
    if (!/^[\w.-]+(\/[\w.-]+)+$/.test(id))
      throw new UsageError(`"${id}" is not a fal endpoint id (expected owner/app[/path], e.g. fal-ai/veo3.1)`);
  }
  const options: CodegenOptions = {
    endpointIds,
    schemaFiles: values.schema,
    schemaDir: values['schema-dir'],
    all: values.all,
    check: values.check,
    remove: values.remove,
    baseUrl: values['base-url'] ?? env['FAL_OPENAPI_BASE_URL'] ?? FAL_OPENAPI_BASE_URL,
    help: values.help,
  };
  const adds = options.endpointIds.length + options.schemaFiles.length + (options.all ? 1 : 0);
  if (options.check && (adds > 0 || options.remove.length > 0))
    throw new UsageError('--check takes no endpoints: it checks every generated endpoint');
  return options;
}
