// What a 409 cart_changed says: each line's old → new price, or that it is gone, and the
// new total the customer can agree to with a second, explicit press.
import { Link } from "react-router";
import type { CartChanged } from "../api/conflicts";
import { Money } from "../components/Money";

export function PriceChanges({ changed }: { changed: CartChanged }) {
  const gone = changed.changes.filter((c) => !c.available || c.new_price === null);
  return (
    <div className="alert alert-warning price-changes" role="alert">
      <p>
        <strong>Your cart changed since you saw it.</strong> Nothing has been ordered.
      </p>
      {changed.changes.length > 0 && (
        <ul className="summary-lines">
          {changed.changes.map((change) => (
            <li key={change.food_id}>
              <span>{change.food_name}</span>{" "}
              {change.available && change.new_price !== null ? (
                <span>
                  <span className="visually-hidden">was </span>
                  <del>
                    <Money paise={change.old_price} />
                  </del>{" "}
                  <span aria-hidden="true">→</span>
                  <span className="visually-hidden">, now</span>{" "}
                  <ins>
                    <Money paise={change.new_price} />
                  </ins>
                </span>
              ) : (
                <span>no longer available</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        New total: <Money paise={changed.total} />
      </p>
      {gone.length > 0 ? (
        <p>
          Remove what is no longer available to continue. <Link to="/cart">Review your cart</Link>
        </p>
      ) : (
        <p>Press the button again to order at the new total.</p>
      )}
    </div>
  );
}
