/** Severity of a log event. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A structured log event. Secrets are redacted before a logger sees it. */
export interface LogEvent {
  readonly level: LogLevel;
  readonly message: string;
  readonly provider?: string;
  readonly model?: string;
  readonly requestId?: string;
  readonly attempt?: number;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Receives log events; pass one in the options to see what the orchestrator does. */
export type Logger = (event: LogEvent) => void;

/** The default logger: silent. */
export const silentLogger: Logger = () => {};
