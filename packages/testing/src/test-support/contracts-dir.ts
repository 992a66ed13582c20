import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The shared contracts folder for tests: `TARASH_CONTRACTS_DIR`, else `<repo>/../shared/contracts`.
 * A user's clone has no shared folder, so contract tests skip (with this message) when it is
 * absent; on CI (`CI=true`) its absence is an error, so the tests cannot silently stop running.
 */
export function sharedContractsDir(): string | undefined {
  const dir = process.env.TARASH_CONTRACTS_DIR ?? resolve(repoRoot, '../shared/contracts');
  if (existsSync(dir)) return dir;
  const message = `The shared contracts folder ${dir} does not exist (set TARASH_CONTRACTS_DIR to point at it).`;
  if (process.env.CI === 'true') throw new Error(`${message} CI must run the contract tests.`);
  console.warn(`${message} Skipping the tests that need it.`);
  return undefined;
}
