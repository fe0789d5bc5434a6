// Choosing a dish's options before adding it: one fieldset per group (radio buttons for
// one answer, checkboxes up to the group's most), required groups marked, sold-out options
// disabled, the price as chosen, how many. Nothing is sent while a required choice is
// missing; what the API still refuses is shown by the group (or field) it names.
import { type FormEvent, useId, useRef, useState } from "react";
import { ApiError, fieldMessage } from "../api/errors";
import { sentence } from "../api/problems";
import type { FoodItem } from "../api/types";
import { formatPaise } from "../lib/money";
import {
  canPickMore,
  chosenIds,
  deltaText,
  emptyChoice,
  groupNamed,
  groupProblems,
  groupRule,
  isComplete,
  isRequired,
  isSingle,
  toggleOption,
  unitPrice,
} from "../lib/options";
import { Dialog } from "./Dialog";
import { ErrorBox } from "./Feedback";
import { QuantityStepper } from "./QuantityStepper";
import { VegMark } from "./VegMark";

interface OptionPickerProps {
  item: FoodItem;
  /** False while the restaurant is closed. */
  canAdd?: boolean;
  /** Add the line; a refusal is thrown (ApiError) and shown here. */
  onAdd(optionIds: number[], quantity: number): Promise<void>;
  onClose(): void;
}

/** The API's refusal split by where it belongs: a group's, the quantity's, or the dialog's. */
function placeError(item: FoodItem, error: unknown) {
  if (!(error instanceof ApiError)) return { general: error };
  const options = error.code === "options_invalid" ? (fieldMessage(error, "option_ids") ?? error.detail) : undefined;
  if (options) {
    const group = groupNamed(item, error.extra.group_name);
    return group === null ? { options: sentence(options) } : { group, groupMessage: sentence(options) };
  }
  const quantity = fieldMessage(error, "quantity");
  if (quantity) return { quantity: sentence(quantity) };
  return { general: error };
}

export function OptionPicker({ item, canAdd = true, onAdd, onClose }: OptionPickerProps) {
  const [choice, setChoice] = useState<number[][]>(() => emptyChoice(item));
  const [quantity, setQuantity] = useState(1);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useRef<HTMLFormElement>(null);
  const base = useId();

  const problems = groupProblems(item, choice);
  const refusal = failure === null ? null : placeError(item, failure);
  const price = unitPrice(item, choice) * quantity;

  const change = (index: number, optionId: number | null) => {
    setFailure(null);
    setChoice((current) => {
      if (optionId === null) return current.map((ids, i) => (i === index ? [] : ids)); // "None"
      return toggleOption(item, current, index, optionId);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    if (!isComplete(item, choice)) {
      // Back to the first group still waiting for an answer.
      const first = problems.findIndex((p) => p !== null);
      form.current?.querySelector<HTMLInputElement>(`[data-group="${first}"] input:not([disabled])`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onAdd(chosenIds(item, choice), quantity);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open title={item.food_name} onClose={onClose}>
      <form ref={form} className="option-picker" onSubmit={(e) => void submit(e)} noValidate aria-label={`Choose options for ${item.food_name}`}>
        <p className="picker-dish">
          <VegMark veg={item.is_veg} /> <span className="muted">From {formatPaise(item.price)}</span>
        </p>
        {item.description && <p className="dish-description">{item.description}</p>}
        {refusal?.general !== undefined && <ErrorBox error={refusal.general} />}
        {refusal?.options && (
          <p className="field-error" role="alert">
            {refusal.options}
          </p>
        )}
        {item.option_groups.map((group, index) => {
          const picked = choice[index] ?? [];
          const problem = refusal?.group === index ? refusal.groupMessage : tried ? problems[index] : null;
          const ruleId = `${base}-rule-${index}`;
          const errorId = `${base}-error-${index}`;
          const single = isSingle(group);
          const more = canPickMore(group, picked);
          return (
            <fieldset
              key={`${index}-${group.group_name}`}
              className={problem ? "option-group option-group-invalid" : "option-group"}
              data-group={index}
              aria-describedby={problem ? `${ruleId} ${errorId}` : ruleId}
              aria-invalid={problem ? true : undefined}
            >
              <legend>
                {group.group_name}
                {isRequired(group) && <span className="tag-required"> Required</span>}
              </legend>
              <p id={ruleId} className="field-hint">
                {groupRule(group)}
                {!single && ` · ${picked.length} of ${group.max_choices} chosen`}
              </p>
              <ul className="option-list">
                {single && !isRequired(group) && (
                  <li>
                    <label className="option">
                      <input
                        type="radio"
                        name={`${base}-group-${index}`}
                        checked={picked.length === 0}
                        onChange={() => change(index, null)}
                      />
                      <span className="option-name">None</span>
                    </label>
                  </li>
                )}
                {group.options.map((option) => {
                  const checked = picked.includes(option.option_id);
                  const disabled = !option.availability || (!checked && !more);
                  return (
                    <li key={option.option_id}>
                      <label className={option.availability ? "option" : "option option-unavailable"}>
                        <input
                          type={single ? "radio" : "checkbox"}
                          name={`${base}-group-${index}`}
                          value={option.option_id}
                          checked={checked}
                          disabled={disabled}
                          onChange={() => change(index, option.option_id)}
                        />
                        <span className="option-name">{option.option_name}</span>
                        {option.availability ? (
                          <span className="option-price">{deltaText(option.price_delta)}</span>
                        ) : (
                          <span className="tag-unavailable">Sold out</span>
                        )}
                      </label>
                    </li>
                  );
                })}
              </ul>
              {problem && (
                <p id={errorId} className="field-error">
                  {problem}
                </p>
              )}
            </fieldset>
          );
        })}
        <div className="picker-footer">
          <div>
            <QuantityStepper
              name={item.food_name}
              quantity={quantity}
              min={1}
              busy={busy}
              onChange={(q) => {
                setFailure(null);
                setQuantity(q);
              }}
            />
            {refusal?.quantity && <p className="field-error">{refusal.quantity}</p>}
          </div>
          <output className="picker-price" aria-live="polite" data-testid="picker-price">
            {formatPaise(price)}
          </output>
        </div>
        {tried && !isComplete(item, choice) && (
          <p className="field-error" role="alert">
            Still to choose:{" "}
            {item.option_groups
              .filter((_, index) => problems[index] !== null)
              .map((group) => group.group_name)
              .join(", ")}
            .
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy || !canAdd}>
            {busy ? "Adding…" : `Add to cart · ${formatPaise(price)}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
