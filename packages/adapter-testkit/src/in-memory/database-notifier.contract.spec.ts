import { DatabaseNotifier, systemClock, type NotificationRepository } from '@dropship/core';
import { describeNotifierContract, type ReceivedMessage } from '../contracts/notifier.contract';
import { createInMemoryPersistence } from './in-memory-persistence';

describeNotifierContract({
  name: 'database (over the in-memory notifications table)',
  setup: async () => {
    const persistence = createInMemoryPersistence();
    const received: ReceivedMessage[] = [];
    let down = false;
    const repo: NotificationRepository = {
      ...persistence.repos.notifications,
      record: async (n) => {
        if (down) throw new Error('connection refused (simulated)');
        const inserted = await persistence.repos.notifications.record(n);
        if (inserted) received.push({ to: [n.email], subject: n.subject, text: n.text, ...(n.html !== null ? { html: n.html } : {}) });
        return inserted;
      },
    };
    return {
      notifier: new DatabaseNotifier(() => repo, systemClock),
      received: async () => [...received],
      outage: async () => {
        down = true;
        return async () => {
          down = false;
        };
      },
      teardown: async () => undefined,
    };
  },
});
