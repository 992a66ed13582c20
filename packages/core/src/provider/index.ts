export type { CallContext, PrepareContext } from './call-context';
export type { CustomProgress, CustomProviderHandler } from './custom-provider-handler';
export type { CancelOutcome, JobState, JobStatusSnapshot, SnapshotListener, StartedJob } from './job-status-snapshot';
export type { PreparedRequest } from './prepared-request';
export type { ProviderJobMethods, ProviderModalityHandler, ProviderPlugin } from './provider-plugin';
export type { ProviderImageResult, ProviderVideoResult } from './provider-result';
export type { ProviderWebhookSupport, WebhookDelivery } from './provider-webhook-support';
