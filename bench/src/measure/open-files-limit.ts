import { readFileSync } from 'node:fs';

/** This process's open-file limit (soft/hard) as Linux reports it, or undefined elsewhere. */
export function openFilesLimit(): { readonly soft: string; readonly hard: string } | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('Max open files'));
    const [soft, hard] = line?.replace('Max open files', '').trim().split(/\s+/) ?? [];
    return soft !== undefined && hard !== undefined ? { soft, hard } : undefined;
  } catch {
    return undefined;
  }
}
