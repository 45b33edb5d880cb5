"""PyTorch baseline for the GPU benchmark: the homework's CIFAR-10 CNN (the same layers and 1,250,858 parameters
as nn-mathlets' cifarCnn(), in PyTorch's NCHW layout), trained with RMSprop on the same CIFAR-10 file, on the same
GPU, in the same run. Prints images/s per batch size; with --compare FILE (the TF.js result from main.ts) prints
both side by side and checks the targets: a 50,000-image epoch under a minute, within 3x of PyTorch.

Data stays on the GPU and batches are gathered there (PyTorch's fast path); TF.js gets its batches from the CPU
each step, as the page does.
"""
import argparse
import json
import time

import numpy as np
import torch
import torch.nn as nn


def load_cifar(path):
    raw = np.fromfile(path, dtype=np.uint8).reshape(-1, 3073)
    labels = raw[:, 0].astype(np.int64)
    images = raw[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / 255.0
    return images, labels


def homework_cnn(classes=10):
    # Keras's Conv2D(padding='same') with a 3x3 kernel and stride 1 is PyTorch's padding=1.
    return nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),
        nn.Conv2d(32, 32, 3), nn.ReLU(),
        nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(),
        nn.Conv2d(64, 64, 3), nn.ReLU(),
        nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Flatten(),
        nn.Linear(64 * 6 * 6, 512), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(512, classes),  # softmax is inside CrossEntropyLoss
    )


def bench(images, labels, device, batch, steps, warmup, seed=0):
    torch.manual_seed(seed)
    model = homework_cnn().to(device)
    params = sum(p.numel() for p in model.parameters())
    assert params == 1_250_858, params
    # Keras's RMSprop(rho=0.9, epsilon=1e-7); PyTorch, like tf.keras <= 2.10, adds eps outside the root.
    opt = torch.optim.RMSprop(model.parameters(), lr=1e-4, alpha=0.9, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    x_all = torch.from_numpy(images).to(device)
    y_all = torch.from_numpy(labels).to(device)
    n = x_all.shape[0]
    gen = torch.Generator(device="cpu").manual_seed(seed)
    order = torch.randperm(n, generator=gen)
    pos = 0

    def step():
        nonlocal order, pos
        if pos + batch > n:
            order = torch.randperm(n, generator=gen)
            pos = 0
        idx = order[pos:pos + batch].to(device)
        pos += batch
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x_all[idx]), y_all[idx])
        loss.backward()
        opt.step()
        return loss

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    model.train()
    for _ in range(warmup):
        step()
    sync()
    t0 = time.perf_counter()
    last = None
    for _ in range(steps):
        last = step()
    sync()
    seconds = time.perf_counter() - t0
    return {"batchSize": batch, "steps": steps, "seconds": seconds, "imagesPerSecond": steps * batch / seconds,
            "loss": float(last.item()) if last is not None else float("nan")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--batch", default="32,64")
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--json")
    ap.add_argument("--compare", help="TF.js result (JSON from main.ts) to print beside PyTorch's")
    args = ap.parse_args()

    device = torch.device(args.device)
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
        name = torch.cuda.get_device_name(device)
    else:
        name = "CPU (%d threads)" % torch.get_num_threads()
    images, labels = load_cifar(args.data)
    print("[torch] PyTorch %s on %s; %d images" % (torch.__version__, name, len(labels)), flush=True)
    rows = []
    for b in [int(v) for v in args.batch.split(",")]:
        r = bench(images, labels, device, b, args.steps, args.warmup)
        print("[torch] batch %d: %d step(s) in %.2f s -> %.1f images/s (loss %.3f)"
              % (b, r["steps"], r["seconds"], r["imagesPerSecond"], r["loss"]), flush=True)
        rows.append(r)
    result = {"torch": torch.__version__, "device": name, "rows": rows}
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    if args.compare:
        compare(json.load(open(args.compare)), result)


def compare(tfjs, torch_result):
    adapter = tfjs["backend"].get("adapter") or {}
    label = " ".join(v for v in [adapter.get("vendor"), adapter.get("architecture")] if v) or "no adapter"
    if adapter.get("description"):
        label += " (%s)" % adapter["description"]
    print()
    print("GPU benchmark: the homework CIFAR-10 CNN (1,250,858 parameters), RMSprop, %d images" % tfjs.get("images", 0))
    print("  TF.js %s, backend %s, WebGPU adapter: %s" % (tfjs["tfjsVersion"], tfjs["backend"]["backend"], label))
    check = tfjs["backend"].get("selfCheck")
    if check:
        print("  WebGPU self-check: %s (loss diff %.1e, gradient diff %.1e)"
              % ("passed" if check["passed"] else "FAILED: " + check["reason"], check["maxLossDiff"], check["maxGradDiff"]))
    print("  PyTorch %s on %s" % (torch_result["torch"], torch_result["device"]))
    print()
    print("  %6s %16s %16s %12s %18s" % ("batch", "TF.js images/s", "PyTorch images/s", "PyTorch/TF.js", "TF.js 50k epoch"))
    by_batch = {r["batchSize"]: r for r in torch_result["rows"]}
    for r in tfjs["rows"]:
        t = by_batch.get(r["batchSize"])
        ratio = t["imagesPerSecond"] / r["imagesPerSecond"] if t else float("nan")
        epoch = 50000 / r["imagesPerSecond"]
        print("  %6d %16.1f %16s %12s %16.0f s  %s"
              % (r["batchSize"], r["imagesPerSecond"], "%.1f" % t["imagesPerSecond"] if t else "-",
                 "%.2fx" % ratio if t else "-", epoch,
                 "targets met" if epoch < 60 and ratio <= 3 else "target: epoch < 60 s, within 3x"))


if __name__ == "__main__":
    main()
