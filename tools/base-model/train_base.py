"""The course's base model for transfer learning (problems 5 and 6): the homework's CIFAR-10 CNN (problem 3),
trained as problem 4 trains it, in a Keras-equivalent PyTorch run, then written in TensorFlow.js's layers format.

Reproducible: seed 0, one thread pair (torch.set_num_threads(2), deterministic algorithms), data and recipe below.
Run from the repository root with Debian's python3-torch (1.13) and python3-numpy: about 4 minutes on a quiet 2-core
machine; the committed model took 2.8 hours, niced, on a busy one. Its result: 20 epochs (early stopping did not
stop it), test accuracy 0.6385 on cifar10_test_2k.bin, the same with the uint8 Dense kernels.

    nice -n 10 /usr/bin/python3 tools/base-model/train_base.py

Recipe (problem 4's, in Keras terms):
- data: ../shared/data/cifar10/cifar10_train_10k.bin (10,000 images, 1,000 per class); Keras's
  validation_split=0.2 holds out its last 2,000 images (before shuffling) for early stopping; inputs x/255.
- model: Conv2D(32,3,same)-relu, Conv2D(32,3)-relu, MaxPool(2), Dropout(.25), Conv2D(64,3,same)-relu,
  Conv2D(64,3)-relu, MaxPool(2), Dropout(.25), Flatten, Dense(512)-relu, Dropout(.5), Dense(10)-softmax;
  GlorotUniform kernels, zero biases (Keras's defaults).
- RMSprop(rho=0.9, epsilon=1e-7 inside the square root, as tf.keras 2.12+ and Keras 3) on
  ExponentialDecay(1e-3, decay_steps=20 epochs of steps, decay_rate=0.1); batch 64, shuffled each epoch,
  sparse categorical cross-entropy; 20 epochs at most, EarlyStopping(monitor='val_loss', patience=5,
  restore_best_weights=True).
- test: ../shared/data/cifar10/cifar10_test_2k.bin (2,000 images, never seen in training): accuracy printed.

Written files:
- content/models/cifar10-base/model.json and weights.bin: the layers format, Keras's layer names (conv2d, ...,
  dense_1), NHWC. The two Dense kernels are stored as uint8 (TF.js's affine quantization: value = q * scale + min,
  per tensor); conv kernels and every bias stay float32. About 1.4 MB instead of 5 MB.
- tests/fixtures/base-model/expected.json: for the first 32 images of cifar10_tiny_100.bin, the probabilities of
  the PyTorch model whose weights are exactly the stored ones (the dequantized values): the conversion test in
  TensorFlow.js must match them to 1e-4; and the float model's probabilities, before quantization.
- tools/base-model/train-log.json: the recipe, per-epoch history and the test accuracies (float and uint8).
"""
import json
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "data", "cifar10")
OUT_MODEL = os.path.join(ROOT, "content", "models", "cifar10-base")
OUT_FIXTURE = os.path.join(ROOT, "tests", "fixtures", "base-model")
OUT_LOG = os.path.join(ROOT, "tools", "base-model", "train-log.json")

SEED = 0
EPOCHS = 20
BATCH = 64
LEARNING_RATE = 1e-3
DECAY_RATE = 0.1
PATIENCE = 5
VALIDATION_SPLIT = 0.2
RHO = 0.9
EPSILON = 1e-7
FIXTURE_IMAGES = 32
# The Dense kernels hold 95% of the weights; they are stored as uint8.
QUANTIZED = {"dense/kernel", "dense_1/kernel"}


