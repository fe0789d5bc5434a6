// "Closed · opens 16:00" for a restaurant that is not taking orders now (nothing when open).
import { closedLabel } from "../lib/hours";

export function ClosedNote({ restaurant }: { restaurant: { is_open: boolean; opens_at: string | null } }) {
  if (restaurant.is_open) return null;
  return <span className="closed-note">{closedLabel(restaurant.opens_at)}</span>;
}
