import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { locateContracts } from './contracts-location';

describe('locateContracts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-'));
  mkdirSync(join(dir, 'google'));

  it('finds the folder named by TARASH_CONTRACTS_DIR, with the needed subfolder', () => {
    expect(locateContracts({ subdir: 'google', skipping: 'x', env: { TARASH_CONTRACTS_DIR: dir } })).toBe(dir);
  });

  it('skips with a warning outside CI, and fails on CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(locateContracts({ subdir: 'stability', skipping: 'the Stability checks', env: { TARASH_CONTRACTS_DIR: dir } })).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Skipping the Stability checks'));
    warn.mockRestore();
    expect(() => locateContracts({ subdir: 'stability', skipping: 'the Stability checks', env: { TARASH_CONTRACTS_DIR: dir, CI: 'true' } })).toThrow(
      /CI must run the Stability checks/,
    );
  });
});
