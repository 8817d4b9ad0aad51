#!/usr/bin/env python3
"""Trim the raw third-party part data into the compact catalog source files in db/source/.

Developer tool; not run by the build or by CI. Standard library only (Python 3.11).

    python3 db/tools/trim_catalog_source.py [--shared /work/shared/data] [--out db/source]

Input (see <shared>/README.md and the SOURCE.md files next to the data):
  <shared>/opendb/*.jsonl            BuildCores OpenDB (ODC-By 1.0) - the parts and their specs
  <shared>/pc-part-dataset/*.csv     PCPartPicker scrape, July 2025 (MIT) - US prices only

Output: one JSON Lines file per category (cpu, motherboard, memory, gpu, psu, case, cooler,
storage), sorted by id, compact, UTF-8. Every object has exactly the keys listed in FIELDS.
Unknown values are null, never 0 (OpenDB writes "unknown" as missing / null / 0 / "" / []).

Price matching (price_usd) is deliberately conservative: a price row is used only when, after
name normalisation (see norm()), it names exactly one OpenDB part of the category whose specs
agree with the row's spec columns, and all price rows landing on that part agree on the price.
Better no price than a wrong price.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

COMMON = ["id", "name", "manufacturer", "release_year", "price_usd"]
FIELDS = {
    "cpu": COMMON + ["socket", "microarchitecture", "cores", "threads", "boost_ghz", "tdp_w", "ppt_w",
                     "memory_types", "max_memory_gb", "memory_channels", "pcie_lanes", "integrated_graphics"],
    "motherboard": COMMON + ["socket", "form_factor", "chipset", "memory_type", "memory_slots", "max_memory_gb",
                             "pcie_x16_slots", "x8x8_bifurcation", "m2_slots"],
    "memory": COMMON + ["memory_type", "form_factor", "modules", "module_gb", "speed_mts", "cas_latency", "ecc",
                        "registered"],
    "gpu": COMMON + ["chipset", "vendor", "vram_gb", "memory_type", "tdp_w", "length_mm", "slot_width", "pcie_6pin",
                     "pcie_8pin", "pcie_12vhpwr", "cooling", "interface"],
    "psu": COMMON + ["wattage_w", "form_factor", "efficiency", "modular", "atx3", "pcie_8pin", "pcie_12vhpwr",
                     "eps_8pin"],
    "case": COMMON + ["form_factor", "motherboard_form_factors", "max_gpu_length_mm", "max_cooler_height_mm",
                      "expansion_slots", "volume_l"],
    "cooler": COMMON + ["sockets", "height_mm", "water_cooled", "radiator_mm", "noise_db"],
    "storage": COMMON + ["capacity_gb", "nvme", "interface", "form_factor", "storage_type"],
}
OPENDB_FILE = {"cpu": "CPU", "motherboard": "Motherboard", "memory": "RAM", "gpu": "GPU", "psu": "PSU",
               "case": "PCCase", "cooler": "CPUCooler", "storage": "Storage"}
PRICE_FILE = {"cpu": "cpu", "motherboard": "motherboard", "memory": "memory", "gpu": "video-card",
              "psu": "power-supply", "case": "case", "cooler": "cpu-cooler", "storage": "internal-hard-drive"}

# ---------------------------------------------------------------------------------------------
# CPU PCIe lanes usable by slots + M.2 (CPU lanes only; the chipset link (AMD PCIe x4/x8 uplink,
# Intel DMI) is excluded). Sources: AMD product pages "Native PCIe Lanes (Total/Usable)"
# (e.g. Ryzen 9 7950X 28/24, Ryzen 7 5800X 24/20, Ryzen 7 8700G 20/16, Ryzen 5 8500G 14/10,
# Threadripper 7960X 92/88) and Intel ARK "Max # of PCI Express Lanes" (Alder/Raptor Lake-S 20 =
# 16 Gen5 + 4 Gen4; Arrow Lake-S 24 = 20 Gen5 + 4 Gen4; Rocket Lake-S 20; Comet Lake-S 16;
# Skylake..Coffee Lake-S 16; Kaby Lake-X 16; i7-7800X/7820X 28; other Skylake-X 44;
# Cascade Lake-X 48; Haswell-E/Broadwell-E 40 except i7-5820K/6800K 28; Sandy/Ivy Bridge-E 40).
# Where a socket spans CPUs with different counts and the CPU cannot be told apart, the lower
# count is written. Sockets whose PCIe lanes hang off the chipset/northbridge (AM3+, FM2,
# G34, ...) or that we do not model get null.
SOCKET_PCIE_LANES = {
    "AM5": 24,        # Raphael / Granite Ridge 28 total - 4 chipset; Phoenix APUs lower (see below)
    "AM4": 20,        # Zen..Zen 3 CPUs 24 total - 4 chipset; APUs lower (see below)
    "LGA 1851": 24,   # Arrow Lake-S: 20 PCIe 5.0 + 4 PCIe 4.0, DMI separate
    "LGA 1700": 20,   # Alder / Raptor Lake-S: 16 PCIe 5.0 + 4 PCIe 4.0, DMI separate
    "LGA 1200": 16,   # Comet Lake 16 (Rocket Lake 20, see below)
    "LGA 1151": 16,
    "LGA 1150": 16,
    "LGA 1155": 16,   # Sandy Bridge 16 x PCIe 2.0, Ivy Bridge 16 x PCIe 3.0
    "LGA 2066": 44,   # refined per CPU below
    "LGA 2011-3": 40,  # refined per CPU below
    "LGA 2011": 40,
    "sTRX4": 64,      # Threadripper 3000 (TRX40): 64 usable, the x8 chipset link is extra
    "sTR4": 60,       # Threadripper 1000/2000 (X399): 64 total - 4 chipset
    "TR4": 60,
    "sTR5": 88,       # Threadripper 7000/9000 on TRX50: 92 total / 88 usable (48 of them PCIe 5.0);
                      # PRO parts get 128+ only on WRX90, so the socket-level lower bound is 88
}


def cpu_pcie_lanes(p: dict) -> int | None:
    sock = p.get("socket")
    lanes = SOCKET_PCIE_LANES.get(sock)
    if lanes is None:
        return None
    name = (p.get("metadata") or {}).get("name") or ""
    arch = (p.get("microarchitecture") or "").lower()
    igpu = ((p.get("specifications") or {}).get("integratedGraphics") or {}).get("model")
    has_igpu = bool(igpu) and igpu != "None"
    if sock == "AM5":
        m = re.search(r"Ryzen [3579] (8\d)00G", name)
        if m:  # Phoenix (8600G/8700G) 20/16, Phoenix 2 (8300G/8500G) 14/10
            return 10 if m.group(1) in ("83", "85") else 16
    if sock == "AM4" and has_igpu:
        if "excavator" in arch:
            return 8   # Bristol Ridge A-series / Athlon: x8 graphics
        if arch in ("zen", "zen+"):
            return 12  # Raven Ridge / Picasso APUs: x8 graphics + x4 NVMe
        return 16      # Renoir / Cezanne APUs (PCIe 3.0): conservative lower value
    if sock == "LGA 1200" and "rocket" in arch:
        return 20
    if sock == "LGA 2066":
        if re.search(r"\b7[67]40X", name) or "kaby" in arch:
            return 16
        if re.search(r"\b78[02]0X", name):
            return 28
        if "cascade" in arch or re.search(r"\b109\d0XE?\b|\b10980XE", name):
            return 48
        return 44
    if sock == "LGA 2011-3" and re.search(r"\b(5820K|6800K)\b", name):
        return 28
    return lanes


# ---------------------------------------------------------------------------------------------
# Value helpers

def pos(v):
    """A measurement: null when missing, non-numeric or <= 0 (OpenDB writes unknown as 0)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    if v <= 0:
        return None
    return int(v) if float(v).is_integer() else v


