import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { seriousFindings } from "../test/axe";
import { fakeFetch, json, problem } from "../test/fetch";
import { riderJobOf, riderUser } from "../test/fixtures";
import { renderApp } from "../test/render";

afterEach(() => vi.unstubAllGlobals());

const me = { "GET /api/v1/me": json(riderUser) };

function job() {
  return screen.getByRole("article", { name: "Order #501" });
}

describe("the rider's view", () => {
  test("no job: the rider is told so, and the job is asked for again every few seconds", async () => {
    const fake = fakeFetch({ ...me, "GET /api/v1/rider/job": [json(riderJobOf(null)), json(riderJobOf({}))] });
    renderApp("/rider");
    expect(await screen.findByText("No job — waiting for an order")).toBeInTheDocument();
    expect(screen.getByText("Signed in as Ravi Kumar")).toBeInTheDocument();
    expect(await seriousFindings()).toEqual([]);
    // The next poll brings an order.
    expect(await screen.findByRole("article", { name: "Order #501" }, { timeout: 6_000 })).toBeInTheDocument();
    expect(fake.calls("GET /api/v1/rider/job").length).toBeGreaterThanOrEqual(2);
  }, 10_000);

  test("a job: restaurant, drop address, items and ETA; Picked up before the food is ready shows the API's reason", async () => {
    const eta = new Date(Date.now() + 25 * 60_000).toISOString();
    const fake = fakeFetch({
      ...me,
      "GET /api/v1/rider/job": json(riderJobOf({ eta })),
      "POST /api/v1/rider/orders/501/picked-up": [
        problem(409, "food_not_ready", { detail: "the kitchen has not marked order 501 ready" }),
        json(riderJobOf({ eta, delivery_status: "PICKED_UP", order_status: "OUT_FOR_DELIVERY" })),
      ],
    });
    const app = renderApp("/rider");
    await screen.findByRole("article", { name: "Order #501" });
    expect(job()).toHaveTextContent("Pick up fromDosa Corner");
    expect(within(job()).getByTestId("rider-drop")).toHaveTextContent("Home: 1 MG Road");
    expect(within(job()).getByTestId("rider-items")).toHaveTextContent("2 × Masala Dosa");
    expect(within(job()).getByTestId("rider-eta")).toHaveTextContent(/\(in 2[45] min\)/);
    expect(job()).toHaveTextContent("Paid online: nothing to collect");
    expect(within(job()).getByTestId("rider-ready")).toHaveTextContent("The kitchen is still preparing it.");
    expect(await seriousFindings()).toEqual([]);

    await app.user.click(within(job()).getByRole("button", { name: "Picked up" }));
    expect(await within(job()).findByRole("alert")).toHaveTextContent("The kitchen has not marked order 501 ready.");
    await app.user.click(within(job()).getByRole("button", { name: "Picked up" }));
    expect(await within(job()).findByRole("button", { name: "Delivered" })).toBeInTheDocument();
    expect(fake.calls("POST /api/v1/rider/orders/501/picked-up")).toHaveLength(2);
  });

  test("a cash order is delivered only once the cash is confirmed, and sends cash_collected", async () => {
    const fake = fakeFetch({
      ...me,
      "GET /api/v1/rider/job": json(riderJobOf({ delivery_status: "PICKED_UP", order_status: "OUT_FOR_DELIVERY", cash_to_collect: 26_880 })),
      "POST /api/v1/rider/orders/501/delivered": json(riderJobOf(null)),
    });
    const app = renderApp("/rider");
    await screen.findByRole("article", { name: "Order #501" });
    expect(job()).toHaveTextContent("Cash on delivery: collect ₹268.80");
    await app.user.click(within(job()).getByRole("button", { name: "Delivered" }));
    expect(within(job()).getByText("Confirm that you collected the cash first.")).toBeInTheDocument();
    expect(fake.calls("POST /api/v1/rider/orders/501/delivered")).toHaveLength(0);

    await app.user.click(within(job()).getByRole("checkbox", { name: /Cash collected/ }));
    await app.user.click(within(job()).getByRole("button", { name: "Delivered" }));
    expect(await screen.findByText("Order #501 delivered. Thank you!")).toBeInTheDocument();
    expect(screen.getByText("No job — waiting for an order")).toBeInTheDocument();
    expect(fake.calls("POST /api/v1/rider/orders/501/delivered")[0]!.body).toEqual({ cash_collected: true });
  });

  test("a paid order is delivered without a cash confirmation (cash_collected false)", async () => {
    const fake = fakeFetch({
      ...me,
      "GET /api/v1/rider/job": json(riderJobOf({ delivery_status: "PICKED_UP", order_status: "OUT_FOR_DELIVERY" })),
      "POST /api/v1/rider/orders/501/delivered": json(riderJobOf(null)),
    });
    const app = renderApp("/rider");
    await screen.findByRole("article", { name: "Order #501" });
    expect(within(job()).queryByRole("checkbox")).toBeNull();
    await app.user.click(within(job()).getByRole("button", { name: "Delivered" }));
    await waitFor(() => expect(fake.calls("POST /api/v1/rider/orders/501/delivered")).toHaveLength(1));
    expect(fake.calls("POST /api/v1/rider/orders/501/delivered")[0]!.body).toEqual({ cash_collected: false });
  });
});
