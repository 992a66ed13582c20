import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The shared contracts folder: `TARASH_CONTRACTS_DIR`, else `<repo>/../shared/contracts`.
 * A user's clone has none, so contract checks are skipped (with this message) when it is
 * absent; with `CI=true` its absence fails, so CI cannot silently stop checking the contract.
 */
export function contractsDirForTests(): string | undefined {
  const dir = process.env.TARASH_CONTRACTS_DIR ?? resolve(repoRoot, '../shared/contracts');
  if (existsSync(dir)) return dir;
  const message = `The shared contracts folder ${dir} does not exist (set TARASH_CONTRACTS_DIR).`;
  if (process.env.CI === 'true') throw new Error(`${message} CI must run the Stability contract checks.`);
  console.warn(`${message} The fake Stability server runs without contract validation and the contract tests are skipped.`);
  return undefined;
}
