import { describeNotifierContract } from '../contracts/notifier.contract';
import { RecordingNotifier } from './recording-notifier';

describeNotifierContract({
  name: 'recording (in-memory)',
  setup: async () => {
    const notifier = new RecordingNotifier();
    return {
      notifier,
      received: async () => notifier.sent.map((m) => ({ to: [m.to.email], subject: m.subject, text: m.text, html: m.html })),
      outage: async () => {
        notifier.setDown(true);
        return async () => notifier.setDown(false);
      },
      teardown: async () => notifier.clear(),
    };
  },
});
