import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError, humanMessage, humanPath, messageOf } from '../api/client';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

/** A labelled control with its hint and the server's message for it, linked by aria-describedby. */
export function Field({ label, error, hint, children, className }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type InputFieldProps = { label: string; error?: string | undefined; hint?: string; className?: string } & InputHTMLAttributes<HTMLInputElement>;

export function InputField({ label, error, hint, className, ...input }: InputFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />}
    </Field>
  );
}

type SelectFieldProps = { label: string; error?: string | undefined; hint?: string; className?: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, error, hint, className, children, ...select }: SelectFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}

type TextareaFieldProps = { label: string; error?: string | undefined; hint?: string; className?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextareaField({ label, error, hint, className, ...textarea }: TextareaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...textarea} />}
    </Field>
  );
}

/**
 * The form-level message: the problem's detail plus any field errors that no visible field shows.
 * `fields` are the names the form renders next to controls.
 */
export function FormError({ error, fields = [] }: { error: unknown; fields?: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const rest = error instanceof ApiError ? error.unmatched(fields) : [];
  // When every problem is shown next to its field, the summary only points there.
  const allAtFields = error instanceof ApiError && error.errors.length > 0 && rest.length === 0;
  const count = error instanceof ApiError ? error.errors.length : 0;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      <p>{allAtFields ? (count === 1 ? 'Please correct the field marked below.' : `Please correct the ${count} fields marked below.`) : messageOf(error)}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((e, i) => (
            <li key={i}>
              {humanPath(e.path)} {humanMessage(e.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiError ? error.field(name) : undefined;
}

export function Notice({ children, kind = 'info' }: { children: ReactNode; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div className={`alert alert--${kind}`} role="status">
      {children}
    </div>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="spinner" role="status">
      <span className="visually-hidden">{label}…</span>
    </span>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status.toLowerCase()}`}>{status.replace(/_/g, ' ')}</span>;
}

/** Previous / next with the position; keeps its height whether or not there are more pages. */
export function Pager({ page, pageSize, total, estimate, onPage }: { page: number; pageSize: number; total: number; estimate?: boolean; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label="Pagination">
      <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← Previous
      </button>
      <span aria-live="polite">
        Page {page} of {estimate ? `about ${pages}` : pages}
      </span>
      <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next →
      </button>
    </nav>
  );
}

/** Sets the document title (screen readers announce route changes through it). */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Dropship` : 'Dropship';
  }, [title]);
}
