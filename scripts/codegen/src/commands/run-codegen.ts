import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { providerFalLayout, type ProviderFalLayout } from '../project/provider-fal-layout';
import { findDrift, writeGeneratedTree } from '../project/generated-tree';
import { registeredEndpointIds } from '../project/registry-sync';
import type { FalEndpointSchema } from '../schema/fal-openapi-document';
import { defaultSchemaDir, fetchSchema, readSchemaDir, readSchemaFile, readStoredSchema } from '../sources/schema-sources';
import type { CodegenOptions } from './codegen-options';
import { generateFiles, type GeneratedFiles } from './generate-files';

/** Where a run reads and writes, and how it talks to the world (injectable for tests). */
export interface CodegenEnvironment {
  readonly repoRoot: string;
  /** The provider-fal package directory (default `<repo>/packages/provider-fal`). */
  readonly packageDir: string;
  /** Directory relative paths on the command line are relative to. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch: typeof fetch;
  readonly log: (line: string) => void;
}

/** A failure the CLI reports as a message, without a stack trace. */
export class CodegenError extends Error {
  override readonly name = 'CodegenError';
}

const FETCH_CONCURRENCY = 8;

/** Maps with at most `limit` calls in flight. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) results[index] = await fn(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Sources {
  readonly options: CodegenOptions;
  readonly environment: CodegenEnvironment;
  readonly schemaDir: string;
}

/** Reads an endpoint's schema: stored copy in the schema directory when there is one, else fetched. */
async function storedOrFetched(id: string, { options, environment, schemaDir }: Sources): Promise<FalEndpointSchema> {
  const stored = existsSync(schemaDir) ? await readStoredSchema(schemaDir, id) : undefined;
  return stored ?? fetchSchema(id, options.baseUrl, environment.fetch);
}

/** Named endpoints: from `--schema-dir` when given (and required there), else fetched from fal. */
async function named(id: string, sources: Sources): Promise<FalEndpointSchema> {
  const { options, environment, schemaDir } = sources;
  if (options.schemaDir === undefined) return fetchSchema(id, options.baseUrl, environment.fetch);
  const stored = await readStoredSchema(schemaDir, id);
  if (!stored) throw new CodegenError(`${id}: no stored schema in ${schemaDir}`);
  return stored;
}

/** The schemas of the endpoints a run must end up with (the current ones, plus additions, minus removals). */
async function targetSchemas(registered: readonly string[], sources: Sources): Promise<FalEndpointSchema[]> {
  const { options, environment, schemaDir } = sources;
  const unknown = options.remove.filter((id) => !registered.includes(id));
  if (unknown.length > 0) throw new CodegenError(`cannot remove ${unknown.join(', ')}: not generated (see src/models/registry.ts)`);
  const byId = new Map<string, FalEndpointSchema>();
  for (const file of options.schemaFiles) {
    const schema = await readSchemaFile(resolve(environment.cwd, file));
    byId.set(schema.endpointId, schema);
  }
  if (options.all) {
    if (!existsSync(schemaDir)) throw new CodegenError(`--all: schema directory ${schemaDir} not found`);
    for (const schema of await readSchemaDir(schemaDir)) if (!byId.has(schema.endpointId)) byId.set(schema.endpointId, schema);
  }
  const namedIds = options.endpointIds.filter((id) => !byId.has(id));
  for (const schema of await mapConcurrently(namedIds, FETCH_CONCURRENCY, (id) => named(id, sources))) byId.set(schema.endpointId, schema);
  const others = registered.filter((id) => !byId.has(id));
  for (const schema of await mapConcurrently(others, FETCH_CONCURRENCY, (id) => storedOrFetched(id, sources)))
    byId.set(schema.endpointId, schema);
  for (const id of options.remove) byId.delete(id);
  return [...byId.values()].sort((a, b) => (a.endpointId < b.endpointId ? -1 : 1));
}

function printNotes(generated: GeneratedFiles, log: (line: string) => void): void {
  for (const [ids, notes] of [...generated.notes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    log(`note: ${ids}`);
    for (const note of notes) log(`  - ${note}`);
  }
}

async function readCurrent(layout: ProviderFalLayout): Promise<{ registry: string; endpointParams: string }> {
  return { registry: await readFile(layout.registryFile, 'utf8'), endpointParams: await readFile(layout.endpointParamsFile, 'utf8') };
}

/**
 * Runs `pnpm codegen`. Every run regenerates the complete set of endpoints (families may
 * regroup when one is added or removed), then writes the difference (`--check`: reports it).
 * Without arguments it regenerates the endpoints already generated. Returns the exit code.
 */
export async function runCodegen(options: CodegenOptions, environment: CodegenEnvironment): Promise<number> {
  const started = performance.now();
  const { log } = environment;
  const layout = providerFalLayout(environment.packageDir);
  const schemaDir =
    options.schemaDir === undefined ? defaultSchemaDir(environment.repoRoot, environment.env) : resolve(environment.cwd, options.schemaDir);
  const current = await readCurrent(layout);
  const registered = registeredEndpointIds(current.registry);
  const sources: Sources = { options, environment, schemaDir };
  if (options.check && !existsSync(schemaDir)) {
    const ci = environment.env['CI'] === 'true';
    log(`codegen --check ${ci ? 'FAILED' : 'skipped'}: schema directory ${schemaDir} not found (set TARASH_CONTRACTS_DIR)`);
    return ci ? 1 : 0;
  }
  const schemas = await targetSchemas(registered, sources);
  const generated = await generateFiles(schemas, layout, current);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const show = (path: string): string => relative(environment.repoRoot, path);
  if (options.check) {
    const drift = await findDrift(generated.files, layout.generatedDir);
    if (drift.length === 0) {
      log(`codegen --check: ${generated.endpointCount} endpoints in ${generated.moduleCount} modules are up to date (${seconds} s)`);
      return 0;
    }
    log(`codegen --check: ${drift.length} file(s) differ from a fresh generation; run pnpm codegen to regenerate them:`);
    for (const { path, reason } of drift) log(`  ${reason.padEnd(7)} ${show(path)}`);
    return 1;
  }
  printNotes(generated, log);
  const written = await writeGeneratedTree(generated.files, layout.generatedDir);
  for (const { path, reason } of written)
    log(`${reason === 'stale' ? 'removed' : reason === 'missing' ? 'created' : 'updated'} ${show(path)}`);
  log(
    `codegen: ${generated.endpointCount} endpoints in ${generated.moduleCount} modules, ${written.length} file(s) changed (${seconds} s)`,
  );
  return 0;
}
