import { fork, type ChildProcess } from 'node:child_process';
import { modulePath, SOURCE_NODE_FLAGS } from '../process/typescript-node';
import type { FakeServerAddress, FakeServerSpec, ServedJob, ServerHostMethod, ServerHostMethods, ServerHostRequest, ServerHostResponse } from './server-host-protocol';

/** A fake server running in the host process. */
export interface RemoteFakeServer extends FakeServerAddress {
  /** Every job the server accepted. */
  jobs(): Promise<ServedJob[]>;
  /** Every request it recorded. */
  recordedRequests(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The bench's handle on the fake-server process: starts servers there and reads back what
 * they saw, over IPC.
 */
export class ServerHost {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 1;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (response: ServerHostResponse) => {
      const waiter = this.#pending.get(response.id);
      if (!waiter) return;
      this.#pending.delete(response.id);
      if (response.ok) waiter.resolve(response.value);
      else waiter.reject(new Error(`fake server host: ${response.error}`));
    });
    child.on('exit', (code) => {
      for (const waiter of this.#pending.values()) waiter.reject(new Error(`the fake server host exited (${String(code)})`));
      this.#pending.clear();
    });
  }

  /** Forks the host process and waits until it is ready. */
  static async start(): Promise<ServerHost> {
    const child = fork(modulePath(import.meta.url, './server-host.ts'), [], { execArgv: [...SOURCE_NODE_FLAGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the fake server host exited before it was ready (${String(code)})`)));
    });
    return new ServerHost(child);
  }

  /** Starts one fake server in the host process. */
  async startServer(spec: FakeServerSpec): Promise<RemoteFakeServer> {
    const { serverId, url, apiKey } = await this.#call('start', spec);
    return {
      url,
      apiKey,
      jobs: () => this.#call('jobs', serverId),
      recordedRequests: () => this.#call('recordedRequests', serverId),
      close: () => this.#call('close', serverId),
    };
  }

  /** CPU time (ms) the fake servers' process has used so far. */
  cpuTimeMs(): Promise<number> {
    return this.#call('cpuTimeMs');
  }

  /** Ends the host process (and every server in it). */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.disconnect();
    await exited;
  }

  #call<M extends ServerHostMethod>(method: M, ...args: Parameters<ServerHostMethods[M]>): Promise<ReturnType<ServerHostMethods[M]>> {
    const id = this.#nextId++;
    const request: ServerHostRequest<M> = { id, method, args };
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#child.send(request);
    });
  }
}
