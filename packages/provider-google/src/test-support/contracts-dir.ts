import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The shared contracts folder (`TARASH_CONTRACTS_DIR`, else `<repo>/../shared/contracts`), or
 * undefined when a clone has none, with a warning so the skipped contract checks are visible.
 * On CI (`CI=true`) a missing folder is an error: the contract checks must not silently stop.
 */
export function googleContractsDir(): string | undefined {
  const dir = process.env.TARASH_CONTRACTS_DIR ?? fileURLToPath(new URL('../../../../../shared/contracts', import.meta.url));
  if (existsSync(`${dir}/google`)) return dir;
  const missing = `No Google contracts under ${dir} (set TARASH_CONTRACTS_DIR to the shared contracts folder).`;
  if (process.env.CI === 'true') throw new Error(`${missing} CI must run the contract checks.`);
  console.warn(`${missing} Skipping the contract checks.`);
  return undefined;
}
