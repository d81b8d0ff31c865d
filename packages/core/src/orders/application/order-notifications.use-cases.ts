import { isAdapterError, PermanentFailure } from '../../shared/adapter-error';
import { formatMoney } from '../../shared/money';
import type { Notification, Notifier } from '../../ports/notifier.port';
import type { Repositories } from '../../ports/repositories.port';
import { notificationSource } from '../../notifications/notification-id';
import { renderNotification } from '../../notifications/render-notification';
import { orderConfirmedTemplate, splitShipmentTemplate, supplierOrderFailedTemplate, supplierOrderShippedTemplate } from '../../notifications/order-templates';
import { formatOrderNumber } from '../order.entity';
import { SUPPLIER_ORDER_CONFIRMED_TOPIC, SUPPLIER_ORDER_FAILED_TOPIC, SUPPLIER_ORDER_SHIPPED_TOPIC } from './dispatch.use-cases';

/** The notifications consumer's queue. */
export const NOTIFICATIONS_QUEUE = 'worker.notifications';
/** The topics it is bound to (every one of them is published by `moveSupplierOrder`). */
export const NOTIFICATION_TOPICS = [SUPPLIER_ORDER_CONFIRMED_TOPIC, SUPPLIER_ORDER_SHIPPED_TOPIC, SUPPLIER_ORDER_FAILED_TOPIC] as const;

export interface OrderNotificationsDeps {
  readonly repos: Repositories;
  readonly notifier: Notifier;
  /** Base URL of the site, for the links in the messages (`<siteUrl>/orders/<id>`). */
  readonly siteUrl: string;
}

/** An event as the bus delivers it. */
export interface OrderNotificationEvent {
  readonly id: string;
  readonly topic: string;
  readonly payload: unknown;
}

const isHttpUrl = (u: string | null | undefined): u is string => typeof u === 'string' && /^https?:\/\//i.test(u);

/**
 * Tells the retailer (its owner user) that a supplier order was confirmed, shipped (one message per
 * shipment; the split-shipment template when the order has several supplier orders) or failed.
 * Idempotent: the id is derived from `notificationSource(event id, template)`, and every Notifier
 * delivers an id once (the database notifier by its primary key, across processes).
 */
export class OrderNotifications {
  constructor(private readonly d: OrderNotificationsDeps) {}

  /** Renders and sends the event's message; returns it (null when there is nobody to tell). */
  async handle(event: OrderNotificationEvent): Promise<Notification | null> {
    const payload = (event.payload ?? {}) as { orderId?: unknown; supplierOrderId?: unknown };
    if (typeof payload.orderId !== 'string' || typeof payload.supplierOrderId !== 'string') throw new PermanentFailure(`message ${event.id} has no orderId/supplierOrderId`);
    const { repos } = this.d;
    const order = await repos.orders.findById(payload.orderId);
    const part = order?.supplierOrders.find((p) => p.id === payload.supplierOrderId);
    if (!order || !part) throw new PermanentFailure(`supplier order ${payload.supplierOrderId} of order ${payload.orderId} does not exist`);
    const retailer = await repos.retailers.findById(order.retailerId);
    const user = retailer ? await repos.users.findById(retailer.ownerUserId) : null;
    if (!user) return null;
    const supplier = await repos.suppliers.findById(part.supplierId);
    const to = { email: user.email, name: user.name, userId: user.id };
    const base = { recipientName: user.name, orderNumber: formatOrderNumber(order.number), orderUrl: `${this.d.siteUrl.replace(/\/+$/, '')}/orders/${order.id}` };
    const supplierName = supplier?.companyName ?? 'The supplier';
    const source = (template: string) => ({ idempotencySource: notificationSource(event.id, template) });

    let message: Notification;
    switch (event.topic) {
      case SUPPLIER_ORDER_CONFIRMED_TOPIC: {
        const itemCount = order.supplierOrders.flatMap((p) => p.items).reduce((n, i) => n + i.quantity, 0);
        message = renderNotification(orderConfirmedTemplate, { ...base, itemCount, total: formatMoney(order.total) }, to, source(orderConfirmedTemplate.name));
        break;
      }
      case SUPPLIER_ORDER_SHIPPED_TOPIC: {
        const shipment = (await repos.dispatch.shipmentsOf(order.id)).find((s) => s.supplierOrderId === part.id);
        if (!shipment) throw new PermanentFailure(`supplier order ${part.id} has no shipment`);
        const shipped = { ...base, supplierName, carrier: shipment.carrier ?? 'Carrier', trackingNumber: shipment.trackingNumber, trackingUrl: isHttpUrl(shipment.trackingUrl) ? shipment.trackingUrl : base.orderUrl };
        const parcelCount = order.supplierOrders.length;
        message =
          parcelCount > 1
            ? renderNotification(splitShipmentTemplate, { ...shipped, parcelCount, parcelNumber: order.supplierOrders.findIndex((p) => p.id === part.id) + 1 }, to, source(splitShipmentTemplate.name))
            : renderNotification(supplierOrderShippedTemplate, shipped, to, source(supplierOrderShippedTemplate.name));
        break;
      }
      case SUPPLIER_ORDER_FAILED_TOPIC:
        message = renderNotification(supplierOrderFailedTemplate, { ...base, supplierName, reason: part.failureReason ?? 'not given' }, to, source(supplierOrderFailedTemplate.name));
        break;
      default:
        return null;
    }
    try {
      await this.d.notifier.send(message);
    } catch (e) {
      if (isAdapterError(e) && !e.retryable) throw new PermanentFailure(`notification ${message.id} refused: ${e.message}`);
      throw e;
    }
    return message;
  }
}
