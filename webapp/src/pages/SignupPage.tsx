import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { fieldErrors } from "../api/problems";
import { ErrorBox } from "../components/Feedback";
import { Field } from "../components/Field";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useSession } from "../state/session";
import { safeNext } from "./LoginPage";

export const MIN_PASSWORD = 10;

export function SignupPage() {
  useDocumentTitle("Create an account");
  const { signup } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [form, setForm] = useState({ user_name: "", email: "", phone: "", password: "" });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await signup({
        user_name: form.user_name.trim(),
        email: form.email.trim(),
        phone: form.phone.replace(/[\s-]/g, ""),
        password: form.password,
      });
      navigate(next === "/" ? "/city" : next, { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const fields = fieldErrors(error);

  return (
    <section className="auth-card">
      <h1>Create an account</h1>
      {error !== null && <ErrorBox error={error} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label="Full name"
          name="name"
          autoComplete="name"
          required
          maxLength={80}
          value={form.user_name}
          onChange={set("user_name")}
          error={fields.user_name}
        />
        <Field
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={set("email")}
          error={fields.email}
        />
        <Field
          label="Mobile number"
          type="tel"
          name="phone"
          autoComplete="tel"
          inputMode="tel"
          required
          hint="10-digit Indian mobile number"
          value={form.phone}
          onChange={set("phone")}
          error={fields.phone}
        />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          hint={`At least ${MIN_PASSWORD} characters`}
          value={form.password}
          onChange={set("password")}
          error={fields.password}
        />
        <button type="submit" className="button button-block" disabled={pending}>
          {pending ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </section>
  );
}
