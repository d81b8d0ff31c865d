import { applicationCreateBody, applicationPatchBody, applicationView, reasonBody, supplierPrivate, supplierPublic, supplierStatusQuery } from './schemas/onboarding';
import { apiKeyCreateBody, apiKeyCreated, apiKeyList, loginBody, registerBody, retailer, role, session, staffCreateBody, user } from './schemas/accounts';
import { bulkInventoryBody, bulkInventoryResult, categoryList, importQuery, inventoryBody, job, ownProductQuery, product, productCreateBody, productList, productPatchBody, productSearchQuery } from './schemas/catalog';
import { dateTime, idParams, page, pageSize, uuid } from './schemas/common';
import {
  deadLetterList,
  deadLetterRetried,
  listingImportBody,
  listingImportResult,
  notificationList,
  notificationView,
  orderCreateBody,
  orderCreated,
  orderEventList,
  orderList,
  orderListQuery,
  orderStatusView,
  orderView,
  retailerProductList,
  shipBody,
  shipResult,
  supplierOrderList,
  supplierOrderView,
} from './schemas/orders';
import { op, type Operation, type Schema } from './operation';

const ok = (schema: Schema, description = 'OK') => ({ 200: { description, schema } });
const created = (schema: Schema, description = 'Created') => ({ 201: { description, schema } });
const noContent = { 204: { description: 'Done' } };
const supplierView = { type: 'object', required: ['supplier'], properties: { supplier: supplierPrivate, steps: applicationView.properties.steps } } as const;
const paging = { type: 'object', additionalProperties: false, properties: { page, pageSize } } as const;

