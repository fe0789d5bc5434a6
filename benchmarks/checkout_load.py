"""Checkouts against a running stack, from a pool of customers: the driver of
``benchmarks.stack_load``, usable on its own against any stack URL.

    python -m benchmarks.checkout_load --url http://127.0.0.1:8080 \
        [--concurrency 1,2,4,8,16,32] [--seconds 8] [--json out.json] [--label before]

A checkout is what a customer does after browsing: ``PUT /cart/items/{food_id}``,
``POST /orders`` by card, ``POST /orders/{id}/payment``. Each of N customers (signed up
with an address before timing) runs checkouts back to back for ``--seconds``; every
request goes to 127.0.0.1 only, each worker is bounded in count and time. Reported per
concurrency: completed checkouts per second, p50 / p99 latency of a whole checkout, and
errors (any non-2xx answer or transport error).
"""

from __future__ import annotations

import argparse
import json
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from services.api.schemas.catalog import plainly_orderable

CARD = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2031, "cvc": "123"}
MAX_CHECKOUTS_PER_WORKER = 5_000
_phones = iter(range(int(uuid.uuid4().int % 10**7), 10**9))


@dataclass
class Level:
    """One concurrency level's result."""

    concurrency: int
    checkouts: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    first_error: str = ""

    @property
    def rate(self) -> float:
        return self.checkouts / self.seconds if self.seconds else 0.0


class Shopper:
    """A signed-up customer with an address, on its own HTTP client."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, timeout=30.0)
        n = next(_phones)
        body: dict[str, Any] = {
            "user_name": "Load Tester",
            "email": f"load-{uuid.uuid4().hex[:12]}@example.com",
            "phone": f"9{n:09d}"[:10],
            "password": "a long load-test password",
            "bearer": True,
        }
        signed = self._signup(body)
        if signed.status_code == 422 and "bearer" in signed.text:  # an API from before it
            del body["bearer"]
            signed = self._signup(body)
        signed.raise_for_status()
        self.client.cookies.clear()
        self.client.headers["Authorization"] = f"Bearer {signed.json()['token']}"
        city = self.client.get("/api/v1/cities").json()["cities"][0]
        address = self.client.post(
            "/api/v1/addresses",
            json={"label": "Home", "line1": "1 Load Street", "city_name": city["city_name"],
                  "pincode": city["pincode"]},
        )  # fmt: skip
        address.raise_for_status()
        self.pincode = city["pincode"]
        self.address_id = int(address.json()["address_id"])

    def _signup(self, body: dict[str, Any]) -> httpx.Response:
        """Sign up, waiting out the edge's per-IP limit on /auth/ (429) a bounded time."""
        for _ in range(60):
            signed = self.client.post("/api/v1/auth/signup", json=body)
            if signed.status_code != 429:
                return signed
            time.sleep(float(signed.headers.get("Retry-After", "1")))
        return signed

    def dish(self) -> int:
        found = self.client.get(f"/api/v1/cities/{self.pincode}/restaurants").json()
        menu = self.client.get(f"/api/v1/restaurants/{found['restaurants'][0]['restaurant_id']}")
        return int(next(i["food_id"] for i in menu.json()["menu"] if plainly_orderable(i)))

    def checkout(self, food_id: int) -> None:
        """One checkout; raises RuntimeError naming the step that did not answer 2xx."""
        steps: list[tuple[str, httpx.Response]] = []
        cart = self.client.put(f"/api/v1/cart/items/{food_id}", json={"quantity": 1})
        steps.append(("cart", cart))
        if cart.is_success:
            placed = self.client.post(
                "/api/v1/orders",
                json={"address_id": self.address_id, "payment_mode": "CARD"},
                headers={"Idempotency-Key": str(uuid.uuid4())},
            )
            steps.append(("order", placed))
            if placed.is_success:
                paid = self.client.post(
                    f"/api/v1/orders/{placed.json()['order_id']}/payment",
                    json={"payment_mode": "CARD", "card": CARD},
                    headers={"Idempotency-Key": str(uuid.uuid4())},
                )
                steps.append(("pay", paid))
        name, last = steps[-1]
        if not last.is_success or len(steps) < 3:
            raise RuntimeError(f"{name} {last.status_code} {last.text[:120]}")

    def close(self) -> None:
        self.client.close()


