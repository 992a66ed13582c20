import { describe, expect, it } from 'vitest';
import { JobScriptQueue } from './job-script-queue';
import { resolveJobScript } from './job-script';
import { ScriptedJob } from './scripted-job';

const T0 = 1_000_000;

function job(script: Parameters<typeof resolveJobScript>[0]): ScriptedJob {
  return new ScriptedJob('job-1', resolveJobScript(script), T0);
}

describe('ScriptedJob', () => {
  it('derives phase, queue position, logs and progress from the time since submit', () => {
    const scripted = job({ queueMs: 300, queuePosition: 2, runMs: 400, logs: ['load', { message: 'warn', level: 'WARNING' }], progressSteps: 1 });
    expect(scripted.snapshot(T0)).toMatchObject({ phase: 'queued', queuePosition: 2, logs: [], startedAt: undefined });
    expect(scripted.snapshot(T0 + 100).queuePosition).toBe(1);
    expect(scripted.snapshot(T0 + 250).queuePosition).toBe(0);
    const started = scripted.snapshot(T0 + 300);
    expect(started).toMatchObject({ phase: 'running', queuePosition: 0, progress: 0, startedAt: T0 + 300 });
    expect(started.logs).toEqual([{ message: 'load', level: 'INFO', at: T0 + 300 }]);
    const mid = scripted.snapshot(T0 + 550);
    // Script logs come before a progress line printed at the same instant.
    expect(mid.logs.map((log) => log.message)).toEqual(['load', 'warn', 'Progress: 50%']);
    expect(mid.progress).toBe(0.5);
    const done = scripted.snapshot(T0 + 700);
    expect(done).toMatchObject({ phase: 'completed', progress: 1, completedAt: T0 + 700, result: { kind: 'success' } });
  });

  it('tells the next instant its state changes', () => {
    const scripted = job({ queueMs: 300, queuePosition: 2, runMs: 400, logs: ['a', 'b'] });
    expect(scripted.nextChangeAt(T0)).toBe(T0 + 100);
    expect(scripted.nextChangeAt(T0 + 250)).toBe(T0 + 300);
    expect(scripted.nextChangeAt(T0 + 300)).toBe(T0 + 500);
    expect(scripted.nextChangeAt(T0 + 500)).toBe(T0 + 700);
    expect(scripted.nextChangeAt(T0 + 700)).toBeUndefined();
  });

  it('cancels a queued job (it never starts) and a running one (its later logs never print)', () => {
    const queued = job({ queueMs: 1000, runMs: 1000 });
    expect(queued.cancel(T0 + 10)).toBe('cancelled');
    expect(queued.snapshot(T0 + 20)).toMatchObject({ phase: 'completed', startedAt: undefined, completedAt: T0 + 10, result: { kind: 'cancelled', while: 'queued' } });
    const running = job({ queueMs: 0, runMs: 1000, logs: ['a', 'b'] });
    expect(running.cancel(T0 + 100)).toBe('cancelled');
    const snapshot = running.snapshot(T0 + 900);
    expect(snapshot.result).toEqual({ kind: 'cancelled', while: 'running' });
    expect(snapshot.logs.map((log) => log.message)).toEqual(['a']);
    expect(running.cancel(T0 + 950)).toBe('already-completed');
  });

  it('ends with the scripted failure or moderation', () => {
    const failing = job({ outcome: { error: 'boom', errorType: 'runner_server_error', httpStatus: 500 } });
    expect(failing.snapshot(T0).result).toEqual({ kind: 'failure', failure: { error: 'boom', errorType: 'runner_server_error', httpStatus: 500 } });
    expect(job({ outcome: 'moderation' }).snapshot(T0).result).toEqual({ kind: 'moderation' });
  });
});

describe('job scripts', () => {
  it('rejects bad fields with the field, the value and what is allowed', () => {
    expect(() => resolveJobScript({ queueMs: -1 })).toThrow('job script queueMs must be a finite number >= 0; got -1.');
    expect(() => resolveJobScript({ queuePosition: 1.5 })).toThrow('job script queuePosition must be an integer >= 0; got 1.5.');
    expect(() => resolveJobScript({ outcome: { error: 'x', httpStatus: 200 } })).toThrow(
      'job script outcome.httpStatus must be an HTTP error status from 400 to 599; got 200.',
    );
    expect(() => resolveJobScript({ outcome: 'exploded' as never })).toThrow(/outcome must be "success", "moderation" or \{ error: string/);
  });

  it('uses queued scripts first, layered over the default, then the default', () => {
    const queue = new JobScriptQueue({ runMs: 50, billableUnits: 2 });
    queue.next({ queueMs: 10 }, 2);
    queue.next({ outcome: 'moderation' });
    expect(queue.pending).toBe(3);
    expect(queue.take()).toMatchObject({ queueMs: 10, runMs: 50, billableUnits: 2 });
    expect(queue.take().queueMs).toBe(10);
    expect(queue.take()).toMatchObject({ queueMs: 0, runMs: 50, outcome: 'moderation' });
    expect(queue.take()).toMatchObject({ queueMs: 0, runMs: 50, outcome: 'success' });
    queue.setDefault({ runMs: 5 });
    expect(queue.take().runMs).toBe(5);
    expect(() => queue.next({}, 0)).toThrow('times must be a positive integer; got 0.');
  });
});
