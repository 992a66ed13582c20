/** The messages between the bench and the process hosting the fake servers. */

export type FakeProvider = 'fal' | 'replicate';

/** One fake server to start: every job it accepts queues for `queueMs`, then runs. */
export interface FakeServerSpec {
  readonly provider: FakeProvider;
  readonly queueMs: number;
  /** How long each job runs: one duration for all, or one per job in the order they are submitted. */
  readonly runMs: number | readonly number[];
  /** Keep a recording of every request (off for the load scenarios, where only totals matter). */
  readonly recordRequests: boolean;
}

/** A job as the fake server saw it. */
export interface ServedJob {
  readonly prompt: string;
  /** When the server's job completed (ms since the epoch, the server's clock). */
  readonly completedAt: number | undefined;
  /** Requests the server attributed to this job, all phases. */
  readonly requests: number;
}

/** Where a client reaches a fake server, and the key it accepts. */
export interface FakeServerAddress {
  readonly url: string;
  readonly apiKey: string;
}

/** What the host process can be asked to do. */
export interface ServerHostMethods {
  start(spec: FakeServerSpec): FakeServerAddress & { readonly serverId: number };
  jobs(serverId: number): ServedJob[];
  /** Every request the server recorded, including any not attributed to a job. */
  recordedRequests(serverId: number): number;
  close(serverId: number): void;
  /** CPU time (user + system, ms) the host process has used so far. */
  cpuTimeMs(): number;
}

export type ServerHostMethod = keyof ServerHostMethods;

export interface ServerHostRequest<M extends ServerHostMethod = ServerHostMethod> {
  readonly id: number;
  readonly method: M;
  readonly args: Parameters<ServerHostMethods[M]>;
}

export type ServerHostResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };
