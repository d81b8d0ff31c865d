import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { Spinner } from './ui';

function areaLinks(role: string | undefined): { to: string; label: string }[] {
  switch (role) {
    case 'ADMIN':
      return [
        { to: '/admin/suppliers', label: 'Supplier review' },
        { to: '/admin/audit', label: 'Audit log' },
        { to: '/admin/users', label: 'Users' },
      ];
    case 'SUPPORT':
      return [
        { to: '/admin/suppliers', label: 'Supplier review' },
        { to: '/admin/audit', label: 'Audit log' },
      ];
    case 'SUPPLIER':
      return [
        { to: '/supplier/application', label: 'Application' },
        { to: '/supplier/products', label: 'My products' },
        { to: '/supplier/import', label: 'Import' },
        { to: '/supplier/inventory', label: 'Stock' },
      ];
    default:
      return [];
  }
}

export function Layout() {
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    setOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    // Move focus to the new page's content, as a full page load would.
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const links: { to: string; label: string }[] = [
    { to: '/catalog', label: 'Catalog' },
    { to: '/suppliers', label: 'Suppliers' },
    ...areaLinks(me?.user.role),
  ];

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="brand" aria-label="Dropship home">
            <span className="brand__mark" aria-hidden="true">
              D
            </span>
            Dropship
          </Link>
          <button type="button" className="menu-toggle" aria-expanded={open} aria-controls="primary-nav" onClick={() => setOpen((o) => !o)}>
            Menu
          </button>
          <nav id="primary-nav" className={`nav${open ? ' nav--open' : ''}`} aria-label="Main">
            <ul>
              {links.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to}>{l.label}</NavLink>
                </li>
              ))}
            </ul>
            <div className="nav__account">
              {me === undefined ? (
                <span className="nav__placeholder" aria-hidden="true" />
              ) : me ? (
                <>
                  <NavLink to="/account" className="nav__user">
                    {me.user.name} <span className="nav__role">{me.user.role.toLowerCase()}</span>
                  </NavLink>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      void signOut().then(() => navigate('/'));
                    }}
                  >
                    Sign out
                  </button>
                </>
              ) : (
                <>
                  <NavLink to="/login">Sign in</NavLink>
                  <Link to="/register" className="button button--small">
                    Create account
                  </Link>
                </>
              )}
            </div>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {/* Signed-in areas are separate chunks: the header stays put while one loads. */}
        <Suspense
          fallback={
            <div className="page">
              <Spinner />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        <p>
          Dropship wholesale marketplace · <a href="/api/docs">API reference</a>
        </p>
      </footer>
    </div>
  );
}

export function Page({ title, actions, children, narrow }: { title: string; actions?: ReactNode; children: ReactNode; narrow?: boolean }) {
  return (
    <div className={`page${narrow ? ' page--narrow' : ''}`}>
      <div className="page__head">
        <h1>{title}</h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
