// Webhooks for activations: what campaign code calls (enqueueWebhook, activationPayload) and what receivers verify with.
export { enqueueWebhook, type EnqueueInput } from './enqueue.js';
export {
  activationKey,
  activationPayload,
  pingPayload,
  type ActivationWebhookPayload,
  type PingWebhookPayload,
  type WebhookPayload,
} from './payload.js';
export {
  SIGNATURE_HEADER,
  signatureHeader,
  verifySignature,
  type VerifyResult,
} from './signature.js';
export { exponentialBackoff, type Backoff } from './backoff.js';
export {
  startWebhookDelivery,
  defaultWebhookOptions,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from './worker.js';
