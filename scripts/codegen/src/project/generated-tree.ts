import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A file whose committed content differs from what the generator produces. */
export interface Drift {
  readonly path: string;
  readonly reason: 'missing' | 'changed' | 'stale';
}

async function readIfExists(path: string): Promise<string | undefined> {
  return existsSync(path) ? readFile(path, 'utf8') : undefined;
}

/** Files in the generated directory that the generator no longer produces. */
async function staleFiles(files: ReadonlyMap<string, string>, generatedDir: string): Promise<string[]> {
  if (!existsSync(generatedDir)) return [];
  const present = (await readdir(generatedDir)).map((name) => join(generatedDir, name));
  return present.filter((path) => !files.has(path)).sort();
}

/**
 * Compares generated content (absolute path → text) with the disk: files missing, changed,
 * or left over in the generated directory.
 */
export async function findDrift(files: ReadonlyMap<string, string>, generatedDir: string): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const current = await readIfExists(path);
    if (current !== content) drift.push({ path, reason: current === undefined ? 'missing' : 'changed' });
  }
  return [...drift, ...(await staleFiles(files, generatedDir)).map((path) => ({ path, reason: 'stale' as const }))];
}

/** Writes what changed and deletes stale generated files; returns what it touched. */
export async function writeGeneratedTree(files: ReadonlyMap<string, string>, generatedDir: string): Promise<Drift[]> {
  const drift = await findDrift(files, generatedDir);
  for (const { path, reason } of drift) {
    if (reason === 'stale') await rm(path);
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files.get(path) ?? '');
    }
  }
  return drift;
}
