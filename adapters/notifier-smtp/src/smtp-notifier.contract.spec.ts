import { describeNotifierContract } from '@dropship/adapter-testkit';
import { SmtpNotifier } from './smtp-notifier.adapter';
import { SmtpTestServer } from './testing/smtp-test-server';

for (const pool of [false, true]) {
  describeNotifierContract({
    name: `notifier-smtp (${pool ? 'pooled' : 'one connection per message'})`,
    timeScale: 2,
    setup: async () => {
      const server = await new SmtpTestServer().start();
      const notifier = new SmtpNotifier({ url: server.url, from: 'Dropship <no-reply@example.com>', pool, timeoutMs: 2_000 }, { adapterId: 'mail' });
      return {
        notifier,
        received: async () => server.messages.map((m) => ({ to: m.rcptTo, subject: m.subject, text: m.text, html: m.html })),
        outage: () => server.outage(),
        teardown: async () => {
          await notifier.close();
          await server.stop();
        },
      };
    },
  });
}
