import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { dateTime } from '../../api/format';
import { Page } from '../../components/Layout';
import { EmptyState, FormError, Pager, useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

const PAGE_SIZE = 50;

function describe(details: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof details.from === 'string' && typeof details.to === 'string') parts.push(`${details.from} → ${details.to}`);
  if (typeof details.reason === 'string') parts.push(`reason: ${details.reason}`);
  for (const [k, v] of Object.entries(details)) if (!['from', 'to', 'reason'].includes(k) && (typeof v === 'string' || typeof v === 'number')) parts.push(`${k}: ${v}`);
  return parts.join(' · ');
}

export function AuditPage() {
  useTitle('Audit log');
  const [page, setPage] = useState(1);
  const { data, error, loading } = useAsync(() => api.adminAudit({ page, pageSize: PAGE_SIZE }), [page]);
  return (
    <Page title="Audit log">
      <FormError error={error} />
      {!(data && data.entries.length === 0) && (
        <div className="table-wrap" aria-busy={loading}>
          <table className="table">
            <caption className="visually-hidden">Admin actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {!data && loading
                ? Array.from({ length: 8 }, (_, i) => (
                    <tr key={i} aria-hidden="true">
                      <td colSpan={5}>
                        <span className="skeleton skeleton--line" />
                      </td>
                    </tr>
                  ))
                : (data?.entries ?? []).map((e) => (
                    <tr key={e.id}>
                      <td data-label="When">{dateTime(e.at)}</td>
                      <td data-label="Who">{e.actorRole ? e.actorRole.toLowerCase() : 'system'}</td>
                      <td data-label="Action">
                        <code>{e.action}</code>
                      </td>
                      <td data-label="Target">
                        {e.targetType === 'supplier' && e.targetId ? (
                          <Link to={`/admin/suppliers/${e.targetId}`} title={e.targetId}>
                            supplier …{e.targetId.slice(-8)}
                          </Link>
                        ) : (
                          <>
                            {e.targetType}
                            {e.targetId ? <span className="muted small" title={e.targetId}> …{e.targetId.slice(-8)}</span> : null}
                          </>
                        )}
                      </td>
                      <td data-label="Details">{describe(e.details ?? {})}</td>
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.entries.length === 0 && <EmptyState title="No actions recorded yet." />}
      {data && data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />}
    </Page>
  );
}
