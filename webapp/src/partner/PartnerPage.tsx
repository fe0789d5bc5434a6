// The restaurant partner's console (/partner): the open orders as they arrive, today's
// numbers, and the menu.
import { type KeyboardEvent, useRef, useState } from "react";
import type { Order } from "../api/types";
import { apiMessage } from "../api/problems";
import { EmptyState, ErrorBox, Skeleton } from "../components/Feedback";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { useSession } from "../state/session";
import { MenuTab } from "./MenuTab";
import { OrderCard } from "./OrderCard";
import { TodaySummary } from "./TodaySummary";
import { usePartnerOrders } from "./usePartnerOrders";

const TABS = [
  { id: "orders", label: "Orders" },
  { id: "menu", label: "Menu" },
] as const;
type TabId = (typeof TABS)[number]["id"];

const GROUPS: ReadonlyArray<{ status: Order["order_status"]; title: string; empty: string }> = [
  { status: "CONFIRMED", title: "New orders", empty: "No new orders. They appear here as they come in." },
  { status: "PREPARING", title: "Being prepared", empty: "Nothing in the kitchen." },
  { status: "OUT_FOR_DELIVERY", title: "Out for delivery", empty: "Nothing on the road." },
];

function OrdersTab() {
  const { orders, error, live, version, replace, reload } = usePartnerOrders();
  return (
    <>
      <TodaySummary version={version} />
      <p className="status-line" aria-live="polite">
        {live === "live" && (
          <span className="live-dot" data-testid="partner-live" data-transport="sse">
            Live
          </span>
        )}
        {live === "polling" && (
          <span className="live-dot" data-testid="partner-live" data-transport="polling">
            Updating automatically
          </span>
        )}
      </p>
      {error !== null && orders === null && <ErrorBox message={apiMessage(error)} onRetry={() => void reload()} />}
      {orders === null ? (
        error === null && <Skeleton rows={2} label="Loading orders…" />
      ) : (
        GROUPS.map((group) => {
          const these = orders.filter((o) => o.order_status === group.status);
          const headingId = `partner-group-${group.status.toLowerCase()}`;
          return (
            <section key={group.status} aria-labelledby={headingId} className="partner-group">
              <h2 id={headingId}>
                {group.title} <span className="count">({these.length})</span>
              </h2>
              {these.length === 0 ? (
                <EmptyState title={group.empty} />
              ) : (
                these.map((order) => <OrderCard key={order.order_id} order={order} onChange={replace} />)
              )}
            </section>
          );
        })
      )}
    </>
  );
}

export function PartnerPage() {
  useDocumentTitle("Restaurant console");
  const { user } = useSession();
  const [tab, setTab] = useState<TabId>("orders");
  const refs = useRef<Record<TabId, HTMLButtonElement | null>>({ orders: null, menu: null });

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex((t) => t.id === tab);
    let next: number;
    if (event.key === "ArrowRight") next = (at + 1) % TABS.length;
    else if (event.key === "ArrowLeft") next = (at - 1 + TABS.length) % TABS.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = TABS.length - 1;
    else return;
    event.preventDefault();
    const id = TABS[next]!.id;
    setTab(id);
    refs.current[id]?.focus();
  };

  return (
    <section className="partner">
      <h1>Restaurant console</h1>
      {user && <p className="muted">Signed in as {user.user_name}</p>}
      <div role="tablist" aria-label="Console" className="tabs" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? "tab tab-selected" : "tab"}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* The orders stay mounted (and live) while the menu is shown. */}
      <div role="tabpanel" id="panel-orders" aria-labelledby="tab-orders" hidden={tab !== "orders"}>
        <OrdersTab />
      </div>
      <div role="tabpanel" id="panel-menu" aria-labelledby="tab-menu" hidden={tab !== "menu"}>
        {tab === "menu" && <MenuTab />}
      </div>
    </section>
  );
}