def load(name):
    raw = np.fromfile(os.path.join(DATA, name), dtype=np.uint8).reshape(-1, 3073)
    return raw[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / 255.0, raw[:, 0].astype(np.int64)


class HomeworkCnn(nn.Module):
    """Keras's layers one for one; NCHW inside, so Flatten orders features (c, h, w), not Keras's (h, w, c)."""

    def __init__(self, classes=10):
        super().__init__()
        # Keras's padding='same' with a 3x3 kernel and stride 1 is padding=1; 'valid' is 0.
        self.conv2d = nn.Conv2d(3, 32, 3, padding=1)
        self.conv2d_1 = nn.Conv2d(32, 32, 3)
        self.conv2d_2 = nn.Conv2d(32, 64, 3, padding=1)
        self.conv2d_3 = nn.Conv2d(64, 64, 3)
        self.dense = nn.Linear(64 * 6 * 6, 512)
        self.dense_1 = nn.Linear(512, classes)
        for layer in (self.conv2d, self.conv2d_1, self.conv2d_2, self.conv2d_3, self.dense, self.dense_1):
            # GlorotUniform: fan_in = in*kh*kw, fan_out = out*kh*kw, as Keras computes them for Conv2D.
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)

    def forward(self, x):
        x = F.relu(self.conv2d(x))
        x = F.relu(self.conv2d_1(x))
        x = F.dropout(F.max_pool2d(x, 2), 0.25, self.training)
        x = F.relu(self.conv2d_2(x))
        x = F.relu(self.conv2d_3(x))
        x = F.dropout(F.max_pool2d(x, 2), 0.25, self.training)
        x = torch.flatten(x, 1)
        x = F.dropout(F.relu(self.dense(x)), 0.5, self.training)
        return self.dense_1(x)  # logits; softmax is in the loss, as Keras fuses softmax + cross-entropy


def keras_rmsprop_step(params, state, lr):
    """tf.keras 2.12+ RMSprop without momentum: v = rho*v + (1-rho)*g^2; w -= lr * g / sqrt(v + eps)."""
    with torch.no_grad():
        for p in params:
            v = state.setdefault(p, torch.zeros_like(p))
            v.mul_(RHO).addcmul_(p.grad, p.grad, value=1 - RHO)
            p.sub_(lr * p.grad / torch.sqrt(v + EPSILON))


def evaluate(model, x, y, batch=500):
    model.eval()
    loss, correct = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            logits = model(torch.from_numpy(x[i:i + batch]))
            target = torch.from_numpy(y[i:i + batch])
            loss += F.cross_entropy(logits, target, reduction="sum").item()
            correct += (logits.argmax(1) == target).sum().item()
    return loss / len(x), correct / len(x)


