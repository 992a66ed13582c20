import { modulePath } from './typescript-node';

/** The repository root. */
export const REPO_ROOT = modulePath(import.meta.url, '../../../');
/** The bench package, whose node_modules resolves every contender. */
export const BENCH_ROOT = modulePath(import.meta.url, '../../');