def count(v):
    """A count where 0 is a real value; null when missing / non-numeric / negative."""
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
        return None
    return int(v) if float(v).is_integer() else v


def text(v):
    if not isinstance(v, str):
        return None
    v = " ".join(v.split())
    return v or None


def boolean(v):
    return v if isinstance(v, bool) else None


def year(v):
    if isinstance(v, int) and not isinstance(v, bool) and 1980 <= v <= 2035:
        return v
    return None  # typos such as 20117 or 0 in the source


def common(p: dict) -> dict:
    md = p.get("metadata") or {}
    return {"id": p["opendb_id"], "name": text(md.get("name")), "manufacturer": text(md.get("manufacturer")),
            "release_year": year(md.get("releaseYear")), "price_usd": None}


# ---------------------------------------------------------------------------------------------
# Per-category trimming

def trim_cpu(p):
    o = common(p)
    spec = p.get("specifications") or {}
    mem = spec.get("memory") or {}
    cores = p.get("cores") or {}
    boost = ((p.get("clocks") or {}).get("performance") or {}).get("boost")
    igpu = (spec.get("integratedGraphics") or {}).get("model")
    types = [t for t in (mem.get("types") or []) if isinstance(t, str) and t.strip()]
    o.update(socket=text(p.get("socket")), microarchitecture=text(p.get("microarchitecture")),
             cores=pos(cores.get("total")), threads=pos(cores.get("threads")), boost_ghz=pos(boost),
             tdp_w=pos(spec.get("tdp")), ppt_w=pos(spec.get("ppt")), memory_types=sorted(set(types)),
             max_memory_gb=pos(mem.get("maxSupport")), memory_channels=pos(mem.get("channels")),
             pcie_lanes=cpu_pcie_lanes(p),
             integrated_graphics=(None if not isinstance(igpu, str) or not igpu.strip()
                                  else igpu.strip().lower() != "none"))
    return o


