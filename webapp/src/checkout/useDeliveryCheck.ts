// Would the cart's restaurant deliver to the chosen address? Asked when an address is
// picked (GET /cart/delivery/{id}), so a refusal shows before paying; a 422
// address_not_serviceable from placing the order is recorded the same way.
import { useCallback, useEffect, useState } from "react";
import { api } from "../api/endpoints";

export interface Delivery {
  serviceable: boolean;
  /** Why not, in the API's words. */
  detail: string | null;
}

/** `unknown`: the check failed; placing the order will say. */
type Known = Record<string, Delivery | "unknown">;

const keyOf = (restaurantId: number, addressId: number) => `${restaurantId}:${addressId}`;

export function useDeliveryCheck(
  addressId: number | null,
  restaurantId: number | null,
  check: (addressId: number) => Promise<Delivery> = api.checkDelivery,
) {
  const [known, setKnown] = useState<Known>({});
  const key = addressId !== null && restaurantId !== null ? keyOf(restaurantId, addressId) : null;
  const answered = key !== null && key in known;

  useEffect(() => {
    if (key === null || addressId === null || answered) return;
    let live = true;
    check(addressId)
      .then(({ serviceable, detail }) => {
        if (live) setKnown((current) => ({ ...current, [key]: { serviceable, detail } }));
      })
      .catch(() => {
        if (live) setKnown((current) => ({ ...current, [key]: "unknown" }));
      });
    return () => {
      live = false;
    };
  }, [key, addressId, answered, check]);

  const refuse = useCallback(
    (refusedAddress: number, detail: string) => {
      if (restaurantId === null) return;
      setKnown((current) => ({ ...current, [keyOf(restaurantId, refusedAddress)]: { serviceable: false, detail } }));
    },
    [restaurantId],
  );

  const found = key === null ? undefined : known[key];
  return {
    /** The answer for the chosen address, once known. */
    delivery: found === undefined || found === "unknown" ? null : found,
    checking: key !== null && found === undefined,
    refuse,
  };
}
