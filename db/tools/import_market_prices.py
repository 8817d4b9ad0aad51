#!/usr/bin/env python3
"""Copy the GPU market price table into db/source/gpu_market_prices.csv, linked to the GPU model
table (gpu_chips.csv) by model name.

Developer tool; not run by the build or by CI. Standard library only (Python 3.11).

    python3 db/tools/import_market_prices.py [--input /work/shared/data/gpu-market-prices/prices.csv]
                                             [--out db/source]

Every figure is copied as it is (no averaging here; how the app picks one price per GPU and
condition is described in db/source/gpu_market_prices.md). The dataset's GPU names are mapped to
gpu_chips.csv models by MODEL_FOR below; a row whose GPU has no model row in gpu_chips.csv is left
out and listed on stderr. A row without a price, a month (YYYY-MM) or a source URL stops the tool.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

# Dataset name -> gpu_chips.csv model, where the two differ by more than the "GeForce " prefix.
MODEL_FOR = {
    "Tesla P100": "Tesla P100 16GB PCIe",        # the dataset's new rows name the PCIe 16GB listing
    "Tesla V100 16GB": "Tesla V100 PCIe 16GB",
    # The quoted $8,000-9,200 street range sits next to the $8,565 launch MSRP of the Workstation Edition.
    "RTX PRO 6000 Blackwell": "RTX PRO 6000 Blackwell Workstation Edition",
}
# GPUs the dataset has but gpu_chips.csv does not (yet): their rows are left out.
NO_MODEL_ROW = {"Tesla V100 32GB"}

COLUMNS = ["model", "condition", "price_usd", "price_low", "price_high", "month", "region",
           "source_url", "source_title", "note", "dataset_gpu"]


def model_for(name: str, models: set[str]) -> str | None:
    if name in MODEL_FOR:
        return MODEL_FOR[name]
    for candidate in (name, "GeForce " + name):
        if candidate in models:
            return candidate
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default="/work/shared/data/gpu-market-prices/prices.csv")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "source"))
    args = parser.parse_args()
    out_dir = Path(args.out)
    with open(out_dir / "gpu_chips.csv", newline="", encoding="utf-8") as f:
        models = {row["model"] for row in csv.DictReader(f)}
    rows = []
    skipped: dict[str, int] = {}
    with open(args.input, newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            for key in ("gpu", "condition", "price_usd", "month", "source_url", "source_title"):
                if not row.get(key, "").strip():
                    sys.exit(f"{args.input}:{n}: empty {key}")
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", row["month"]):
                sys.exit(f"{args.input}:{n}: month {row['month']!r} is not YYYY-MM")
            if row["condition"] not in ("new", "used"):
                sys.exit(f"{args.input}:{n}: condition {row['condition']!r}")
            if row["region"] != "US":
                sys.exit(f"{args.input}:{n}: region {row['region']!r}; only US (USD) rows are taken")
            model = model_for(row["gpu"], models)
            if model is None or row["gpu"] in NO_MODEL_ROW:
                skipped[row["gpu"]] = skipped.get(row["gpu"], 0) + 1
                continue
            if model not in models:
                sys.exit(f"{args.input}:{n}: mapped model {model!r} is not in gpu_chips.csv")
            rows.append({"model": model, "condition": row["condition"], "price_usd": row["price_usd"],
                         "price_low": row["price_low"], "price_high": row["price_high"], "month": row["month"],
                         "region": row["region"], "source_url": row["source_url"],
                         "source_title": row["source_title"], "note": row["note"], "dataset_gpu": row["gpu"]})
    rows.sort(key=lambda r: (r["model"], r["condition"], r["month"], float(r["price_usd"]), r["source_url"]))
    with open(out_dir / "gpu_market_prices.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    for name, count in sorted(skipped.items()):
        print(f"left out {count} row(s) for {name}: no model row in gpu_chips.csv", file=sys.stderr)
    print(f"wrote {len(rows)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
