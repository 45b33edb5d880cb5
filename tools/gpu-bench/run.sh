#!/bin/sh
# The packed GPU benchmark: unpacks Node and Dawn beside this script, finds the GPU's Vulkan driver, trains the
# homework CIFAR-10 CNN with nn-mathlets' TF.js trainer on WebGPU, then the same network with PyTorch on the same
# GPU, and prints both. Needs only /bin/sh, and python3 with PyTorch for the baseline.
#
#   ./run.sh [--steps N] [--warmup N] [--batch 32,64] [--swiftshader] [--no-torch] [--read-every MS] [--transfer]
#
# --swiftshader uses the packed software Vulkan (SwiftShader) instead of a GPU driver: a check that the pack runs.
# --transfer also times problem 5's stage 1 (an epoch on cached activations) against an epoch of the whole model.
# Environment: PYTHON (default python3), GPU_BENCH_WORK (unpack folder, default ./.run beside this script).
set -eu
DIR=$(cd "$(dirname "$0")" && pwd)
WORK=${GPU_BENCH_WORK:-$DIR/.run}
PYTHON=${PYTHON:-python3}
STEPS=20 WARMUP=3 BATCH=32,64 SOFTWARE=0 TORCH=1 EXTRA=""
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) STEPS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --read-every) EXTRA="$EXTRA --read-every $2"; shift 2 ;;
    --transfer) EXTRA="$EXTRA --transfer"; shift ;;
    --swiftshader) SOFTWARE=1; shift ;;
    --no-torch) TORCH=0; shift ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$WORK"

# xz-compressed files are unpacked once; python's lzma stands in where xz is not installed.
unpack() {
  [ -f "$2" ] && return 0
  if command -v xz >/dev/null 2>&1; then xz -dc "$1" >"$2.part"
  else "$PYTHON" -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2.part"
  fi
  mv "$2.part" "$2"
}
unpack "$DIR/node.xz" "$WORK/node"
chmod +x "$WORK/node"
unpack "$DIR/dawn.node.xz" "$WORK/dawn.node"
export DAWN_NODE="$WORK/dawn.node"

# Vulkan's loader: the system's if it has one, else the one packed (lib/libvulkan.so.1).
if ! (ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1'); then
  export LD_LIBRARY_PATH="$DIR/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi

# The Vulkan driver (ICD): one already named in the environment, else NVIDIA's where containers and distributions
# put it, else any other installed one; --swiftshader (or none found) uses the packed SwiftShader.
ICD=""
if [ "$SOFTWARE" = 0 ]; then
  ICD=${VK_DRIVER_FILES:-${VK_ICD_FILENAMES:-}}
  if [ -z "$ICD" ]; then
    for f in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json \
             /usr/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/*.json /etc/vulkan/icd.d/*.json; do
      case "$f" in *swiftshader*|*lvp*|*'*'*) continue ;; esac
      [ -f "$f" ] && { ICD=$f; break; }
    done
  fi
fi
if [ -z "$ICD" ]; then
  [ "$SOFTWARE" = 1 ] || echo "run.sh: no GPU Vulkan driver found; using SwiftShader (software): the numbers are not a GPU's." >&2
  mkdir -p "$WORK/swiftshader"
  unpack "$DIR/swiftshader/libvk_swiftshader.so.xz" "$WORK/swiftshader/libvk_swiftshader.so"
  ICD="$WORK/swiftshader/vk_swiftshader_icd.json"
  printf '{"file_format_version": "1.0.0", "ICD": {"library_path": "%s", "api_version": "1.0.5"}}\n' \
    "$WORK/swiftshader/libvk_swiftshader.so" >"$ICD"
fi
export VK_DRIVER_FILES="$ICD" VK_ICD_FILENAMES="$ICD"
echo "[run] Vulkan driver: $ICD"

# shellcheck disable=SC2086 # EXTRA holds whole options
"$WORK/node" "$DIR/bench.mjs" --data "$DIR/cifar10_test_2k.bin" --batch "$BATCH" --steps "$STEPS" \
  --warmup "$WARMUP" --json "$WORK/tfjs.json" $EXTRA

if [ "$TORCH" = 1 ]; then
  if "$PYTHON" -c 'import torch' 2>/dev/null; then
    "$PYTHON" "$DIR/torch_baseline.py" --data "$DIR/cifar10_test_2k.bin" --batch "$BATCH" --steps "$STEPS" \
      --warmup "$WARMUP" --json "$WORK/torch.json" --compare "$WORK/tfjs.json"
  else
    echo "[run] $PYTHON has no PyTorch: baseline skipped (set PYTHON to one that has it)." >&2
  fi
fi