# Chipsets whose platform splits the CPU x16 into x8/x8 for two x16-size slots.
def bifurcation(chipset: str | None, x16: int | None):
    if x16 is None:
        return None
    if x16 < 2:
        return False
    if not chipset:
        return None
    m = re.match(r"^(Intel|AMD)\s+([A-Za-z]+)\d", chipset.strip())
    if not m:
        return None
    vendor, series = m.group(1), m.group(2).upper()
    if vendor == "Intel":
        if series in ("Z", "X", "W", "C"):
            return True
        if series in ("B", "H", "Q"):
            return False
        return None  # P55/P67/G41/NM10 ... cannot tell
    if series in ("X", "TRX", "WRX"):
        return True
    if series in ("B", "A"):
        return False
    return None


def trim_motherboard(p):
    o = common(p)
    mem = p.get("memory") or {}
    slots = p.get("pcie_slots") or []
    x16 = None
    if slots:
        x16 = sum(count(s.get("quantity")) or 0 for s in slots if isinstance(s, dict) and s.get("lanes") == 16)
    m2 = p.get("m2_slots") or []
    m2n = None
    if m2:
        m2n = sum(1 for s in m2 if isinstance(s, dict) and "M" in str(s.get("key") or "").upper())
    chipset = text(p.get("chipset"))
    o.update(socket=text(p.get("socket")), form_factor=text(p.get("form_factor")), chipset=chipset,
             memory_type=text(mem.get("ram_type")), memory_slots=pos(mem.get("slots")),
             max_memory_gb=pos(mem.get("max")), pcie_x16_slots=x16,
             x8x8_bifurcation=bifurcation(chipset, x16), m2_slots=m2n)
    return o


def fill_board_sockets_from_names(boards):
    """A board OpenDB lists without a socket (a stub record: name and form factor only) gets the
    socket its own name states, when the name states exactly one of the sockets other OpenDB boards
    have ("ASRock X370 Killer SLI AM4" -> AM4, "GIGABYTE H310M A LGA1151 DDR4" -> LGA 1151).
    Without it the cpu-socket rule cannot check the board, and the picker used to list it as
    compatible with any CPU. A name that states no socket, or two, leaves it unknown."""
    def key(s):
        return re.sub(r"[^a-z0-9]", "", s.lower())
    sockets = {}
    for o in boards:
        if o["socket"]:
            sockets.setdefault(key(o["socket"]), o["socket"])
    filled = 0
    for o in boards:
        if o["socket"]:
            continue
        words = re.findall(r"[a-z0-9]+", o["name"].lower())
        spans = set(words) | {a + b for a, b in zip(words, words[1:])}
        named = {sockets[k] for k in spans if k in sockets}
        if len(named) == 1:
            o["socket"] = named.pop()
            filled += 1
    return filled


