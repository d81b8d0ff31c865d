import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { dateTime, titleCase } from '../../api/format';
import type { SupplierStatus } from '../../api/types';
import { Page } from '../../components/Layout';
import { EmptyState, FormError, Pager, StatusBadge, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

const STATUSES: SupplierStatus[] = ['PENDING', 'ACTIVE', 'SUSPENDED', 'REJECTED', 'DRAFT'];
const PAGE_SIZE = 25;

export function SupplierQueuePage() {
  const [params, setParams] = useSearchParams();
  const status = (STATUSES.find((s) => s === params.get('status')) ?? 'PENDING') as SupplierStatus;
  const page = Math.max(1, Number(params.get('page')) || 1);
  useTitle(status === 'PENDING' ? 'Approval queue' : `${titleCase(status)} suppliers`);
  const { data, error, loading } = useAsync(() => api.adminListSuppliers({ status, page, pageSize: PAGE_SIZE }), [status, page]);

  return (
    <Page title="Supplier review">
      <nav className="tabs" aria-label="Supplier status">
        {STATUSES.map((s) => (
          <Link key={s} to={`/admin/suppliers?status=${s}`} className={`tabs__tab${s === status ? ' is-active' : ''}`} aria-current={s === status ? 'page' : undefined}>
            {s === 'PENDING' ? 'Approval queue' : titleCase(s)}
          </Link>
        ))}
      </nav>
      <FormError error={error} />
      {!(data && data.suppliers.length === 0) && (
        <div className="table-wrap" aria-busy={loading}>
          <table className="table">
            <caption className="visually-hidden">{titleCase(status)} suppliers</caption>
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Type</th>
                <th scope="col">Contact</th>
                <th scope="col">{status === 'PENDING' ? 'Submitted' : 'Updated'}</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {!data && loading
                ? Array.from({ length: 5 }, (_, i) => (
                    <tr key={i} aria-hidden="true">
                      <td colSpan={5}>
                        <span className="skeleton skeleton--line" />
                      </td>
                    </tr>
                  ))
                : (data?.suppliers ?? []).map((s) => (
                    <tr key={s.id}>
                      <td data-label="Company">
                        <Link to={`/admin/suppliers/${s.id}`}>{s.companyName}</Link>
                      </td>
                      <td data-label="Type">{titleCase(s.businessType)}</td>
                      <td data-label="Contact">{s.contactEmail}</td>
                      <td data-label={status === 'PENDING' ? 'Submitted' : 'Updated'}>{dateTime(status === 'PENDING' ? s.submittedAt : s.updatedAt)}</td>
                      <td data-label="Status">
                        <StatusBadge status={s.status} />
                      </td>
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.suppliers.length === 0 && <EmptyState title={status === 'PENDING' ? 'No applications are waiting for review.' : `No ${status.toLowerCase()} suppliers.`} />}
      {data && data.total > PAGE_SIZE && (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          onPage={(p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next);
          }}
        />
      )}
    </Page>
  );
}
