import { defineTemplate, htmlLayout } from './notification-template';

/** To a supplier: a new supplier order waits (portal suppliers act on it; API ones get it too). */
export const supplierNewOrderTemplate = defineTemplate<{
  supplierName: string;
  orderNumber: string;
  itemCount: number;
  orderUrl: string;
}>({
  name: 'supplier-new-order',
  subject: 'New order {{orderNumber}}: {{itemCount}} item(s) to ship',
  text:
    'Hello {{supplierName}},\n\nyou have a new order {{orderNumber}} with {{itemCount}} item(s).\n' +
    'Accept it and add tracking when it ships: {{orderUrl}}\n',
  html: htmlLayout(
    '<p>Hello {{supplierName}},</p>\n<p>you have a new order <strong>{{orderNumber}}</strong> with {{itemCount}} item(s).</p>\n' +
      '<p><a href="{{orderUrl|url}}">Accept it and add tracking when it ships</a></p>',
  ),
});

/** To a new account holder. */
export const accountWelcomeTemplate = defineTemplate<{
  name: string;
  email: string;
  signInUrl: string;
}>({
  name: 'account-welcome',
  subject: 'Welcome to Dropship, {{name}}',
  text: 'Hello {{name}},\n\nyour account {{email}} is ready. Sign in here: {{signInUrl}}\n',
  html: htmlLayout(
    '<p>Hello {{name}},</p>\n<p>your account <strong>{{email}}</strong> is ready.</p>\n<p><a href="{{signInUrl|url}}">Sign in</a></p>',
  ),
});