def trim_memory(p):
    o = common(p)
    mods = p.get("modules") or {}
    ecc = {"ECC": True, "Non-ECC": False}.get(text(p.get("ecc")) or "")
    reg = {"Registered": True, "Load Reduced": True, "Unbuffered": False}.get(text(p.get("registered")) or "")
    o.update(memory_type=text(p.get("ram_type")), form_factor=text(p.get("form_factor")),
             modules=pos(mods.get("quantity")), module_gb=pos(mods.get("capacity_gb")),
             speed_mts=pos(p.get("speed")), cas_latency=pos(p.get("cas_latency")), ecc=ecc, registered=reg)
    return o


def gpu_cooling(v):
    v = (v or "").strip().lower()
    if re.match(r"^\d+ fans?$", v):
        return "open"
    if v == "blower":
        return "blower"
    if v in ("passive", "fanless"):
        return "passive"
    if v in ("water cooled", "hybrid"):
        return "water"
    return None


def trim_gpu(p):
    o = common(p)
    vendor = {"nvidia": "nvidia", "amd": "amd", "ati": "amd", "intel": "intel"}.get(
        (p.get("chipset_manufacturer") or "").strip().lower())
    tdp = pos(p.get("tdp"))
    pc = p.get("power_connectors")
    c6 = c8 = c12 = None
    if isinstance(pc, dict):
        vals = [count(pc.get(k)) for k in ("pcie_6_pin", "pcie_8_pin", "pcie_12VHPWR", "pcie_12V_2x6")]
        if any(v for v in vals):
            v6, v8, va, vb = (v or 0 for v in vals)  # the set is recorded: missing keys mean none
            c6, c8, c12 = v6, v8, va + vb
        elif tdp is not None and tdp <= 75 and any(v is not None for v in vals):
            c6, c8, c12 = 0, 0, 0  # slot-powered card: the zeros are real
        # else: all zero on a card that needs (or may need) external power -> not recorded -> null
    sw = p.get("total_slot_width")
    sw = pos(sw) if isinstance(sw, (int, float)) and 0 < sw <= 5 else None
    o.update(chipset=text(p.get("chipset")), vendor=vendor, vram_gb=pos(p.get("memory")),
             memory_type=text(p.get("memory_type")), tdp_w=tdp, length_mm=pos(p.get("length")), slot_width=sw,
             pcie_6pin=c6, pcie_8pin=c8, pcie_12vhpwr=c12, cooling=gpu_cooling(p.get("cooling")),
             interface=text(p.get("interface")))
    return o


ATX3_RE = re.compile(r"atx\s*-?\s*3(\.[01])?\b|pcie\s*-?\s*5(\.[01])?\b|pci-e\s*5", re.I)


def trim_psu(p):
    o = common(p)
    md = p.get("metadata") or {}
    con = p.get("connectors")
    watt = pos(p.get("wattage"))
    pcie = hp = eps = None
    if isinstance(con, dict):
        pcie, hp, eps = (count(con.get(k)) for k in ("pcie_6_plus_2_pin", "pcie_12vhpwr", "eps_8_pin"))
        if all(not count(v) for v in con.values()):
            pcie = hp = eps = None  # nothing recorded at all
        else:
            # OpenDB caveat: pcie_6_plus_2_pin is 0 on many >= 500 W units that surely have PCIe
            # cables (not recorded). A 500 W+ unit with neither 6+2-pin nor 16-pin -> unknown.
            if watt is not None and watt >= 500 and pcie == 0 and not hp:
                pcie = None
            if watt is not None and watt >= 500 and eps == 0:
                eps = None  # same for the CPU EPS 8-pin
    words = " ".join(str(md.get(k) or "") for k in ("name", "series", "variant"))
    atx3 = True if (ATX3_RE.search(words) or (hp or 0) > 0) else None
    eff = text(p.get("efficiency_rating"))
    o.update(wattage_w=watt, form_factor=text(p.get("form_factor")), efficiency=eff,
             modular=text(p.get("modular")), atx3=atx3, pcie_8pin=pcie, pcie_12vhpwr=hp, eps_8pin=eps)
    return o


