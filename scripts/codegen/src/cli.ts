import { join } from 'node:path';
import { CodegenError, runCodegen } from './commands/run-codegen';
import { parseCodegenArgs, USAGE, UsageError } from './commands/codegen-options';
import { GenerationError } from './commands/generate-files';
import { REPO_ROOT } from './project/provider-fal-layout';
import { SchemaDocumentError } from './schema/fal-openapi-document';
import { SchemaFetchError } from './sources/schema-sources';

/** Errors reported as one message; anything else is a bug and keeps its stack trace. */
const EXPECTED_ERRORS = [CodegenError, GenerationError, SchemaDocumentError, SchemaFetchError, UsageError];

async function main(): Promise<number> {
  const options = parseCodegenArgs(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  return runCodegen(options, {
    repoRoot: REPO_ROOT,
    packageDir: join(REPO_ROOT, 'packages', 'provider-fal'),
    // pnpm runs the script in scripts/codegen; INIT_CWD is where the user typed the command.
    cwd: process.env['INIT_CWD'] ?? process.cwd(),
    env: process.env,
    fetch: globalThis.fetch,
    log: (line) => console.log(line),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (EXPECTED_ERRORS.some((type) => error instanceof type)) {
      console.error(`codegen: ${(error as Error).message}`);
      if (error instanceof UsageError) console.error(`\n${USAGE}`);
    } else console.error(error);
    process.exitCode = 1;
  },
);
