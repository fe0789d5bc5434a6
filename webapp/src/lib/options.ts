// A dish's option groups (sizes, half or full, add-ons): what a group asks for, what a
// choice costs, and what is still missing — the rules the API checks (min_choices to
// max_choices per group, only available options), said before anything is sent.
import type { ChosenOption, FoodItem, OptionGroup } from "../api/types";
import { formatPaise } from "./money";

/** Option ids chosen, per group (by the group's position on the dish). */
export type Choice = ReadonlyArray<readonly number[]>;

export function isRequired(group: OptionGroup): boolean {
  return group.min_choices > 0;
}

/** One answer at most: radio buttons; otherwise checkboxes, up to max_choices. */
export function isSingle(group: OptionGroup): boolean {
  return group.max_choices === 1;
}

/** "Required · choose 1", "Optional · choose up to 2", "Required · choose 2 to 3". */
export function groupRule(group: OptionGroup): string {
  const { min_choices: min, max_choices: max } = group;
  const need = isRequired(group) ? "Required" : "Optional";
  if (min === max) return `${need} · choose ${min}`;
  if (min === 0) return `${need} · choose up to ${max}`;
  return `${need} · choose ${min} to ${max}`;
}

export function emptyChoice(item: FoodItem): number[][] {
  return item.option_groups.map(() => []);
}

/** The choice after the customer picks (or unpicks) `optionId` in group `index`: a single
 * group's answer is replaced; a multiple group's option is toggled, never past its max.
 * An unavailable option is never picked. */
export function toggleOption(item: FoodItem, choice: Choice, index: number, optionId: number): number[][] {
  const group = item.option_groups[index];
  const next = choice.map((ids) => [...ids]);
  const option = group?.options.find((o) => o.option_id === optionId);
  if (!group || !option) return next;
  const current = next[index] ?? [];
  if (current.includes(optionId)) {
    // A required single choice stays answered: picking it again keeps it.
    next[index] = isSingle(group) && isRequired(group) ? current : current.filter((id) => id !== optionId);
    return next;
  }
  if (!option.availability) return next;
  if (isSingle(group)) next[index] = [optionId];
  else if (current.length < group.max_choices) next[index] = [...current, optionId];
  return next;
}

/** Whether another option of a multiple-choice group can still be picked. */
export function canPickMore(group: OptionGroup, picked: readonly number[]): boolean {
  return isSingle(group) || picked.length < group.max_choices;
}

/** What is wrong with each group's answer (by position), or null where it is fine. */
export function groupProblems(item: FoodItem, choice: Choice): Array<string | null> {
  return item.option_groups.map((group, index) => {
    const picked = choice[index] ?? [];
    const unavailable = group.options.find((o) => picked.includes(o.option_id) && !o.availability);
    if (unavailable) return `${unavailable.option_name} is sold out. Choose another.`;
    if (picked.length < group.min_choices) {
      return group.min_choices === 1 ? `Choose a ${group.group_name.toLowerCase()}.` : `Choose at least ${group.min_choices}.`;
    }
    if (picked.length > group.max_choices) return `Choose at most ${group.max_choices}.`;
    return null;
  });
}

export function isComplete(item: FoodItem, choice: Choice): boolean {
  return groupProblems(item, choice).every((problem) => problem === null);
}

/** The option ids to send, in menu order. */
export function chosenIds(item: FoodItem, choice: Choice): number[] {
  return item.option_groups.flatMap((group, index) =>
    group.options.filter((o) => (choice[index] ?? []).includes(o.option_id)).map((o) => o.option_id),
  );
}

/** The unit price (paise): the dish's price and every chosen option's delta. */
export function unitPrice(item: FoodItem, choice: Choice): number {
  return item.option_groups.reduce(
    (sum, group, index) =>
      sum +
      group.options
        .filter((o) => (choice[index] ?? []).includes(o.option_id))
        .reduce((s, o) => s + o.price_delta, 0),
    item.price,
  );
}

/** "+ ₹30.00" beside an option; nothing for an option that costs nothing more. */
export function deltaText(paise: number): string {
  if (paise === 0) return "";
  return paise > 0 ? `+ ${formatPaise(paise)}` : `− ${formatPaise(-paise)}`;
}

/** A line's options as a customer reads them: "Full, Extra raita". */
export function optionsText(options: readonly ChosenOption[]): string {
  return options.map((o) => o.option_name).join(", ");
}

/** Which group a problem of the API's (422 options_invalid) is about: the one its
 * `group_name` names, else null (the problem is about no single group). */
export function groupNamed(item: FoodItem, groupName: unknown): number | null {
  const index = item.option_groups.findIndex((group) => group.group_name === groupName);
  return index === -1 ? null : index;
}

/** A line's name with its options, unique among the cart's lines: "Chicken Biryani (Full, Extra raita)". */
export function lineName(line: { food_name: string; options: readonly ChosenOption[] }): string {
  return line.options.length ? `${line.food_name} (${optionsText(line.options)})` : line.food_name;
}