def trim_case(p):
    o = common(p)
    ffs = [f.strip() for f in (p.get("supported_motherboard_form_factors") or []) if isinstance(f, str) and f.strip()]
    o.update(form_factor=text(p.get("form_factor")), motherboard_form_factors=ffs,
             max_gpu_length_mm=pos(p.get("max_video_card_length")),
             max_cooler_height_mm=pos(p.get("max_cpu_cooler_height")),
             expansion_slots=pos(p.get("expansion_slots")), volume_l=pos(p.get("volume")))
    return o


def trim_cooler(p):
    o = common(p)
    wc = boolean(p.get("water_cooled"))
    socks = [s.strip() for s in (p.get("cpu_sockets") or []) if isinstance(s, str) and s.strip()]
    o.update(sockets=socks, height_mm=None if wc is not False else pos(p.get("height")), water_cooled=wc,
             radiator_mm=pos(p.get("radiator_size")) if wc is not False else None,
             noise_db=pos(p.get("min_noise_level")))
    return o


def trim_storage(p):
    o = common(p)
    o.update(capacity_gb=pos(p.get("capacity")), nvme=boolean(p.get("nvme")), interface=text(p.get("interface")),
             form_factor=text(p.get("form_factor")), storage_type=text(p.get("storage_type") or p.get("type")))
    return o


TRIM = {"cpu": trim_cpu, "motherboard": trim_motherboard, "memory": trim_memory, "gpu": trim_gpu, "psu": trim_psu,
        "case": trim_case, "cooler": trim_cooler, "storage": trim_storage}

# ---------------------------------------------------------------------------------------------
# Price matching

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\ufeff\u2122\u00ae\u00a9"), None)


def norm(s: str) -> str:
    """Normalise a product name for comparison.

    NFKC; drop zero-width / direction marks and (TM) (R) (C); lowercase; "&" -> "and";
    unit tokens glued to their number ("32 GB" -> "32gb", same for tb/mb/w/mm/mhz);
    every other punctuation character becomes a space (so "i9-14900K" == "i9 14900k",
    "Mini-ITX" == "Mini ITX"); whitespace collapsed.
    """
    s = unicodedata.normalize("NFKC", s).translate(INVISIBLE).lower()
    s = re.sub(r"\((tm|r|c)\)", " ", s)
    s = s.replace("&", " and ")
    s = re.sub(r"(\d)\s+(gb|tb|mb|w|mm|mhz)\b", r"\1\2", s)
    s = re.sub(r"[^\w\s]|_", " ", s)
    return " ".join(s.split())


COLORS = {"black", "white", "silver", "gray", "grey", "red", "blue", "gold", "green", "pink", "purple", "orange",
          "yellow", "brown", "rgb", "titanium", "gunmetal", "beige", "clear", "multicolor", "camo", "teal",
          "bronze", "copper"}


def colorset(v) -> frozenset:
    if isinstance(v, list):
        words = " ".join(str(x) for x in v)
    else:
        words = str(v or "").replace("/", " ")
    return frozenset("gray" if w == "grey" else w for w in norm(words).split())


def strip_words(key: str, words) -> str:
    return " ".join(w for w in key.split() if w not in words)


SPEC_CUT = {
    # the OpenDB name is "<product name> <spec tokens...>": cut at the first spec token
    "gpu": None,
    "motherboard": r"\b(e ?atx|xl atx|micro ?atx|mini ?itx|mini dtx|flex atx|ssi e[eb]b|ssi ceb|thin mini itx)\b",
    "memory": r"\b(ddr\d|lpddr\d|\d+gb)\b",
    "psu": r"\b(\d+w|80 (plus|titanium|platinum|gold|silver|bronze|standard|white)|fully modular|semi modular|non modular|atx|sfx)\b",
    "case": r"\b(e ?atx|xl atx|micro ?atx|mini ?itx|atx|htpc|mini tower|mid tower|full tower|super tower|desktop)\b",
    "cooler": r"\b(air|water|liquid|\d+mm|\d+(\.\d+)? cfm|aio)\b",
    "storage": r"\b(\d+(gb|tb)|ssd|hdd|sshd|m 2|nvme|sata|pcie)\b",
    "cpu": r"\b(\d+ \d+ ?ghz|\d+ core|lga ?\d+|am\d)\b",
}


