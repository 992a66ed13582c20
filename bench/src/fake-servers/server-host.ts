/**
 * The process that hosts the fake fal and Replicate servers, so the CPU they burn is not
 * counted against the client under test. The bench forks it and drives it over IPC.
 */
import { FAKE_FAL_KEY, startFalServer, type FalFakeServer } from '@tarash/testing/fal';
import { FAKE_REPLICATE_TOKEN, startReplicateServer, type ReplicateFakeServer } from '@tarash/testing/replicate';
import type { FakeServerAddress, FakeServerSpec, ServedJob, ServerHostMethods, ServerHostRequest, ServerHostResponse } from './server-host-protocol';

type HostedServer = { readonly provider: 'fal'; readonly server: FalFakeServer } | { readonly provider: 'replicate'; readonly server: ReplicateFakeServer };

const servers = new Map<number, HostedServer>();
let nextServerId = 1;

function hosted(serverId: number): HostedServer {
  const entry = servers.get(serverId);
  if (!entry) throw new Error(`No fake server ${serverId} is running.`);
  return entry;
}

function promptOf(input: Readonly<Record<string, unknown>>): string {
  return typeof input.prompt === 'string' ? input.prompt : '';
}

function sum(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

async function start(spec: FakeServerSpec): Promise<FakeServerAddress & { serverId: number }> {
  const recording = spec.recordRequests ? { maxRequests: 1_000_000 } : { enabled: false };
  const perJob = typeof spec.runMs === 'number' ? [] : spec.runMs;
  const defaultScript = { queueMs: spec.queueMs, runMs: typeof spec.runMs === 'number' ? spec.runMs : 0 };
  const entry: HostedServer =
    spec.provider === 'fal'
      ? { provider: 'fal', server: await startFalServer({ recording, defaultScript }) }
      : { provider: 'replicate', server: await startReplicateServer({ recording, defaultScript }) };
  for (const runMs of perJob) entry.server.scriptNext({ queueMs: spec.queueMs, runMs });
  const serverId = nextServerId++;
  servers.set(serverId, entry);
  return { serverId, url: entry.server.url, apiKey: entry.provider === 'fal' ? FAKE_FAL_KEY : FAKE_REPLICATE_TOKEN };
}

function jobs(serverId: number): ServedJob[] {
  const entry = hosted(serverId);
  const infos = entry.provider === 'fal' ? entry.server.jobs() : entry.server.predictions();
  return infos.map((info) => ({ prompt: promptOf(info.input), completedAt: info.state.completedAt, requests: sum(info.requestCounts) }));
}

const methods: { [M in keyof ServerHostMethods]: (...args: Parameters<ServerHostMethods[M]>) => ReturnType<ServerHostMethods[M]> | Promise<ReturnType<ServerHostMethods[M]>> } = {
  start,
  jobs,
  recordedRequests: (serverId) => {
    const { server } = hosted(serverId);
    return server.countRequests() + server.droppedRequests;
  },
  close: async (serverId) => {
    await hosted(serverId).server.close();
    servers.delete(serverId);
  },
  cpuTimeMs: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

async function answer(request: ServerHostRequest): Promise<ServerHostResponse> {
  try {
    const method = methods[request.method] as (...args: unknown[]) => unknown;
    return { id: request.id, ok: true, value: await method(...request.args) };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

process.on('message', (request: ServerHostRequest) => {
  void answer(request).then((response) => process.send?.(response));
});
// The bench going away (even by a crash) closes the IPC channel; nothing should outlive it.
process.on('disconnect', () => process.exit(0));
process.send?.({ id: 0, ok: true, value: 'ready' } satisfies ServerHostResponse);
