export * from './template';
export * from './notification-template';
export * from './notification-id';
export * from './email-address';
export * from './order-templates';
export * from './account-templates';
export * from './render-notification';
import type { NotificationTemplate } from './notification-template';
import { accountWelcomeTemplate, supplierNewOrderTemplate } from './account-templates';
import { orderConfirmedTemplate, splitShipmentTemplate, supplierOrderFailedTemplate, supplierOrderShippedTemplate } from './order-templates';

/** Every built-in template by name (for the site's preview and the database notifier). */
export const NOTIFICATION_TEMPLATES: Readonly<Record<string, NotificationTemplate>> = Object.freeze({
  [orderConfirmedTemplate.name]: orderConfirmedTemplate,
  [supplierOrderShippedTemplate.name]: supplierOrderShippedTemplate,
  [splitShipmentTemplate.name]: splitShipmentTemplate,
  [supplierOrderFailedTemplate.name]: supplierOrderFailedTemplate,
  [supplierNewOrderTemplate.name]: supplierNewOrderTemplate,
  [accountWelcomeTemplate.name]: accountWelcomeTemplate,
});
export * from './database-notifier';
