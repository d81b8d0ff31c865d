import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth, homeFor } from '../../auth';
import { useTitle } from '../../components/ui';
import { useAsync } from '../../hooks';

export function LandingPage() {
  useTitle('');
  const { me } = useAuth();
  const categories = useAsync(() => api.listCategories(), []);
  const top = (categories.data?.categories ?? []).filter((c) => c.productCount > 0).sort((a, b) => b.productCount - a.productCount).slice(0, 8);
  return (
    <div className="landing">
      <section className="hero">
        <div className="hero__inner">
          <h1>Wholesale catalogs from vetted suppliers, shipped straight to your customers.</h1>
          <p className="hero__lead">
            Suppliers publish their catalogs once. Retailers import products into their stores at their own prices. Every order is routed to the supplier who ships it — and stock is never oversold.
          </p>
          <div className="hero__actions">
            <Link className="button button--large" to="/catalog">
              Browse the catalog
            </Link>
            {me ? (
              <Link className="button button--large button--secondary" to={homeFor(me.user.role)}>
                Go to your area
              </Link>
            ) : (
              <Link className="button button--large button--secondary" to="/register?role=SUPPLIER">
                Become a supplier
              </Link>
            )}
          </div>
        </div>
      </section>

      <section className="page" aria-labelledby="how">
        <h2 id="how">How it works</h2>
        <ol className="steps-grid">
          <li className="card">
            <h3>Suppliers apply</h3>
            <p>A short application — business profile, verification documents, shipping and how orders reach you — reviewed by our team.</p>
          </li>
          <li className="card">
            <h3>Catalogs go live</h3>
            <p>Add products by hand, by API, or import a CSV or Excel file. Stores see a safety-buffered stock figure.</p>
          </li>
          <li className="card">
            <h3>Retailers sell</h3>
            <p>Find products by category, price and supplier, compare the wholesale price with the MSRP and list them in your store.</p>
          </li>
        </ol>

        <h2 id="categories">Popular categories</h2>
        <ul className="chip-list" aria-labelledby="categories" aria-busy={categories.loading}>
          {categories.loading && !categories.data
            ? Array.from({ length: 8 }, (_, i) => (
                <li key={i}>
                  <span className="chip skeleton" aria-hidden="true">
                    &nbsp;
                  </span>
                </li>
              ))
            : top.map((c) => (
                <li key={c.slug}>
                  <Link className="chip" to={`/catalog?category=${encodeURIComponent(c.slug)}`}>
                    {c.name} <span className="chip__count">{c.productCount}</span>
                  </Link>
                </li>
              ))}
          {!categories.loading && top.length === 0 && <li className="muted">No products yet.</li>}
        </ul>
        <p>
          <Link to="/suppliers">Meet the suppliers →</Link>
        </p>
      </section>
    </div>
  );
}
