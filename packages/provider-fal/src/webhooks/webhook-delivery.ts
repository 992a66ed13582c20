import type { WebhookDelivery } from '@tarash/core';

/** A header of a delivery, matched case-insensitively (the first value when repeated). */
export function deliveryHeader(delivery: WebhookDelivery, name: string): string | undefined {
  const { headers } = delivery;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value[0];
  }
  return undefined;
}

/** The raw body as bytes, exactly as signed. */
export function deliveryBytes(delivery: WebhookDelivery): Uint8Array {
  return typeof delivery.body === 'string' ? new TextEncoder().encode(delivery.body) : delivery.body;
}

/** The raw body as text. */
export function deliveryText(delivery: WebhookDelivery): string {
  return typeof delivery.body === 'string' ? delivery.body : new TextDecoder().decode(delivery.body);
}
