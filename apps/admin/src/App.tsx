import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireRole } from './components/RequireRole';
import { CatalogPage } from './pages/public/CatalogPage';
import { LandingPage } from './pages/public/LandingPage';
import { LoginPage, RegisterPage } from './pages/public/AuthPages';
import { NotFoundPage } from './pages/public/NotFoundPage';
import { ProductPage } from './pages/public/ProductPage';
import { SupplierDirectoryPage, SupplierProfilePage } from './pages/public/SupplierPages';

// The signed-in areas load on demand, so the public pages download only what they use.
const AccountPage = lazy(() => import('./pages/account/AccountPage').then((m) => ({ default: m.AccountPage })));
const AuditPage = lazy(() => import('./pages/admin/AuditPage').then((m) => ({ default: m.AuditPage })));
const SupplierQueuePage = lazy(() => import('./pages/admin/SupplierQueuePage').then((m) => ({ default: m.SupplierQueuePage })));
const SupplierReviewPage = lazy(() => import('./pages/admin/SupplierReviewPage').then((m) => ({ default: m.SupplierReviewPage })));
const UsersPage = lazy(() => import('./pages/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const ApplicationWizard = lazy(() => import('./pages/supplier/ApplicationWizard').then((m) => ({ default: m.ApplicationWizard })));
const BulkStockPage = lazy(() => import('./pages/supplier/BulkStockPage').then((m) => ({ default: m.BulkStockPage })));
const ImportPage = lazy(() => import('./pages/supplier/ImportPage').then((m) => ({ default: m.ImportPage })));
const ProductEditPage = lazy(() => import('./pages/supplier/ProductEditPage').then((m) => ({ default: m.ProductEditPage })));
const SupplierHome = lazy(() => import('./pages/supplier/SupplierHome').then((m) => ({ default: m.SupplierHome })));
const SupplierProductsPage = lazy(() => import('./pages/supplier/SupplierProductsPage').then((m) => ({ default: m.SupplierProductsPage })));

const STAFF = ['ADMIN', 'SUPPORT'] as const;

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<LandingPage />} />
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="products/:id" element={<ProductPage />} />
        <Route path="suppliers" element={<SupplierDirectoryPage />} />
        <Route path="suppliers/:slug" element={<SupplierProfilePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="account" element={<RequireRole roles={['ADMIN', 'SUPPORT', 'SUPPLIER', 'RETAILER']}><AccountPage /></RequireRole>} />

        <Route path="admin" element={<Navigate to="/admin/suppliers" replace />} />
        <Route path="admin/suppliers" element={<RequireRole roles={STAFF}><SupplierQueuePage /></RequireRole>} />
        <Route path="admin/suppliers/:id" element={<RequireRole roles={STAFF}><SupplierReviewPage /></RequireRole>} />
        <Route path="admin/audit" element={<RequireRole roles={STAFF}><AuditPage /></RequireRole>} />
        <Route path="admin/users" element={<RequireRole roles={['ADMIN']}><UsersPage /></RequireRole>} />

        <Route path="supplier" element={<RequireRole roles={['SUPPLIER']}><SupplierHome /></RequireRole>} />
        <Route path="supplier/application" element={<RequireRole roles={['SUPPLIER']}><ApplicationWizard /></RequireRole>} />
        <Route path="supplier/products" element={<RequireRole roles={['SUPPLIER']}><SupplierProductsPage /></RequireRole>} />
        <Route path="supplier/products/new" element={<RequireRole roles={['SUPPLIER']}><ProductEditPage /></RequireRole>} />
        <Route path="supplier/products/:id" element={<RequireRole roles={['SUPPLIER']}><ProductEditPage /></RequireRole>} />
        <Route path="supplier/import" element={<RequireRole roles={['SUPPLIER']}><ImportPage /></RequireRole>} />
        <Route path="supplier/inventory" element={<RequireRole roles={['SUPPLIER']}><BulkStockPage /></RequireRole>} />

        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
