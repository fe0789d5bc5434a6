import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { fieldErrors } from "../api/problems";
import type { Role } from "../api/types";
import { ErrorBox, Notice } from "../components/Feedback";
import { Field } from "../components/Field";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useSession } from "../state/session";

/** Where an account lands after signing in: a partner on its console, a rider on the
 * job, unless they came for a page of their own. */
export function landingFor(role: Role, next: string): string {
  const home = role === "PARTNER" ? "/partner" : role === "RIDER" ? "/rider" : "/";
  if (role === "CUSTOMER") return next;
  return next.startsWith(home) ? next : home;
}

/** Only paths inside this app: never an absolute URL from the query string. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  useDocumentTitle("Sign in");
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const user = await login({ email: email.trim(), password });
      navigate(landingFor(user.role, next), { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const fields = fieldErrors(error);

  return (
    <section className="auth-card">
      <h1>Sign in</h1>
      {params.get("expired") && (
        <Notice tone="warning">Your session has expired. Please sign in again.</Notice>
      )}
      {error !== null && <ErrorBox error={error} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <button type="submit" className="button button-block" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="auth-switch">
        New here? <Link to={`/signup${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`}>Create an account</Link>
      </p>
    </section>
  );
}
