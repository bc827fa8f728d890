#!/usr/bin/env bash
# Step 2 on the GPU machine (the `device` tool runs this in a copy of the repo, with the token ids carried):
#   run(command: "bash tools/gpt2-train/device-run.sh --layers 4 --heads 4 --hidden 256 --minutes 7",
#       carry: [".bench/gpt2-train/data"], timeout_s: 600)
# Leaves weights.json, weights.bin.000…, check.json and train.log in $OUT (at most 8 files of ≤ 16 MiB come back:
# keep the model ≤ ~30 M parameters). Arguments go to train.py.
set -euo pipefail
: "${OUT:?OUT must name the folder whose files come back}"
DATA=${DATA:-.bench/gpt2-train/data}
test -f "$DATA/train.u16" || { echo "no $DATA/train.u16: run prepare-tokens.ts here and carry $DATA" >&2; exit 2; }
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || true
PYTHONUNBUFFERED=1 python3 tools/gpt2-train/train.py --data "$DATA" --out "$OUT" "$@" 2>&1 | tee "$OUT/train.log"
ls -la "$OUT"
