-- mlrig parts catalog, schema version 3 (PRAGMA user_version).
-- Units are in the column names. NULL means "not known" and is never written as 0.
-- List-valued columns (memory_types, motherboard_form_factors, sockets) hold JSON arrays.
-- The catalog is read-only and rebuilt from db/source by mlrig-catalog-builder; a catalog
-- whose user_version differs from the app's is replaced from the embedded copy, not migrated
-- (user data lives in the separate user database, which is migrated).

PRAGMA user_version = 3;  -- 2: gpu_market_price; 3: unified_chip, unified_system (older copies are replaced)

CREATE TABLE catalog_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE cpu (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, manufacturer TEXT, release_year INTEGER, price_usd REAL,
    socket TEXT, microarchitecture TEXT, cores INTEGER, threads INTEGER, boost_ghz REAL,
    tdp_w REAL, ppt_w REAL, memory_types TEXT, max_memory_gb INTEGER, memory_channels INTEGER,
    pcie_lanes INTEGER, integrated_graphics INTEGER
);

CREATE TABLE motherboard (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, manufacturer TEXT, release_year INTEGER, price_usd REAL,
    socket TEXT, form_factor TEXT, chipset TEXT, memory_type TEXT, memory_slots INTEGER,
    max_memory_gb INTEGER, pcie_x16_slots INTEGER, x8x8_bifurcation INTEGER, m2_slots INTEGER
);

CREATE TABLE memory (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, manufacturer TEXT, release_year INTEGER, price_usd REAL,
    memory_type TEXT, form_factor TEXT, modules INTEGER, module_gb INTEGER, speed_mts INTEGER,
    cas_latency REAL, ecc INTEGER, registered INTEGER
);

CREATE TABLE gpu (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, manufacturer TEXT, release_year INTEGER, price_usd REAL,
    chipset TEXT, vendor TEXT, vram_gb REAL, memory_type TEXT, tdp_w REAL, length_mm REAL,
    slot_width REAL, pcie_6pin INTEGER, pcie_8pin INTEGER, pcie_12vhpwr INTEGER, cooling TEXT,
    interface TEXT
);

CREATE TABLE psu (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, manufacturer TEXT, release_year INTEGER, price_usd REAL,
    wattage_w REAL, form_factor TEXT, efficiency TEXT, modular TEXT, atx3 INTEGER,
    pcie_8pin INTEGER, pcie_12vhpwr INTEGER, eps_8pin INTEGER
);

CREATE TABLE pc_case (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, manufacturer TEXT, release_year INTEGER, price_usd REAL,
    form_factor TEXT, motherboard_form_factors TEXT, max_gpu_length_mm REAL,
    max_cooler_height_mm REAL, expansion_slots INTEGER, volume_l REAL
);

CREATE TABLE cooler (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, manufacturer TEXT, release_year INTEGER, price_usd REAL,
    sockets TEXT, height_mm REAL, water_cooled INTEGER, radiator_mm INTEGER, noise_db REAL,
    tdp_rating_w REAL
);

CREATE TABLE storage (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, manufacturer TEXT, release_year INTEGER, price_usd REAL,
    capacity_gb REAL, nvme INTEGER, interface TEXT, form_factor TEXT, storage_type TEXT
);

-- One row per GPU model (hand-curated, db/source/gpu_chips.csv). Every row names its source.
CREATE TABLE gpu_chip (
    model TEXT PRIMARY KEY, vendor TEXT NOT NULL, class TEXT NOT NULL, architecture TEXT,
    launch_year INTEGER, vram_gb REAL, memory_bandwidth_gbs REAL, fp16_tensor_tflops REAL,
    fp16_tensor_tflops_fp16acc REAL, fp32_tflops REAL, tdp_w REAL, transient_peak_w REAL,
    length_mm REAL, slot_width REAL, pcie_8pin INTEGER, pcie_12vhpwr INTEGER, nvlink INTEGER,
    cooling TEXT, gpus_per_board INTEGER NOT NULL DEFAULT 1, msrp_usd REAL,
    opendb_chipsets TEXT, tensor_note TEXT, source TEXT NOT NULL CHECK (length(source) > 0)
);

-- What GPUs sell for (hand-collected, db/source/gpu_market_prices.csv): several rows per GPU model,
-- new and used, each with the month it was seen and the public source that gave it.
CREATE TABLE gpu_market_price (
    model TEXT NOT NULL REFERENCES gpu_chip (model),
    condition TEXT NOT NULL CHECK (condition IN ('new', 'used')),
    price_usd REAL NOT NULL CHECK (price_usd > 0), price_low REAL, price_high REAL,
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    region TEXT,
    source_url TEXT NOT NULL CHECK (length(source_url) > 0),
    source_title TEXT NOT NULL CHECK (length(source_title) > 0),
    note TEXT, dataset_gpu TEXT
);

-- Unified-memory chips (hand-curated, db/source/unified_chips.csv): Apple M-series, AMD Ryzen AI Max
-- ("Strix Halo"), NVIDIA GB10. The CPU and GPU share one memory pool; `family` selects how much of it
-- the GPU may use and the measured efficiency factors (core/eval/UnifiedMemory.cpp).
CREATE TABLE unified_chip (
    chip TEXT PRIMARY KEY, vendor TEXT NOT NULL CHECK (vendor IN ('apple', 'amd', 'nvidia')),
    family TEXT NOT NULL CHECK (family IN ('apple-silicon', 'strix-halo', 'gb10')),
    generation TEXT, launch_year INTEGER, gpu_name TEXT, gpu_cores INTEGER, cpu_cores INTEGER,
    memory_type TEXT, memory_bus_bits INTEGER,
    memory_bandwidth_gbs REAL NOT NULL CHECK (memory_bandwidth_gbs > 0),
    fp16_tflops REAL CHECK (fp16_tflops IS NULL OR fp16_tflops > 0),
    memory_options_gb TEXT NOT NULL,
    source TEXT NOT NULL CHECK (length(source) > 0)
);

-- Machines built on those chips (db/source/unified_systems.csv): one row per configuration a buyer
-- can order (memory size), with its price, the month of that price and where it was seen.
CREATE TABLE unified_system (
    system TEXT PRIMARY KEY, chip TEXT NOT NULL REFERENCES unified_chip (chip), maker TEXT NOT NULL,
    form_factor TEXT NOT NULL CHECK (form_factor IN ('desktop', 'mini-pc', 'laptop')),
    memory_gb REAL NOT NULL CHECK (memory_gb > 0), storage_gb REAL,
    price_usd REAL CHECK (price_usd IS NULL OR price_usd > 0),
    price_kind TEXT CHECK (price_kind IN ('launch', 'list', 'street')),
    price_month TEXT CHECK (price_month IS NULL OR price_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    launch_month TEXT, idle_w REAL, typical_w REAL, max_w REAL,
    stack TEXT NOT NULL, notes TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0)
);
