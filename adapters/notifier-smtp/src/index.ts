import { ADAPTER_API_VERSION, defineAdapter } from '@dropship/adapter-sdk';
import { SmtpNotifier, type SmtpNotifierOptions } from './smtp-notifier.adapter';

export { SmtpNotifier, senderAddress } from './smtp-notifier.adapter';
export type { SmtpNotifierOptions } from './smtp-notifier.adapter';

/** Sends notifications as mail through an SMTP server. */
export default defineAdapter<SmtpNotifierOptions>({
  name: '@dropship/adapter-notifier-smtp',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['notifier'],
  description: 'Sends notification mail through an SMTP server (nodemailer).',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['url', 'from'],
    properties: {
      url: { type: 'string', pattern: '^smtps?://[^\\s]+$', maxLength: 2048 },
      from: { type: 'string', minLength: 3, maxLength: 320 },
      pool: { type: 'boolean', default: false },
      timeoutMs: { type: 'integer', minimum: 100, maximum: 120_000, default: 10_000 },
    },
  },
  secretOptions: ['url'],
  create: (ctx, options) => {
    const notifier = new SmtpNotifier(options, { adapterId: ctx.id, logger: ctx.logger });
    return { ports: { notifier }, dispose: () => notifier.close() };
  },
});
