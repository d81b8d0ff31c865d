import { Link, Navigate } from 'react-router-dom';
import { useAuth } from '../../auth';
import { Page } from '../../components/Layout';
import { StatusBadge, useTitle } from '../../components/ui';

/** A supplier lands here: the application until approved, then the catalog tools. */
export function SupplierHome() {
  useTitle('Supplier');
  const { me } = useAuth();
  const s = me?.supplier;
  if (!s || s.status === 'DRAFT' || s.status === 'REJECTED') return <Navigate to="/supplier/application" replace />;
  return (
    <Page title={s.companyName} actions={<StatusBadge status={s.status} />}>
      {s.status === 'PENDING' && <p>Your application is being reviewed. You can prepare your catalog meanwhile; it is listed once you are approved.</p>}
      <ul className="steps-grid">
        <li className="card">
          <h2>
            <Link to="/supplier/products">My products</Link>
          </h2>
          <p>Your catalog with real stock: add and edit products, set stock.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/supplier/import">Import a file</Link>
          </h2>
          <p>Upload a CSV or Excel catalog and follow its progress row by row.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/supplier/inventory">Update stock</Link>
          </h2>
          <p>Paste SKUs and quantities to update many products at once.</p>
        </li>
      </ul>
    </Page>
  );
}