def train(model, x, y, x_val, y_val):
    rng = np.random.RandomState(SEED)
    params = list(model.parameters())
    state = {}
    steps_per_epoch = -(-len(x) // BATCH)
    decay_steps = steps_per_epoch * EPOCHS
    step = 0
    history = []
    best, best_weights, wait = float("inf"), None, 0
    for epoch in range(EPOCHS):
        model.train()
        order = rng.permutation(len(x))
        t0 = time.time()
        seen, loss_sum, correct = 0, 0.0, 0
        for b in range(steps_per_epoch):
            idx = order[b * BATCH:(b + 1) * BATCH]
            xb, yb = torch.from_numpy(x[idx]), torch.from_numpy(y[idx])
            for p in params:
                p.grad = None
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            loss.backward()
            lr = LEARNING_RATE * DECAY_RATE ** (step / decay_steps)
            keras_rmsprop_step(params, state, lr)
            step += 1
            seen += len(idx)
            loss_sum += loss.item() * len(idx)
            correct += (logits.argmax(1) == yb).sum().item()
        val_loss, val_acc = evaluate(model, x_val, y_val)
        logs = {"epoch": epoch + 1, "loss": loss_sum / seen, "accuracy": correct / seen, "val_loss": val_loss,
                "val_accuracy": val_acc, "learning_rate": lr, "seconds": time.time() - t0}
        history.append(logs)
        print(json.dumps(logs), flush=True)
        if val_loss < best:
            best, wait = val_loss, 0
            best_weights = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            wait += 1
            if wait >= PATIENCE:
                # Keras restores the best weights when it stops early (tf.keras 2.x).
                model.load_state_dict(best_weights)
                print(f"early stopping at epoch {epoch + 1}; restored epoch {history.index(min(history, key=lambda h: h['val_loss'])) + 1}")
                break
    return history


def keras_weights(model):
    """(name, array) in Keras's order and layout: conv kernels HWIO, Dense kernels (in, out) with NHWC inputs."""
    out = []
    for name in ("conv2d", "conv2d_1", "conv2d_2", "conv2d_3"):
        layer = getattr(model, name)
        out.append((f"{name}/kernel", layer.weight.detach().numpy().transpose(2, 3, 1, 0)))  # OIHW -> HWIO
        out.append((f"{name}/bias", layer.bias.detach().numpy()))
    w = model.dense.weight.detach().numpy()  # (512, 2304), inputs ordered (c, h, w)
    # Keras's Flatten of NHWC orders the same features (h, w, c): permute the kernel's input axis to match.
    w = w.reshape(512, 64, 6, 6).transpose(0, 2, 3, 1).reshape(512, 2304)
    out.append(("dense/kernel", w.T))
    out.append(("dense/bias", model.dense.bias.detach().numpy()))
    out.append(("dense_1/kernel", model.dense_1.weight.detach().numpy().T))
    out.append(("dense_1/bias", model.dense_1.bias.detach().numpy()))
    return [(n, np.ascontiguousarray(a, dtype=np.float32)) for n, a in out]


def quantize(a):
    """TF.js's uint8 affine quantization of one tensor: q = round((a - min) / scale), scale = (max - min) / 255."""
    lo, hi = float(a.min()), float(a.max())
    scale = (hi - lo) / 255.0 if hi > lo else 1.0
    q = np.clip(np.round((a.astype(np.float64) - lo) / scale), 0, 255).astype(np.uint8)
    # What TF.js decodes: v * scale + min in double precision, stored as float32.
    return q, lo, scale, (q.astype(np.float64) * scale + lo).astype(np.float32)


def set_keras_weights(model, weights):
    """The inverse of keras_weights: put (possibly dequantized) Keras-layout arrays back into the PyTorch model."""
    w = dict(weights)
    with torch.no_grad():
        for name in ("conv2d", "conv2d_1", "conv2d_2", "conv2d_3"):
            getattr(model, name).weight.copy_(torch.from_numpy(w[f"{name}/kernel"].transpose(3, 2, 0, 1).copy()))
            getattr(model, name).bias.copy_(torch.from_numpy(w[f"{name}/bias"]))
        dk = w["dense/kernel"].T.reshape(512, 6, 6, 64).transpose(0, 3, 1, 2).reshape(512, 2304)
        model.dense.weight.copy_(torch.from_numpy(dk.copy()))
        model.dense.bias.copy_(torch.from_numpy(w["dense/bias"]))
        model.dense_1.weight.copy_(torch.from_numpy(w["dense_1/kernel"].T.copy()))
        model.dense_1.bias.copy_(torch.from_numpy(w["dense_1/bias"]))


def layer(class_name, **config):
    return {"class_name": class_name, "config": {"trainable": True, "dtype": "float32", **config}}


def topology():
    glorot = {"class_name": "GlorotUniform", "config": {"seed": None}}
    zeros = {"class_name": "Zeros", "config": {}}
    common = dict(kernel_initializer=glorot, bias_initializer=zeros, kernel_regularizer=None, bias_regularizer=None,
                  activity_regularizer=None, kernel_constraint=None, bias_constraint=None, use_bias=True)

    def conv(name, filters, padding):
        return layer("Conv2D", name=name, filters=filters, kernel_size=[3, 3], strides=[1, 1], padding=padding,
                     data_format="channels_last", dilation_rate=[1, 1], groups=1, activation="relu", **common)

    def pool(name):
        return layer("MaxPooling2D", name=name, pool_size=[2, 2], padding="valid", strides=[2, 2],
                     data_format="channels_last")

    def drop(name, rate):
        return layer("Dropout", name=name, rate=rate, noise_shape=None, seed=None)

    layers = [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 32, 32, 3], "dtype": "float32",
                                                "sparse": False, "ragged": False, "name": "conv2d_input"}},
        conv("conv2d", 32, "same"), conv("conv2d_1", 32, "valid"), pool("max_pooling2d"), drop("dropout", 0.25),
        conv("conv2d_2", 64, "same"), conv("conv2d_3", 64, "valid"), pool("max_pooling2d_1"),
        drop("dropout_1", 0.25), layer("Flatten", name="flatten", data_format="channels_last"),
        layer("Dense", name="dense", units=512, activation="relu", **common), drop("dropout_2", 0.5),
        layer("Dense", name="dense_1", units=10, activation="softmax", **common),
    ]
    return {"keras_version": "2.12.0", "backend": "tensorflow",
            "model_config": {"class_name": "Sequential", "config": {"name": "cifar10_base", "layers": layers}}}


