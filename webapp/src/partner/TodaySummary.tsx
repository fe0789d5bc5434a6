// Today's orders and takings (GET /partner/today), read again whenever the orders change.
import { useEffect, useState } from "react";
import { api } from "../api/endpoints";
import { apiMessage } from "../api/problems";
import type { DayTally } from "../api/types";
import { Money } from "../components/Money";

export function TodaySummary({ version }: { version: number }) {
  const [tally, setTally] = useState<DayTally | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api.partnerToday().then(
      (found) => {
        if (!current) return;
        setTally(found);
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [version]);

  return (
    <section className="panel today" aria-labelledby="today-heading">
      <h2 id="today-heading">Today</h2>
      {error !== null && tally === null && <p className="field-error">{apiMessage(error)}</p>}
      {tally === null ? (
        error === null && <p className="muted">Loading today's numbers…</p>
      ) : (
        <dl className="tally" data-testid="partner-today">
          <div>
            <dt>Orders</dt>
            <dd>{tally.orders}</dd>
          </div>
          <div>
            <dt>Delivered</dt>
            <dd>{tally.delivered}</dd>
          </div>
          <div>
            <dt>Cancelled</dt>
            <dd>{tally.cancelled}</dd>
          </div>
          <div>
            <dt>Takings</dt>
            <dd>
              <Money paise={tally.takings} />
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
