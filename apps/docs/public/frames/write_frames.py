"""Write a lossquake frames file from NumPy arrays.

Any landscape works: here, the loss of a bias-free logistic regression on mini-batches of two
Gaussian clouds, over a grid of weights. Replace `batch_loss` with a slice of your own network's
loss (for example along two random directions in weight space) and keep the JSON layout.

    python write_frames.py > frames.json
"""
import json
import sys

import numpy as np

rng = np.random.default_rng(1)
n = 1000
x = np.concatenate([rng.normal(0, 1, (n // 2, 2)), rng.normal((0, 3), 1, (n // 2, 2))])
y = np.concatenate([np.zeros(n // 2), np.ones(n // 2)])

size = 48
w1 = np.linspace(-20, 20, size)
w2 = np.linspace(-20, 20, size)
W1, W2 = np.meshgrid(w1, w2)  # W1[j, i] = w1[i], W2[j, i] = w2[j]: rows follow w2


def batch_loss(rows):
    """Mean cross-entropy of the rows at every grid point: (1 - y) x.w + ln(1 + e^(-x.w))."""
    z = W1[..., None] * x[rows, 0] + W2[..., None] * x[rows, 1]  # size x size x batch
    loss = (1 - y[rows]) * z + np.logaddexp(0, -z)
    return loss.mean(axis=-1)


frames = []
order = rng.permutation(n)
for start in range(0, 120, 10):  # twelve batches of ten rows, dealt from one shuffle
    values = batch_loss(order[start : start + 10])
    frames.append({"values": np.round(values, 4).ravel().tolist()})  # row-major: values[j * size + i]

json.dump({"grid": {"w1": [-20, 20], "w2": [-20, 20], "size": size}, "frames": frames}, sys.stdout)
