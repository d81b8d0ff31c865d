import { defineTemplate, htmlLayout } from './notification-template';

/** To the retailer: the order was accepted and stock reserved. */
export const orderConfirmedTemplate = defineTemplate<{
  recipientName: string;
  orderNumber: string;
  itemCount: number;
  total: string;
  orderUrl: string;
}>({
  name: 'order-confirmed',
  subject: 'Order {{orderNumber}} confirmed',
  text:
    'Hello {{recipientName}},\n\nyour order {{orderNumber}} is confirmed: {{itemCount}} item(s), {{total}}.\n' +
    'We have sent it to the suppliers and will tell you when each part ships.\n\nFollow it here: {{orderUrl}}\n',
  html: htmlLayout(
    '<p>Hello {{recipientName}},</p>\n<p>your order <strong>{{orderNumber}}</strong> is confirmed: {{itemCount}} item(s), {{total}}.</p>\n' +
      '<p>We have sent it to the suppliers and will tell you when each part ships.</p>\n' +
      '<p><a href="{{orderUrl|url}}">Follow your order</a></p>',
  ),
});

/** To the retailer: a supplier shipped its part of the order (one parcel). */
export const supplierOrderShippedTemplate = defineTemplate<{
  recipientName: string;
  orderNumber: string;
  supplierName: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  orderUrl: string;
}>({
  name: 'supplier-order-shipped',
  subject: 'Order {{orderNumber}} shipped: {{carrier}} {{trackingNumber}}',
  text:
    'Hello {{recipientName}},\n\n{{supplierName}} shipped your order {{orderNumber}}.\n\n' +
    'Carrier: {{carrier}}\nTracking number: {{trackingNumber}}\nTrack it: {{trackingUrl}}\n\nOrder: {{orderUrl}}\n',
  html: htmlLayout(
    '<p>Hello {{recipientName}},</p>\n<p>{{supplierName}} shipped your order <strong>{{orderNumber}}</strong>.</p>\n' +
      '<p>Carrier: {{carrier}}<br>Tracking number: <a href="{{trackingUrl|url}}">{{trackingNumber}}</a></p>\n' +
      '<p><a href="{{orderUrl|url}}">See the order</a></p>',
  ),
});

/** To the retailer: one of several parcels of an order shipped (split shipment). */
export const splitShipmentTemplate = defineTemplate<{
  recipientName: string;
  orderNumber: string;
  supplierName: string;
  parcelNumber: number;
  parcelCount: number;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  orderUrl: string;
}>({
  name: 'split-shipment',
  subject: 'Order {{orderNumber}}: parcel {{parcelNumber}} of {{parcelCount}} shipped',
  text:
    'Hello {{recipientName}},\n\nyour order {{orderNumber}} ships in {{parcelCount}} parcels. ' +
    'Parcel {{parcelNumber}} of {{parcelCount}} is on its way from {{supplierName}}.\n\n' +
    'Carrier: {{carrier}}\nTracking number: {{trackingNumber}}\nTrack it: {{trackingUrl}}\n\n' +
    'The other parcels have their own tracking; see them all here: {{orderUrl}}\n',
  html: htmlLayout(
    '<p>Hello {{recipientName}},</p>\n<p>your order <strong>{{orderNumber}}</strong> ships in {{parcelCount}} parcels. ' +
      'Parcel {{parcelNumber}} of {{parcelCount}} is on its way from {{supplierName}}.</p>\n' +
      '<p>Carrier: {{carrier}}<br>Tracking number: <a href="{{trackingUrl|url}}">{{trackingNumber}}</a></p>\n' +
      '<p>The other parcels have their own tracking: <a href="{{orderUrl|url}}">see every shipment</a></p>',
  ),
});

/** To the retailer: a supplier could not fulfil its part; the retailer may cancel it or wait. */
export const supplierOrderFailedTemplate = defineTemplate<{
  recipientName: string;
  orderNumber: string;
  supplierName: string;
  reason: string;
  orderUrl: string;
}>({
  name: 'supplier-order-failed',
  subject: 'Action needed: part of order {{orderNumber}} could not be fulfilled',
  text:
    'Hello {{recipientName}},\n\n{{supplierName}} could not fulfil its part of your order {{orderNumber}}.\n' +
    'Reason: {{reason}}\n\nWhat you can do:\n' +
    '- Cancel that part: its stock reservation is released and it is not charged.\n' +
    '- Wait: if the supplier restocks or resolves the problem, the order continues as before.\n\n' +
    'Choose in the order: {{orderUrl}}\n',
  html: htmlLayout(
    '<p>Hello {{recipientName}},</p>\n<p>{{supplierName}} could not fulfil its part of your order <strong>{{orderNumber}}</strong>.</p>\n' +
      '<p>Reason: {{reason}}</p>\n<p>What you can do:</p>\n<ul>\n' +
      '<li><strong>Cancel</strong> that part: its stock reservation is released and it is not charged.</li>\n' +
      '<li><strong>Wait</strong>: if the supplier restocks or resolves the problem, the order continues as before.</li>\n</ul>\n' +
      '<p><a href="{{orderUrl|url}}">Open the order to choose</a></p>',
  ),
});
