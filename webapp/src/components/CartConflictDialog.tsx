// Adding a dish from another restaurant: keep the cart, or start over with this dish.
import { useRef, useState } from "react";
import { messageFor } from "../api/problems";
import { useCart } from "../state/cart";
import { Dialog } from "./Dialog";

interface ConflictProps {
  currentRestaurant: string;
  dishName: string;
  newRestaurant: string;
  busy: boolean;
  error: string | null;
  onKeep: () => void;
  onReplace: () => void;
}

export function CartConflictPrompt({
  currentRestaurant,
  dishName,
  newRestaurant,
  busy,
  error,
  onKeep,
  onReplace,
}: ConflictProps) {
  const keep = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open title="Start a new cart?" onClose={onKeep} initialFocus={keep}>
      <p>
        Your cart has dishes from <strong>{currentRestaurant}</strong>. Adding {dishName} from{" "}
        <strong>{newRestaurant}</strong> will empty it first.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button ref={keep} type="button" className="button button-secondary" onClick={onKeep}>
          Keep my cart
        </button>
        <button type="button" className="button" onClick={onReplace} disabled={busy}>
          {busy ? "Starting new cart…" : "Start new cart"}
        </button>
      </div>
    </Dialog>
  );
}

/** Shown whenever the cart reports a conflict, on any page. */
export function CartConflictDialog() {
  const { cart, conflict, resolveConflict } = useCart();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!conflict) return null;
  const settle = async (replace: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await resolveConflict(replace);
    } catch (failure) {
      setError(messageFor(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <CartConflictPrompt
      currentRestaurant={cart?.restaurant?.restaurant_name ?? "another restaurant"}
      dishName={conflict.dish.food_name}
      newRestaurant={conflict.dish.restaurant_name}
      busy={busy}
      error={error}
      onKeep={() => void settle(false)}
      onReplace={() => void settle(true)}
    />
  );
}
