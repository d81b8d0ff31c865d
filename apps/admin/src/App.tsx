import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireRole } from './components/RequireRole';
import { AccountPage } from './pages/account/AccountPage';
import { AuditPage } from './pages/admin/AuditPage';
import { SupplierQueuePage } from './pages/admin/SupplierQueuePage';
import { SupplierReviewPage } from './pages/admin/SupplierReviewPage';
import { UsersPage } from './pages/admin/UsersPage';
import { CatalogPage } from './pages/public/CatalogPage';
import { LandingPage } from './pages/public/LandingPage';
import { LoginPage, RegisterPage } from './pages/public/AuthPages';
import { NotFoundPage } from './pages/public/NotFoundPage';
import { ProductPage } from './pages/public/ProductPage';
import { SupplierDirectoryPage, SupplierProfilePage } from './pages/public/SupplierPages';
import { ApplicationWizard } from './pages/supplier/ApplicationWizard';
import { BulkStockPage } from './pages/supplier/BulkStockPage';
import { ImportPage } from './pages/supplier/ImportPage';
import { ProductEditPage } from './pages/supplier/ProductEditPage';
import { SupplierHome } from './pages/supplier/SupplierHome';
import { SupplierProductsPage } from './pages/supplier/SupplierProductsPage';

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
