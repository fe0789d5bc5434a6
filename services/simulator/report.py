"""``--report DIR``: an HTML page with PNG plots beside it (matplotlib, Agg backend).

The page references the images by relative path and embeds nothing else, so the
directory can be zipped, attached to an issue or opened from a CI artifact as is.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from services.simulator.audit import AuditReport
from services.simulator.summary import Summary


@dataclass
class Timeline:
    """Event times in seconds since the run began (simulated in memory mode)."""

    placed: Sequence[float]
    confirmed: Sequence[float]
    latencies_s: Sequence[float] = ()  # live only
    markers: list[tuple[float, str]] = field(default_factory=list)  # e.g. a replica killed
    clock: str = "simulated"  # or "wall"


def write_report(directory: Path, summary: Summary, audit: AuditReport, timeline: Timeline) -> Path:
    """Write index.html, the PNGs and summary.json into ``directory``; return the page."""
    import matplotlib  # heavy: imported only when a report is asked for

    matplotlib.use("Agg")
    directory.mkdir(parents=True, exist_ok=True)
    images: list[tuple[str, str]] = []
    images.append((_orders_per_second(directory, timeline), "Orders per second"))
    if timeline.latencies_s:
        images.append((_latency_histogram(directory, timeline.latencies_s), "Request latency"))
    images.append(
        (
            _bars(directory, "order_status.png", summary.order_statuses, "Orders by final status"),
            "Order status",
        )
    )
    images.append(
        (
            _bars(
                directory,
                "payment_outcomes.png",
                summary.payment_outcomes,
                "Payment attempts by outcome",
            ),
            "Payment outcomes",
        )
    )
    (directory / "summary.json").write_text(
        json.dumps({"summary": summary.as_dict(), "audit": audit_dict(audit)}, indent=2) + "\n"
    )
    page = directory / "index.html"
    page.write_text(_page(summary, audit, images), encoding="utf-8")
    return page


def _orders_per_second(directory: Path, timeline: Timeline) -> str:
    import matplotlib.pyplot as plt

    name = "orders_per_second.png"
    fig, ax = plt.subplots(figsize=(9, 4))
    span = max([*timeline.placed, *timeline.confirmed, 1.0])
    # About 200 bins whatever the span, each a whole number of seconds, so the curve
    # reads as a rate (events per second) and not as a count per bin.
    width = max(1.0, round(span / 200))
    bins = [i * width for i in range(int(span / width) + 2)]
    for times, label in ((timeline.placed, "placed"), (timeline.confirmed, "confirmed")):
        if times:
            counts, edges = _histogram(times, bins)
            ax.plot(edges[:-1], [c / width for c in counts], label=label, drawstyle="steps-post")
    for at, label in timeline.markers:
        ax.axvline(at, color="red", linestyle="--")
        ax.annotate(label, (at, ax.get_ylim()[1] * 0.9), color="red", fontsize=8)
    ax.set_xlabel(f"{timeline.clock} time since start (s)")
    ax.set_ylabel("orders per second")
    ax.set_title(f"Orders per second ({width:g} s bins)")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(directory / name, dpi=100)
    plt.close(fig)
    return name


def _histogram(times: Sequence[float], bins: list[float]) -> tuple[list[int], list[float]]:
    width = bins[1] - bins[0]
    counts = [0] * (len(bins) - 1)
    for t in times:
        counts[min(int(t / width), len(counts) - 1)] += 1
    return counts, bins


def _latency_histogram(directory: Path, latencies_s: Sequence[float]) -> str:
    import matplotlib.pyplot as plt

    name = "latency.png"
    ms = [s * 1000 for s in latencies_s]
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.hist(ms, bins=60, color="tab:blue")
    ax.set_yscale("log")
    ax.set_xlabel("latency (ms)")
    ax.set_ylabel("requests")
    ordered = sorted(ms)
    for q, style in ((0.5, ":"), (0.99, "--")):
        value = ordered[min(len(ordered) - 1, int(q * len(ordered)))]
        ax.axvline(value, color="black", linestyle=style, label=f"p{int(q * 100)} {value:.1f} ms")
    ax.legend()
    ax.set_title(f"Request latency ({len(ms):,} requests)")
    fig.tight_layout()
    fig.savefig(directory / name, dpi=100)
    plt.close(fig)
    return name


def _bars(directory: Path, name: str, counts: dict[str, int], title: str) -> str:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4))
    labels = list(counts) or ["(none)"]
    values = list(counts.values()) or [0]
    bars = ax.barh(labels, values, color="tab:green")
    ax.bar_label(bars, labels=[f"{v:,}" for v in values], padding=3, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("count")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(directory / name, dpi=100)
    plt.close(fig)
    return name


def audit_dict(audit: AuditReport) -> dict[str, object]:
    return {
        "ok": audit.ok,
        "invariants": {
            f.name: {"checked": f.checked, "violations": f.violations, "examples": f.examples}
            for f in audit.findings.values()
        },
    }


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; }
td, th { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #17702a; } .bad { color: #b00020; font-weight: bold; } .skip { color: #8a6d00; }
img { max-width: 100%; border: 1px solid #eee; margin: .5rem 0 1.5rem; }
"""


def _page(summary: Summary, audit: AuditReport, images: list[tuple[str, str]]) -> str:
    e = html.escape
    rows = []
    for key, value in summary.as_dict().items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
        elif isinstance(value, float):
            value = f"{value:,.2f}"
        elif isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:,}"
        rows.append(f"<tr><th>{e(key)}</th><td class=n>{e(str(value))}</td></tr>")
    findings = []
    for f in audit.findings.values():
        if not f.checked:
            mark = "<span class=skip>not checked in this mode</span>"
        elif f.ok:
            mark = "<span class=ok>passed</span>"
        else:
            mark = f"<span class=bad>{f.violations:,} violation(s)</span>"
        examples = "".join(f"<li><code>{e(x)}</code></li>" for x in f.examples)
        findings.append(
            f"<tr><th>{e(f.name)}</th><td>{mark}</td><td>{e(f.description)}"
            f"{f'<ul>{examples}</ul>' if examples else ''}</td></tr>"
        )
    verdict = "<span class=ok>passed</span>" if audit.ok else "<span class=bad>FAILED</span>"
    figures = "".join(
        f'<h2>{e(title)}</h2><img src="{e(src)}" alt="{e(title)}">' for src, title in images
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>food-sim report — {e(summary.mode)}, seed {summary.seed}</title>
<style>{_STYLE}</style></head>
<body>
<h1>food-sim report</h1>
<p>{e(summary.mode)} mode, {summary.customers:,} customers, seed {summary.seed}.
Audit: {verdict}.</p>
<h2>Audit</h2>
<table>{"".join(findings)}</table>
<h2>Summary</h2>
<table>{"".join(rows)}</table>
{figures}
</body></html>
"""
