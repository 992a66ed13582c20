import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** What a finished command printed and how long it took from spawn to exit. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
}

/** Runs a command to completion; rejects, with the end of its output, when it exits non-zero. */
export function runCommand(command: string, args: readonly string[], cwd: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - startedAt;
      if (code === 0) resolve({ stdout, stderr, wallMs });
      else reject(new Error(`${command} ${args.join(' ')} exited ${String(code)}: ${`${stdout}\n${stderr}`.trim().slice(-600)}`));
    });
  });
}
