import { describe, expect, test } from "vitest";
import type { FoodItem } from "../api/types";
import { biryani, dish } from "../test/fixtures";
import {
  canPickMore,
  chosenIds,
  deltaText,
  emptyChoice,
  groupNamed,
  groupProblems,
  groupRule,
  isComplete,
  lineName,
  toggleOption,
  unitPrice,
} from "./options";

const [portion, addOns] = biryani.option_groups;

function pick(item: FoodItem, ...picks: Array<[number, number]>) {
  return picks.reduce((choice, [group, id]) => toggleOption(item, choice, group, id), emptyChoice(item));
}

describe("a group's rule", () => {
  test("required single, optional up to n, ranges", () => {
    expect(groupRule(portion!)).toBe("Required · choose 1");
    expect(groupRule(addOns!)).toBe("Optional · choose up to 2");
    expect(groupRule({ ...addOns!, min_choices: 1, max_choices: 3 })).toBe("Required · choose 1 to 3");
    expect(groupRule({ ...addOns!, min_choices: 2, max_choices: 2 })).toBe("Required · choose 2");
  });
});

describe("choosing", () => {
  test("a single group's answer is replaced, and stays answered when picked again", () => {
    expect(pick(biryani, [0, 2101], [0, 2102])).toEqual([[2102], []]);
    expect(pick(biryani, [0, 2101], [0, 2101])).toEqual([[2101], []]);
  });

  test("an optional single group can be unpicked", () => {
    const roti = dish(5, "Khamiri Roti", {
      option_groups: [
        {
          group_name: "Make it",
          min_choices: 0,
          max_choices: 1,
          options: [{ option_id: 501, option_name: "Butter", price_delta: 1_000, availability: true }],
        },
      ],
    });
    expect(pick(roti, [0, 501], [0, 501])).toEqual([[]]);
  });

  test("a multiple group toggles, never past its most", () => {
    const two = pick(biryani, [1, 2103], [1, 2104]);
    expect(two[1]).toEqual([2103, 2104]);
    expect(canPickMore(addOns!, two[1]!)).toBe(false);
    expect(toggleOption(biryani, two, 1, 2105)[1]).toEqual([2103, 2104]); // full: refused
    expect(toggleOption(biryani, two, 1, 2103)[1]).toEqual([2104]); // unpicked
  });

  test("a sold-out option is never picked; an unknown one changes nothing", () => {
    expect(pick(biryani, [1, 2106])).toEqual([[], []]);
    expect(pick(biryani, [0, 9999])).toEqual([[], []]);
  });
});

describe("what is missing", () => {
  test("a required choice missing names its group; optional groups may stay empty", () => {
    expect(groupProblems(biryani, emptyChoice(biryani))).toEqual(["Choose a portion.", null]);
    expect(isComplete(biryani, emptyChoice(biryani))).toBe(false);
    expect(isComplete(biryani, pick(biryani, [0, 2101]))).toBe(true);
  });

  test("too many, too few of a range, a sold-out pick (the menu changed meanwhile)", () => {
    expect(groupProblems(biryani, [[2101], [2103, 2104, 2105]])[1]).toBe("Choose at most 2.");
    const ranged = { ...biryani, option_groups: [{ ...addOns!, min_choices: 2 }] };
    expect(groupProblems(ranged, [[2103]])[0]).toBe("Choose at least 2.");
    expect(groupProblems(biryani, [[2101], [2106]])[1]).toBe("Boiled egg is sold out. Choose another.");
  });

  test("a dish without groups is complete as it is", () => {
    const plain = dish(1, "Dosa");
    expect(isComplete(plain, emptyChoice(plain))).toBe(true);
    expect(chosenIds(plain, emptyChoice(plain))).toEqual([]);
  });
});

describe("the price", () => {
  test("the dish's price and every chosen option's delta", () => {
    expect(unitPrice(biryani, emptyChoice(biryani))).toBe(21_500);
    expect(unitPrice(biryani, pick(biryani, [0, 2101]))).toBe(21_500);
    expect(unitPrice(biryani, pick(biryani, [0, 2102], [1, 2103], [1, 2104]))).toBe(21_500 + 15_000 + 3_000 + 3_500);
  });

  test("the ids sent are in menu order, whatever order they were picked in", () => {
    expect(chosenIds(biryani, pick(biryani, [1, 2104], [0, 2102], [1, 2103]))).toEqual([2102, 2103, 2104]);
  });

  test("delta texts", () => {
    expect(deltaText(0)).toBe("");
    expect(deltaText(3_000)).toBe("+ ₹30.00");
    expect(deltaText(-500)).toBe("− ₹5.00");
  });
});

describe("names", () => {
  test("a line's name carries its options", () => {
    expect(lineName({ food_name: "Dosa", options: [] })).toBe("Dosa");
    expect(
      lineName({
        food_name: "Veg Dum Biryani",
        options: [
          { option_id: 2102, option_name: "Full", price_delta: 15_000 },
          { option_id: 2103, option_name: "Extra raita", price_delta: 3_000 },
        ],
      }),
    ).toBe("Veg Dum Biryani (Full, Extra raita)");
  });

  test("the group an API refusal names by its group_name", () => {
    expect(groupNamed(biryani, "Portion")).toBe(0);
    expect(groupNamed(biryani, "Add-ons")).toBe(1);
    expect(groupNamed(biryani, "Toppings")).toBeNull(); // not this dish's
    expect(groupNamed(biryani, undefined)).toBeNull(); // about no single group
  });
});
