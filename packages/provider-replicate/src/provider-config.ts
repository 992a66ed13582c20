import { ValidationError } from '@tarash/core';

/** Webhook events Replicate can send (wire.md §2.6). */
export const REPLICATE_WEBHOOK_EVENTS = ['start', 'output', 'logs', 'completed'] as const;

/** A webhook event. */
export type ReplicateWebhookEvent = (typeof REPLICATE_WEBHOOK_EVENTS)[number];

/** Replicate settings a config can carry in `providerConfig`. */
export interface ReplicateProviderConfig {
  /** Seconds a create may hold the connection for the result (1..60), or `false` to never wait. */
  readonly preferWait?: number | false;
  /** Which webhook events to receive with `webhookUrl` (Replicate's default: output and completed). */
  readonly webhookEventsFilter?: readonly ReplicateWebhookEvent[];
  /** Replicate cancels the prediction this long after creation (`Cancel-After`: `30s`, `5m`, `1h30m`; at least 5 s). */
  readonly cancelAfter?: string;
  /** Run on this deployment (`owner/name`); the config's `model` still chooses the input mapping. */
  readonly deployment?: string;
}

const OWNER_NAME = /^[\w.-]+\/[\w.-]+$/;
const CANCEL_AFTER = /^(?=\d)(\d+h)?(\d+m)?(\d+s?)?$/;

function invalid(provider: string, model: string, field: string, value: unknown, message: string, allowed?: readonly unknown[]): never {
  throw new ValidationError({ provider, model, issues: [{ field: `providerConfig.${field}`, value, message, ...(allowed ? { allowed } : {}) }] });
}

/** Reads and checks `providerConfig`; a bad value is a `ValidationError` naming the field. */
export function readProviderConfig(config: Readonly<Record<string, unknown>>, provider: string, model: string): ReplicateProviderConfig {
  const { preferWait, webhookEventsFilter, cancelAfter, deployment } = config;
  if (preferWait !== undefined && preferWait !== false && !(typeof preferWait === 'number' && Number.isInteger(preferWait) && preferWait >= 1 && preferWait <= 60)) {
    invalid(provider, model, 'preferWait', preferWait, 'must be whole seconds from 1 to 60, or false');
  }
  if (webhookEventsFilter !== undefined) {
    const events = REPLICATE_WEBHOOK_EVENTS as readonly unknown[];
    if (!Array.isArray(webhookEventsFilter) || webhookEventsFilter.some((event) => !events.includes(event))) {
      invalid(provider, model, 'webhookEventsFilter', webhookEventsFilter, 'must list webhook events', REPLICATE_WEBHOOK_EVENTS);
    }
  }
  if (cancelAfter !== undefined && !(typeof cancelAfter === 'string' && CANCEL_AFTER.test(cancelAfter))) {
    invalid(provider, model, 'cancelAfter', cancelAfter, 'must be a duration such as "30s", "5m" or "1h30m"');
  }
  if (deployment !== undefined && !(typeof deployment === 'string' && OWNER_NAME.test(deployment))) {
    invalid(provider, model, 'deployment', deployment, 'must name a deployment as "owner/name"');
  }
  return config as ReplicateProviderConfig;
}
