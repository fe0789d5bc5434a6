// Where to deliver: pick an address from the book, or add one.
import { type FormEvent, useState } from "react";
import { api } from "../api/endpoints";
import { fieldErrors } from "../api/problems";
import type { Address, City } from "../api/types";
import { ErrorBox } from "../components/Feedback";
import { Field } from "../components/Field";

interface AddressSectionProps {
  addresses: readonly Address[];
  selected: number | null;
  locked: boolean;
  city: City | null;
  /** Why the cart's restaurant does not deliver to the selected address, if it does not. */
  undeliverable?: string | null;
  onSelect: (addressId: number) => void;
  onAdded: (address: Address) => void;
}

export function formatAddress(a: Address): string {
  return [a.line1, a.line2, a.landmark, `${a.city_name} ${a.pincode}`].filter(Boolean).join(", ");
}

export function AddressSection({ addresses, selected, locked, city, undeliverable, onSelect, onAdded }: AddressSectionProps) {
  const [adding, setAdding] = useState(addresses.length === 0);
  const shown = locked ? addresses.filter((a) => a.address_id === selected) : addresses;
  return (
    <section className="panel" aria-labelledby="address-heading">
      <h2 id="address-heading">Deliver to</h2>
      {shown.length > 0 && (
        <fieldset className="choices" disabled={locked}>
          <legend className="visually-hidden">Delivery address</legend>
          {shown.map((a) => (
            <label key={a.address_id} className="choice">
              <input
                type="radio"
                name="address"
                value={a.address_id}
                checked={selected === a.address_id}
                onChange={() => onSelect(a.address_id)}
              />
              <span>
                <span className="choice-title">{a.label}</span>
                <span className="choice-detail">{formatAddress(a)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {undeliverable && (
        <div className="alert alert-error" role="alert">
          <p>We can't deliver this order to that address. {undeliverable}</p>
        </div>
      )}
      {!locked &&
        (adding ? (
          <AddressForm
            city={city}
            canCancel={addresses.length > 0}
            onCancel={() => setAdding(false)}
            onSaved={(address) => {
              setAdding(false);
              onAdded(address);
            }}
          />
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
            Add a new address
          </button>
        ))}
    </section>
  );
}

function AddressForm({
  city,
  canCancel,
  onCancel,
  onSaved,
}: {
  city: City | null;
  canCancel: boolean;
  onCancel: () => void;
  onSaved: (address: Address) => void;
}) {
  const [form, setForm] = useState({
    label: "Home",
    line1: "",
    line2: "",
    landmark: "",
    city_name: city?.city_name ?? "",
    pincode: city?.pincode ?? "",
  });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: e.target.value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.addAddress({
        label: form.label.trim(),
        line1: form.line1.trim(),
        line2: form.line2.trim(),
        landmark: form.landmark.trim(),
        city_name: form.city_name.trim(),
        pincode: form.pincode.trim(),
      }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };
  const fields = fieldErrors(error);

  return (
    <form className="address-form" onSubmit={(e) => void save(e)} noValidate aria-label="New address">
      {error !== null && <ErrorBox error={error} />}
      <Field label="Label" name="label" hint="Home, Work…" required maxLength={30} value={form.label} onChange={set("label")} error={fields.label} />
      <Field label="Flat, house no., street" name="line1" autoComplete="address-line1" required maxLength={200} value={form.line1} onChange={set("line1")} error={fields.line1} />
      <Field label="Area (optional)" name="line2" autoComplete="address-line2" maxLength={200} value={form.line2} onChange={set("line2")} error={fields.line2} />
      <Field label="Landmark (optional)" name="landmark" maxLength={100} value={form.landmark} onChange={set("landmark")} error={fields.landmark} />
      <div className="field-row">
        <Field label="City" name="city" autoComplete="address-level2" required maxLength={80} value={form.city_name} onChange={set("city_name")} error={fields.city_name} />
        <Field label="PIN code" name="pincode" autoComplete="postal-code" inputMode="numeric" required maxLength={6} value={form.pincode} onChange={set("pincode")} error={fields.pincode} />
      </div>
      <div className="actions">
        {canCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button" disabled={saving}>
          {saving ? "Saving…" : "Save address"}
        </button>
      </div>
    </form>
  );
}
