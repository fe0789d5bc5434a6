// Errors, empty states and loading placeholders, the same everywhere.
import type { ReactNode } from "react";
import { messageFor } from "../api/problems";

export function ErrorBox({
  error,
  message,
  onRetry,
  children,
}: {
  error?: unknown;
  message?: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{message ?? messageFor(error)}</p>
      {children}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  return (
    <div className={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** Grey placeholder blocks while a page loads; announced once as "Loading…". */
export function Skeleton({ rows = 3, label = "Loading…" }: { rows?: number; label?: string }) {
  return (
    <div className="skeleton-list" aria-busy="true">
      <span className="visually-hidden" role="status">
        {label}
      </span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-card" aria-hidden="true">
          <div className="skeleton-line skeleton-line-wide" />
          <div className="skeleton-line" />
          <div className="skeleton-line skeleton-line-short" />
        </div>
      ))}
    </div>
  );
}
