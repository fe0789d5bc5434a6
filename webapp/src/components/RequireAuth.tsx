import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Role } from "../api/types";
import { loginPath, useSession } from "../state/session";
import { EmptyState, Skeleton } from "./Feedback";

const FOR_WHOM: Record<Role, string> = {
  CUSTOMER: "customers",
  PARTNER: "restaurant partners",
  RIDER: "riders",
};

/** Pages for signed-in people (of `role`, when given): others go to the login page and
 * come back after. */
export function RequireAuth({ children, role }: { children: ReactNode; role?: Role }) {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === "loading") return <Skeleton rows={2} />;
  if (status === "unreachable") return null; // the layout shows the error and a retry
  if (status !== "signedIn") {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  if (role && user && user.role !== role) {
    return (
      <section>
        <h1>Not for this account</h1>
        <EmptyState title={`This page is for ${FOR_WHOM[role]}.`}>
          <p>You are signed in as {user.email}.</p>
        </EmptyState>
      </section>
    );
  }
  return children;
}
