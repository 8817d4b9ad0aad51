#!/usr/bin/env python3
"""Builds tests/data/unified-memory-measured.csv from ../shared/data/llamacpp-measured: the measured
llama.cpp runs on unified-memory machines that UnifiedMemoryValidationTest checks the estimate against.

Rows are copied, not derived: the chip, the model and quantisation mlrig knows it by, the context the
run had (prompt or generated tokens plus the depth already in the KV cache), the measured tokens/s and
the source. An empty memory_gb means the source does not say (the test then gives the chip enough memory
that fit is not in question); bandwidth_gbs_listed is the bandwidth the source lists beside its chip. Usage: extract_unified_measured.py SHARED_DATA_DIR > tests/data/unified-memory-measured.csv
"""
import csv
import re
import sys

OUT_COLUMNS = ["chip", "bandwidth_gbs_listed", "memory_gb", "model", "quant", "context", "phase", "test", "tokens_per_s", "use", "backend",
               "hardware_reported", "source_url", "source_date", "provenance"]

# Model names in the sources -> mlrig model ids and quantisations.
REPO_MODELS = {
    "gpt-oss-20b": ("gpt-oss-20b", "mxfp4"),
    "gpt-oss-120b": ("gpt-oss-120b", "mxfp4"),
    "Qwen3-Coder-30B-A3B": ("qwen3-coder-30b-a3b", "q8_0"),
    "Qwen2.5-Coder-7B": ("qwen2.5-coder-7b", "q8_0"),
}
STRIX_MODELS = {
    "llama-2-7b.Q4_0": ("llama-2-7b", "q4_0"),
    "gpt-oss-20b-mxfp4": ("gpt-oss-20b", "mxfp4"),
    "gpt-oss-120b-mxfp4": ("gpt-oss-120b", "mxfp4"),
    "Qwen3-Coder-30B-A3B-Instruct-Q4_K_M": ("qwen3-coder-30b-a3b", "q4_k_m"),
}


def context_of(detail, default_tokens):
    """tg128 -> 128 generated tokens; 'tg32 @ d4096' -> 4096 + 32."""
    m = re.match(r"(pp|tg)(\d+)(?: @ d(\d+))?", detail)
    tokens = int(m.group(2)) if m else default_tokens
    depth = int(m.group(3)) if m and m.group(3) else 0
    return depth + tokens, depth


def main(shared):
    out = csv.DictWriter(sys.stdout, OUT_COLUMNS, lineterminator="\n")
    out.writeheader()
    # Apple silicon, discussion #4167: Llama 2 7B at Q4_0 and Q8_0 (F16 left out: it does not fit the
    # 8 to 16 GB machines of the table and the source does not give their memory).
    for r in csv.DictReader(open(f"{shared}/apple_silicon_llama7b_discussion4167.csv")):
        if r["quant"] not in ("Q4_0", "Q8_0"):
            continue
        context, _ = context_of(r["test_detail"], 128)
        out.writerow({"chip": r["hardware"], "bandwidth_gbs_listed": r["mem_bandwidth_gbps_listed"], "memory_gb": "", "model": "llama-2-7b", "quant": r["quant"].lower(),
                      "context": context, "phase": r["phase"], "test": r["test_detail"],
                      "tokens_per_s": r["tokens_per_s"], "use": "validate", "backend": r["backend"],
                      "hardware_reported": f"{r['hardware']}, {r['mem_bandwidth_gbps_listed']} GB/s as listed",
                      "source_url": r["source_url"], "source_date": r["source_date"], "provenance": r["provenance"]})
    # DGX Spark (newest build, b7941) and M2 Ultra bench files of the llama.cpp repository.
    for r in csv.DictReader(open(f"{shared}/llamacpp_repo_benches_dgx_spark_m2_ultra.csv")):
        key = next((k for k in REPO_MODELS if r["model"].startswith(k)), None)
        if key is None:
            continue
        spark = "GB10" in r["hardware"]
        if spark and "b7941" not in r["llama_cpp_build"]:
            continue
        context, depth = context_of(r["test_detail"], 32)
        if depth not in (0, 4096, 16384):
            continue
        model, quant = REPO_MODELS[key]
        out.writerow({"chip": "NVIDIA GB10" if spark else "Apple M2 Ultra (76-core GPU)",
                      "memory_gb": 128 if spark else 192, "model": model, "quant": quant, "context": context,
                      "phase": r["phase"], "test": r["test_detail"], "tokens_per_s": r["tokens_per_s"],
                      "use": "validate" if spark or r["phase"] == "decode" else
                      "excluded: the file does not state the M2 Ultra's GPU core count, which sets its prefill speed",
                      "backend": r["backend"], "hardware_reported": r["hardware"], "source_url": r["source_url"],
                      "source_date": r["source_date"], "provenance": r["provenance"]})
    # Strix Halo: Vulkan (RADV), the backend the toolbox author recommends for generation, at depth 0.
    for r in csv.DictReader(open(f"{shared}/strix_halo_kyuz0_toolboxes.csv")):
        if r["model"] not in STRIX_MODELS or r["backend"] != "Vulkan (Mesa RADV driver)":
            continue
        if r["test_detail"] not in ("pp512", "tg128"):
            continue
        context, _ = context_of(r["test_detail"], 128)
        model, quant = STRIX_MODELS[r["model"]]
        out.writerow({"chip": "AMD Ryzen AI Max+ 395", "memory_gb": 128, "model": model, "quant": quant,
                      "context": context, "phase": r["phase"], "test": r["test_detail"],
                      "tokens_per_s": r["tokens_per_s"], "use": "validate", "backend": r["backend"],
                      "hardware_reported": r["hardware"], "source_url": r["source_url"],
                      "source_date": r["source_date"], "provenance": r["provenance"]})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/llamacpp-measured")