def opendb_keys(cat: str, p: dict) -> set[str]:
    md = p.get("metadata") or {}
    name = norm(md.get("name") or "")
    manu = norm(md.get("manufacturer") or "")
    bases = {name}
    if manu and not name.startswith(manu + " ") and name != manu:
        bases.add(f"{manu} {name}")
    colors = set(colorset(p.get("color")))
    keys = set()
    for b in bases:
        forms = {b}
        if cat == "gpu":
            chip = norm(p.get("chipset") or "")
            g = b.replace(chip, " ") if chip else b
            g = re.sub(r"\b\d+gb\b|\bg?ddr\d\w*\b|\bhbm\d?e?\b", " ", g)
            forms.add(" ".join(g.split()))
        else:
            m = re.search(SPEC_CUT[cat], b)
            if m and m.start() > 0:
                forms.add(b[:m.start()].strip())
        for f in list(forms):
            forms.add(strip_words(f, colors))
        keys |= {f for f in forms if f}
    return keys


def price_keys(cat: str, row: dict) -> set[str]:
    n = norm(row["name"])
    keys = {n}
    if cat == "memory":  # "Corsair Vengeance RGB 32 GB" = product line + kit capacity
        keys.add(re.sub(r"\s*\b\d+gb$", "", n).strip())
    return {k for k in keys if k}


