import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This monorepo's layout: the contracts folder sits beside the repository. */
const MONOREPO_CONTRACTS = resolve(fileURLToPath(new URL('../../../../', import.meta.url)), '../shared/contracts');

/** Options of {@link locateContracts}. */
export interface LocateContractsOptions {
  /** Subfolder that must exist, e.g. `google` or `fal/openapi`. */
  readonly subdir?: string;
  /** What is skipped without the contracts, for the warning (e.g. "the Stability contract checks"). */
  readonly skipping: string;
  /** Environment to read `TARASH_CONTRACTS_DIR` and `CI` from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The providers' contracts folder for tests: `TARASH_CONTRACTS_DIR`, else (in this monorepo)
 * `<repo>/../shared/contracts`. A user's clone has no such folder, so the tests that need it
 * skip: this returns undefined and warns, naming what is skipped. With `CI=true` a missing
 * folder throws instead, so CI can never silently stop checking the contracts.
 */
export function locateContracts(options: LocateContractsOptions): string | undefined {
  const env = options.env ?? process.env;
  const dir = env.TARASH_CONTRACTS_DIR ?? MONOREPO_CONTRACTS;
  const needed = options.subdir ? join(dir, options.subdir) : dir;
  if (existsSync(needed)) return dir;
  const missing = `The contracts folder ${needed} does not exist (set TARASH_CONTRACTS_DIR to the shared contracts folder).`;
  if (env.CI === 'true') throw new Error(`${missing} CI must run ${options.skipping}.`);
  console.warn(`${missing} Skipping ${options.skipping}.`);
  return undefined;
}