export const operations: readonly Operation[] = [
  // Accounts
  op({ id: 'register', method: 'POST', path: '/api/auth/register', summary: 'Create a retailer or supplier account', tag: 'Accounts', auth: 'public', rateLimited: true, body: registerBody, responses: created(session) }),
  op({ id: 'login', method: 'POST', path: '/api/auth/login', summary: 'Sign in with email and password', tag: 'Accounts', auth: 'public', rateLimited: true, body: loginBody, responses: ok(session) }),
  op({ id: 'logout', method: 'POST', path: '/api/auth/logout', summary: 'End the current session', tag: 'Accounts', auth: 'authenticated', responses: noContent }),
  op({
    id: 'me', method: 'GET', path: '/api/me', summary: 'The caller, with its retailer or supplier', tag: 'Accounts', auth: 'authenticated',
    responses: ok({ type: 'object', required: ['user'], properties: { user, retailer, supplier: supplierPrivate } }),
  }),
  op({ id: 'listApiKeys', method: 'GET', path: '/api/api-keys', summary: 'Your API keys (never the secrets)', tag: 'Accounts', auth: 'authenticated', responses: ok(apiKeyList) }),
  op({ id: 'createApiKey', method: 'POST', path: '/api/api-keys', summary: 'Create an API key (shown once)', tag: 'Accounts', auth: 'authenticated', body: apiKeyCreateBody, responses: created(apiKeyCreated) }),
  op({ id: 'revokeApiKey', method: 'DELETE', path: '/api/api-keys/:id', summary: 'Revoke one of your API keys', tag: 'Accounts', auth: 'authenticated', params: idParams, responses: noContent }),

  // Supplier onboarding
  op({ id: 'startApplication', method: 'POST', path: '/api/supplier/application', summary: 'Step 1: business profile (creates the DRAFT application)', tag: 'Onboarding', auth: ['SUPPLIER'], body: applicationCreateBody, responses: created(applicationView) }),
  op({ id: 'getApplication', method: 'GET', path: '/api/supplier/application', summary: 'Your application, its steps and the integrations you can choose', tag: 'Onboarding', auth: ['SUPPLIER'], responses: ok(applicationView) }),
  op({ id: 'updateApplication', method: 'PATCH', path: '/api/supplier/application', summary: 'Save any step: documents, shipping, integration', tag: 'Onboarding', auth: ['SUPPLIER'], body: applicationPatchBody, responses: ok(applicationView) }),
  op({ id: 'submitApplication', method: 'POST', path: '/api/supplier/application/submit', summary: 'Submit a complete application for review', tag: 'Onboarding', auth: ['SUPPLIER'], responses: ok(applicationView) }),

  // Admin
  op({
    id: 'adminListSuppliers', method: 'GET', path: '/api/admin/suppliers', summary: 'Suppliers by status (approval queue: status=PENDING)', tag: 'Admin', auth: ['ADMIN', 'SUPPORT'],
    query: { type: 'object', additionalProperties: false, properties: { status: supplierStatusQuery, q: { type: 'string', maxLength: 200 }, page, pageSize } },
    responses: ok({ type: 'object', required: ['suppliers', 'total'], properties: { suppliers: { type: 'array', items: supplierPrivate }, total: { type: 'integer' } } }),
  }),
  op({ id: 'adminGetSupplier', method: 'GET', path: '/api/admin/suppliers/:id', summary: 'One supplier with its application steps', tag: 'Admin', auth: ['ADMIN', 'SUPPORT'], params: idParams, responses: ok(supplierView) }),
  op({ id: 'approveSupplier', method: 'POST', path: '/api/admin/suppliers/:id/approve', summary: 'Approve a PENDING application', tag: 'Admin', auth: ['ADMIN'], params: idParams, responses: ok(supplierView) }),
  op({ id: 'rejectSupplier', method: 'POST', path: '/api/admin/suppliers/:id/reject', summary: 'Reject a PENDING application with a reason', tag: 'Admin', auth: ['ADMIN'], params: idParams, body: reasonBody, responses: ok(supplierView) }),
  op({ id: 'suspendSupplier', method: 'POST', path: '/api/admin/suppliers/:id/suspend', summary: 'Suspend an ACTIVE supplier (its products leave the catalog)', tag: 'Admin', auth: ['ADMIN'], params: idParams, body: reasonBody, responses: ok(supplierView) }),
  op({ id: 'reinstateSupplier', method: 'POST', path: '/api/admin/suppliers/:id/reinstate', summary: 'Reinstate a SUSPENDED supplier', tag: 'Admin', auth: ['ADMIN'], params: idParams, responses: ok(supplierView) }),
  op({
    id: 'adminListUsers', method: 'GET', path: '/api/admin/users', summary: 'Users by role', tag: 'Admin', auth: ['ADMIN'],
    query: { type: 'object', additionalProperties: false, properties: { role, page, pageSize } },
    responses: ok({ type: 'object', required: ['users', 'total'], properties: { users: { type: 'array', items: user }, total: { type: 'integer' } } }),
  }),
  op({
    id: 'adminCreateUser', method: 'POST', path: '/api/admin/users', summary: 'Invite an admin or support agent (temporary password shown once)', tag: 'Admin', auth: ['ADMIN'], body: staffCreateBody,
    responses: created({ type: 'object', required: ['user'], properties: { user, temporaryPassword: { type: 'string' } } }),
  }),
  op({
    id: 'adminAudit', method: 'GET', path: '/api/admin/audit', summary: 'Audit log of admin actions', tag: 'Admin', auth: ['ADMIN', 'SUPPORT'],
    query: { type: 'object', additionalProperties: false, properties: { targetType: { type: 'string', maxLength: 40 }, targetId: { type: 'string', maxLength: 64 }, actorUserId: uuid, page, pageSize } },
    responses: ok({
      type: 'object', required: ['entries', 'total'],
      properties: {
        entries: { type: 'array', items: { type: 'object', properties: { id: uuid, actorUserId: { type: ['string', 'null'] }, actorRole: { type: ['string', 'null'] }, action: { type: 'string' }, targetType: { type: 'string' }, targetId: { type: ['string', 'null'] }, details: { type: 'object' }, requestId: { type: ['string', 'null'] }, at: dateTime } } },
        total: { type: 'integer' },
      },
    }),
  }),

  // Public catalog
  op({
    id: 'listSuppliers', method: 'GET', path: '/api/suppliers', summary: 'Active suppliers (the directory)', tag: 'Catalog', auth: 'public',
    query: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 200 }, category: { type: 'string', maxLength: 80 }, businessType: { type: 'string', enum: ['MANUFACTURER', 'DISTRIBUTOR', 'WHOLESALER'] }, page, pageSize } },
    responses: ok({ type: 'object', required: ['suppliers', 'total'], properties: { suppliers: { type: 'array', items: supplierPublic }, total: { type: 'integer' } } }),
  }),
  op({
    id: 'getSupplier', method: 'GET', path: '/api/suppliers/:idOrSlug', summary: 'One active supplier by id or slug', tag: 'Catalog', auth: 'public',
    params: { type: 'object', required: ['idOrSlug'], properties: { idOrSlug: { type: 'string', minLength: 1, maxLength: 80 } } },
    responses: ok({ type: 'object', required: ['supplier'], properties: { supplier: supplierPublic } }),
  }),
  op({ id: 'listSupplierProducts', method: 'GET', path: '/api/suppliers/:id/products', summary: "An active supplier's products", tag: 'Catalog', auth: 'public', params: idParams, query: paging, responses: ok(productList) }),
  op({ id: 'searchProducts', method: 'GET', path: '/api/products', summary: 'Search the catalog (text, category, price range, supplier, in stock)', tag: 'Catalog', auth: 'public', query: productSearchQuery, responses: ok(productList) }),
  op({ id: 'getProduct', method: 'GET', path: '/api/products/:id', summary: 'One catalog product', tag: 'Catalog', auth: 'public', params: idParams, responses: ok({ type: 'object', required: ['product'], properties: { product } }) }),
  op({ id: 'listCategories', method: 'GET', path: '/api/categories', summary: 'Categories with product counts', tag: 'Catalog', auth: 'public', responses: ok(categoryList) }),

  // Supplier catalog
  op({ id: 'listOwnProducts', method: 'GET', path: '/api/supplier/products', summary: 'Your catalog with real stock', tag: 'Supplier catalog', auth: ['SUPPLIER'], query: ownProductQuery, responses: ok(productList) }),
  op({ id: 'createProduct', method: 'POST', path: '/api/supplier/products', summary: 'Add a product (inventoryQuantity is the starting stock)', tag: 'Supplier catalog', auth: ['SUPPLIER'], body: productCreateBody, responses: created({ type: 'object', required: ['product'], properties: { product } }) }),
  op({ id: 'getOwnProduct', method: 'GET', path: '/api/supplier/products/:id', summary: 'One of your products', tag: 'Supplier catalog', auth: ['SUPPLIER'], params: idParams, responses: ok({ type: 'object', required: ['product'], properties: { product } }) }),
  op({ id: 'updateProduct', method: 'PATCH', path: '/api/supplier/products/:id', summary: 'Change a product', tag: 'Supplier catalog', auth: ['SUPPLIER'], params: idParams, body: productPatchBody, responses: ok({ type: 'object', required: ['product'], properties: { product } }) }),
  op({
    id: 'setInventory', method: 'PUT', path: '/api/supplier/products/:id/inventory', summary: 'Set on-hand stock of one product', tag: 'Supplier catalog', auth: ['SUPPLIER'], params: idParams, body: inventoryBody,
    responses: ok({ type: 'object', required: ['product', 'message'], properties: { product, message: { type: 'string', const: 'Updated' } } }),
  }),
  op({ id: 'bulkInventory', method: 'PUT', path: '/api/supplier/inventory', summary: 'Set stock of many products by SKU', tag: 'Supplier catalog', auth: ['SUPPLIER'], body: bulkInventoryBody, responses: ok(bulkInventoryResult) }),
  op({
    id: 'importProducts', method: 'POST', path: '/api/supplier/products/import', summary: 'Import a CSV or XLSX catalog (raw body or multipart "file"); returns a job', tag: 'Supplier catalog', auth: ['SUPPLIER'],
    query: importQuery, upload: true,
    responses: { 202: { description: 'Accepted; poll GET /api/jobs/:id', schema: { type: 'object', required: ['job'], properties: { job } } } },
  }),

  // Retailer listings and orders
  op({ id: 'importListings', method: 'POST', path: '/api/products/import', summary: 'List catalog products in your shop at wholesale + markup (rounded up to .99)', tag: 'Retailer', auth: ['RETAILER'], body: listingImportBody, responses: ok(listingImportResult) }),
  op({ id: 'listRetailerProducts', method: 'GET', path: '/api/retailer/products', summary: 'Your listings with retail price, markup and sync status', tag: 'Retailer', auth: ['RETAILER'], query: paging, responses: ok(retailerProductList) }),
  op({
    id: 'placeOrder', method: 'POST', path: '/api/orders', summary: 'Place an order (reserves stock for every line or none; split per supplier)', tag: 'Orders', auth: ['RETAILER'], idempotent: true, body: orderCreateBody,
    responses: created(orderCreated, 'Created; invoiceUrl points at the order invoice (served once payments exist)'),
  }),
  op({ id: 'listOrders', method: 'GET', path: '/api/orders', summary: 'Your orders (staff: every order), newest first', tag: 'Orders', auth: ['RETAILER', 'ADMIN', 'SUPPORT'], query: orderListQuery, responses: ok(orderList) }),
  op({ id: 'getOrder', method: 'GET', path: '/api/orders/:id', summary: 'One order with a supplierOrders[] entry per supplier (a supplier sees only its part)', tag: 'Orders', auth: ['RETAILER', 'ADMIN', 'SUPPORT', 'SUPPLIER'], params: idParams, responses: ok(orderView) }),
  op({ id: 'cancelOrder', method: 'POST', path: '/api/orders/:id/cancel', summary: 'Cancel your order while nothing has shipped (stock is released once)', tag: 'Orders', auth: ['RETAILER'], params: idParams, responses: ok(orderView) }),
  op({ id: 'listSupplierOrders', method: 'GET', path: '/api/supplier/orders', summary: 'Your parts of orders (your lines only, no retail prices)', tag: 'Supplier orders', auth: ['SUPPLIER'], query: orderListQuery, responses: ok(supplierOrderList) }),
  op({ id: 'getOrderStatus', method: 'GET', path: '/api/orders/:id/status', summary: 'Order status and tracking, one shipment per shipped supplier order', tag: 'Orders', auth: ['RETAILER', 'ADMIN', 'SUPPORT', 'SUPPLIER'], params: idParams, responses: ok(orderStatusView) }),
  op({ id: 'listOrderEvents', method: 'GET', path: '/api/orders/:id/events', summary: 'The order history: every transition and every supplier call', tag: 'Orders', auth: ['RETAILER', 'ADMIN', 'SUPPORT'], params: idParams, responses: ok(orderEventList) }),
  op({ id: 'acceptSupplierOrder', method: 'POST', path: '/api/supplier/orders/:id/accept', summary: 'Accept your supplier order (PENDING → CONFIRMED, CONFIRMED → PROCESSING)', tag: 'Supplier orders', auth: ['SUPPLIER'], params: idParams, responses: ok(supplierOrderView) }),
  op({
    id: 'shipSupplierOrder', method: 'POST', path: '/api/supplier/orders/:id/ship', summary: 'Ship your supplier order with tracking (carrier detected from the number when omitted)', tag: 'Supplier orders', auth: ['SUPPLIER'], params: idParams, body: shipBody,
    responses: ok(shipResult),
  }),
  op({ id: 'deliverSupplierOrder', method: 'POST', path: '/api/supplier/orders/:id/deliver', summary: 'Mark your shipped supplier order delivered', tag: 'Supplier orders', auth: ['SUPPLIER'], params: idParams, responses: ok(supplierOrderView) }),
  op({ id: 'adminListDeadLetters', method: 'GET', path: '/api/admin/dead-letters', summary: 'Messages that exhausted their attempts, newest first', tag: 'Admin', auth: ['ADMIN'], query: paging, responses: ok(deadLetterList) }),
  op({ id: 'adminRetryDeadLetter', method: 'POST', path: '/api/admin/dead-letters/:id/retry', summary: 'Republish a dead letter through the outbox (audited)', tag: 'Admin', auth: ['ADMIN'], params: idParams, responses: ok(deadLetterRetried) }),
  op({ id: 'listNotifications', method: 'GET', path: '/api/notifications', summary: 'Your messages (order confirmations, shipments, failures), newest first', tag: 'Notifications', auth: 'authenticated', query: paging, responses: ok(notificationList) }),
  op({ id: 'markNotificationRead', method: 'POST', path: '/api/notifications/:id/read', summary: 'Mark one of your messages read', tag: 'Notifications', auth: 'authenticated', params: idParams, responses: ok(notificationView) }),
  op({ id: 'getJob', method: 'GET', path: '/api/jobs/:id', summary: 'A background job with progress and per-row errors', tag: 'Jobs', auth: 'authenticated', params: idParams, responses: ok({ type: 'object', required: ['job'], properties: { job } }) }),
];