def fnum(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def eqnum(a, b, tol=0.0):
    return a is not None and b is not None and abs(float(a) - float(b)) <= tol


def norm_chip(s: str) -> str:
    s = norm(s)
    return re.sub(r"^(nvidia|amd|ati|intel) ", "", s)


def socket_key(s):
    return re.sub(r"\s+|-", "", (s or "").lower())


def ff_key(s):
    s = norm(s or "").replace("microatx", "micro atx").replace("mini itx", "miniitx")
    return s.replace(" ", "")


def compatible(cat: str, p: dict, r: dict) -> bool:
    """Every spec column the price row carries must agree with the OpenDB part."""
    pc = p.get("color")
    if r.get("color") and pc and colorset(r["color"]) != colorset(pc):
        return False
    if cat == "cpu":
        return eqnum(fnum(r.get("core_count")), (p.get("cores") or {}).get("total"))
    if cat == "gpu":
        a, b = norm_chip(r.get("chipset") or ""), norm_chip(p.get("chipset") or "")
        mem = fnum(r.get("memory"))
        if not a or not eqnum(mem, p.get("memory")):
            return False
        if a != b:
            # "GeForce RTX 3060 12GB" vs "GeForce RTX 3060": only a memory suffix may differ
            a2, b2 = (re.sub(r" \d+gb$", "", x) for x in (a, b))
            if a2 != b2:
                return False
        ln = fnum(r.get("length"))
        if ln is not None and pos(p.get("length")) is not None and not eqnum(ln, p.get("length"), 2):
            return False
        return True
    if cat == "motherboard":
        if socket_key(r.get("socket")) != socket_key(p.get("socket")):
            return False
        if ff_key(r.get("form_factor")) != ff_key(p.get("form_factor")):
            return False
        return eqnum(fnum(r.get("memory_slots")), (p.get("memory") or {}).get("slots"))
    if cat == "memory":
        sp = (r.get("speed") or "").split(",")
        md = (r.get("modules") or "").split(",")
        if len(sp) != 2 or len(md) != 2:
            return False
        mods = p.get("modules") or {}
        if (p.get("ram_type") or "").upper() != f"DDR{sp[0].strip()}" or not eqnum(fnum(sp[1]), p.get("speed")):
            return False
        if not eqnum(fnum(md[0]), mods.get("quantity")) or not eqnum(fnum(md[1]), mods.get("capacity_gb")):
            return False
        cl = fnum(r.get("cas_latency"))
        return cl is None or eqnum(cl, p.get("cas_latency"))
    if cat == "psu":
        if not eqnum(fnum(r.get("wattage")), p.get("wattage")):
            return False
        if r.get("type") and ff_key(r["type"]) != ff_key(p.get("form_factor")):
            return False
        eff = (r.get("efficiency") or "").strip().lower()
        peff = (p.get("efficiency_rating") or "").lower()
        if eff:
            want = {"plus": ("80+", "80+ standard", "80+ white")}.get(eff, (f"80+ {eff}",))
            if peff not in want:
                return False
        mod = (r.get("modular") or "").strip().lower()
        pmod = (p.get("modular") or "").lower()
        want = {"full": "full", "full / side": "full", "semi": "semi-modular", "false": "non-modular"}.get(mod)
        if want and pmod != want:
            return False
        return True
    if cat == "case":
        t = norm(r.get("type") or "").replace("microatx", "micro atx")
        if t and t != norm(p.get("form_factor") or ""):
            return False
        sp = (r.get("side_panel") or "").strip().lower()
        if sp and p.get("side_panel") and sp != p["side_panel"].strip().lower():
            return False
        psu = fnum(r.get("psu"))
        ppsu = p.get("power_supply")
        bundled = isinstance(ppsu, str) and re.search(r"\d+\s*w", ppsu.lower()) is not None
        if psu is None and bundled:
            return False
        if psu is not None and not (bundled and str(int(psu)) in ppsu):
            return False
        return True
    if cat == "cooler":
        size = fnum(r.get("size"))
        wc = p.get("water_cooled")
        if size is None:
            return wc is False
        return wc is True and eqnum(size, p.get("radiator_size"))
    if cat == "storage":
        if not eqnum(fnum(r.get("capacity")), p.get("capacity")):
            return False
        t = (r.get("type") or "").strip().upper()
        st = (p.get("storage_type") or p.get("type") or "").upper()
        if t == "SSD" and st != "SSD":
            return False
        if t and t != "SSD" and st not in ("HDD", "SSHD"):
            return False
        ri, pi = norm(r.get("interface") or ""), norm(p.get("interface") or "")
        if ri and pi and ri != pi:
            return False
        rf, pf = norm(r.get("form_factor") or ""), norm(p.get("form_factor") or "")
        if rf and pf and rf != pf:
            return False
        return True
    return True


def match_prices(cat: str, parts: list[dict], rows: list[dict]) -> dict[str, float]:
    index: dict[str, list[dict]] = defaultdict(list)
    for p in parts:
        for k in opendb_keys(cat, p):
            index[k].append(p)
    hits: dict[str, set[float]] = defaultdict(set)
    for r in rows:
        price = fnum(r.get("price"))
        if price is None or price <= 0:
            continue
        # exact normalised name first; the looser keys only if the exact one finds nothing
        cands: dict[str, dict] = {}
        for k in sorted(price_keys(cat, r), key=len, reverse=True):
            found = {p["opendb_id"]: p for p in index.get(k, []) if compatible(cat, p, r)}
            if found:
                cands = found
                break
        if len(cands) == 1:
            hits[next(iter(cands))].add(round(price, 2))
    # several price rows on one part must agree, else no price
    return {pid: next(iter(ps)) for pid, ps in hits.items() if len(ps) == 1}


# ---------------------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_prices(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if (r.get("price") or "").strip()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--shared", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--out", type=Path, default=REPO / "db" / "source")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    total_bytes = 0
    for cat, src in OPENDB_FILE.items():
        parts = read_jsonl(args.shared / "opendb" / f"{src}.jsonl")
        rows = read_prices(args.shared / "pc-part-dataset" / f"{PRICE_FILE[cat]}.csv")
        prices = match_prices(cat, parts, rows)
        out, dropped = [], 0
        for p in parts:
            o = TRIM[cat](p)
            if not o["name"]:
                dropped += 1
                continue
            o["price_usd"] = prices.get(o["id"])
            assert list(o) == FIELDS[cat], (cat, list(o))
            out.append(o)
        out.sort(key=lambda o: o["id"])
        if cat == "motherboard":
            print(f"motherboard  sockets taken from the board's name: {fill_board_sockets_from_names(out)}")
        path = args.out / f"{cat}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for o in out:
                f.write(json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n")
        size = path.stat().st_size
        total_bytes += size
        print(f"{cat:12s} rows={len(out):5d} dropped={dropped} priced={sum(o['price_usd'] is not None for o in out):4d}"
              f" (of {len(rows)} price rows) bytes={size}")
    print(f"total bytes={total_bytes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
