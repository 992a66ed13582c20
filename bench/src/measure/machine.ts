import { cpus, loadavg } from 'node:os';

/** What the figures were measured on. */
export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly nodeVersion: string;
  readonly date: string;
  /** 1-minute load average when the bench started: other work on the machine skews timings. */
  readonly loadAverageAtStart: number;
}

export function describeMachine(): MachineInfo {
  const all = cpus();
  return {
    cores: all.length,
    cpuModel: all[0]?.model.trim() ?? 'unknown',
    nodeVersion: process.version,
    date: new Date().toISOString(),
    loadAverageAtStart: Number((loadavg()[0] ?? 0).toFixed(2)),
  };
}
