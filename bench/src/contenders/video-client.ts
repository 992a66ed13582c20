import type { FakeServerAddress } from '../fake-servers/server-host-protocol';

/** One way of generating a video that a user could pick, connected to a fake server. */
export interface VideoClient {
  /** Generates one video for `prompt`; resolves once the caller has the result in hand. */
  generate(prompt: string): Promise<void>;
}

/** A contender of a scenario: ours or a baseline. */
export interface Contender {
  /** Stable key in latest.json. */
  readonly id: string;
  /** How the table names it. */
  readonly label: string;
  /** Connects a client to a fake server. */
  connect(server: FakeServerAddress): VideoClient;
}