def _percentile(ordered: list[float], fraction: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def run_level(shoppers: list[Shopper], food_id: int, seconds: float) -> Level:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def work(shopper: Shopper) -> None:
        for _ in range(MAX_CHECKOUTS_PER_WORKER):
            if time.monotonic() >= stop_at:
                return
            began = time.perf_counter()
            try:
                shopper.checkout(food_id)
            except (httpx.HTTPError, RuntimeError) as error:
                with lock:
                    errors.append(str(error))
                continue
            with lock:
                latencies.append((time.perf_counter() - began) * 1000)

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(shoppers)) as pool:
        list(pool.map(work, shoppers))
    elapsed = time.monotonic() - began
    latencies.sort()
    return Level(
        concurrency=len(shoppers),
        checkouts=len(latencies),
        seconds=elapsed,
        p50_ms=_percentile(latencies, 0.50),
        p99_ms=_percentile(latencies, 0.99),
        errors=len(errors),
        first_error=errors[0] if errors else "",
    )


def sweep(url: str, levels: list[int], seconds: float) -> list[Level]:
    """Every level in turn on the same customers (the first ``n`` of them)."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        shoppers = list(pool.map(lambda _: Shopper(url), range(max(levels))))
    try:
        food_id = shoppers[0].dish()
        run_level(shoppers[:2], food_id, min(2.0, seconds))  # warm up connections, caches
        return [run_level(shoppers[:n], food_id, seconds) for n in levels]
    finally:
        for shopper in shoppers:
            shopper.close()


def table(levels: list[Level]) -> str:
    rows = [
        "| customers | checkouts/s | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|",
    ]
    rows += [
        f"| {lv.concurrency} | {lv.rate:.1f} | {lv.p50_ms:.0f} | {lv.p99_ms:.0f} | {lv.errors} |"
        for lv in levels
    ]
    rows += [f"- at {lv.concurrency}: {lv.first_error}" for lv in levels if lv.first_error]
    return "\n".join(rows)


def save(path: Path, label: str, levels: list[Level], extra: dict[str, Any]) -> None:
    """Add this run to ``path`` (a JSON list of runs), keyed by ``label``."""
    runs = json.loads(path.read_text()) if path.exists() else []
    runs = [r for r in runs if r["label"] != label]
    runs.append({"label": label, **extra, "levels": [asdict(lv) for lv in levels]})
    path.write_text(json.dumps(runs, indent=2) + "\n")


def plot(runs_path: Path, out: Path) -> None:
    """Throughput and p99 against concurrency, one line per run in ``runs_path``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = json.loads(runs_path.read_text())
    figure, (rate_axis, p99_axis) = plt.subplots(1, 2, figsize=(11, 4.2))
    for run in runs:
        levels = run["levels"]
        xs = [lv["concurrency"] for lv in levels]
        rate_axis.plot(xs, [lv["checkouts"] / lv["seconds"] for lv in levels], "o-",
                       label=run["label"])  # fmt: skip
        p99_axis.plot(xs, [lv["p99_ms"] for lv in levels], "o-", label=run["label"])
    for axis, title, unit in (
        (rate_axis, "throughput", "checkouts/s"),
        (p99_axis, "p99 latency of a checkout", "ms"),
    ):
        axis.set_xscale("log", base=2)
        axis.set_xlabel("concurrent customers")
        axis.set_ylabel(unit)
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(fontsize=8)
    p99_axis.set_yscale("log")
    figure.suptitle("Checkout (cart + order + card payment) through Traefik, one 2-core machine")
    figure.tight_layout()
    figure.savefig(out, dpi=110)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the stack's web entry (127.0.0.1 only)")
    parser.add_argument("--concurrency", default="1,2,4,8,16,32")
    parser.add_argument("--seconds", type=float, default=8.0, help="per level")
    parser.add_argument("--json", type=Path, help="add the run to this JSON file")
    parser.add_argument("--label", default="run")
    parser.add_argument("--plot", type=Path, help="draw every run of --json to this PNG")
    args = parser.parse_args(argv)
    if httpx.URL(args.url).host not in ("127.0.0.1", "localhost"):
        parser.error("load goes to 127.0.0.1 only")
    levels = sweep(args.url, [int(n) for n in args.concurrency.split(",")], args.seconds)
    print(f"load average after: {Path('/proc/loadavg').read_text().strip()}")
    print(table(levels))
    if args.json:
        save(args.json, args.label, levels, {"url": args.url})
        if args.plot:
            plot(args.json, args.plot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