def probabilities(model, x):
    model.eval()
    with torch.no_grad():
        return F.softmax(model(torch.from_numpy(x)), dim=1).numpy()


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    x_all, y_all = load("cifar10_train_10k.bin")
    at = len(x_all) - int(round(len(x_all) * VALIDATION_SPLIT))
    x, y, x_val, y_val = x_all[:at], y_all[:at], x_all[at:], y_all[at:]
    x_test, y_test = load("cifar10_test_2k.bin")
    model = HomeworkCnn()
    assert sum(p.numel() for p in model.parameters()) == 1_250_858
    started = time.time()
    history = train(model, x, y, x_val, y_val)
    seconds = time.time() - started
    test_loss, test_acc = evaluate(model, x_test, y_test)
    print(f"float32 model: test accuracy {test_acc:.4f} (loss {test_loss:.4f}) on cifar10_test_2k.bin")

    weights = keras_weights(model)
    x_fix, _ = load("cifar10_tiny_100.bin")
    x_fix = x_fix[:FIXTURE_IMAGES]
    float_probs = probabilities(model, x_fix)
    stored, manifest, blobs = [], [], []
    for name, a in weights:
        entry = {"name": name, "shape": list(a.shape), "dtype": "float32"}
        if name in QUANTIZED:
            q, lo, scale, deq = quantize(a)
            entry["quantization"] = {"dtype": "uint8", "min": lo, "scale": scale}
            blobs.append(q.tobytes())
            stored.append((name, deq))
        else:
            blobs.append(a.astype("<f4").tobytes())
            stored.append((name, a))
        manifest.append(entry)
    set_keras_weights(model, stored)
    q_loss, q_acc = evaluate(model, x_test, y_test)
    print(f"stored model (uint8 Dense kernels): test accuracy {q_acc:.4f} (loss {q_loss:.4f})")
    stored_probs = probabilities(model, x_fix)

    recipe = {"seed": SEED, "data": "cifar10_train_10k.bin", "validation_split": VALIDATION_SPLIT,
              "epochs_max": EPOCHS, "batch_size": BATCH, "optimizer": "RMSprop(rho=0.9, epsilon=1e-7)",
              "schedule": f"ExponentialDecay({LEARNING_RATE}, decay_steps={EPOCHS} epochs, decay_rate={DECAY_RATE})",
              "early_stopping": f"val_loss, patience {PATIENCE}, restore_best_weights", "torch": torch.__version__}
    summary = {"epochs_run": len(history), "test_accuracy_float32": test_acc, "test_accuracy": q_acc,
               "test_loss": q_loss, "test_set": "cifar10_test_2k.bin", "train_seconds": round(seconds, 1)}
    os.makedirs(OUT_MODEL, exist_ok=True)
    with open(os.path.join(OUT_MODEL, "weights.bin"), "wb") as f:
        f.write(b"".join(blobs))
    model_json = {
        "format": "layers-model", "generatedBy": "nn-mathlets tools/base-model/train_base.py (PyTorch, Keras-equivalent)",
        "convertedBy": None, "modelTopology": topology(),
        "weightsManifest": [{"paths": ["weights.bin"], "weights": manifest}],
        "userDefinedMetadata": {"recipe": recipe, **summary},
    }
    with open(os.path.join(OUT_MODEL, "model.json"), "w") as f:
        json.dump(model_json, f, indent=1)
    os.makedirs(OUT_FIXTURE, exist_ok=True)
    with open(os.path.join(OUT_FIXTURE, "expected.json"), "w") as f:
        json.dump({"data": "cifar10_tiny_100.bin", "images": FIXTURE_IMAGES,
                   "probabilities": stored_probs.astype(float).round(8).tolist(),
                   "floatProbabilities": float_probs.astype(float).round(8).tolist(), **summary}, f)
    with open(OUT_LOG, "w") as f:
        json.dump({"recipe": recipe, **summary, "history": history}, f, indent=1)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
