#!/usr/bin/python3
"""Reference numbers for BootstrapReferenceTest, computed independently with scikit-learn.

Generates a synthetic labelled set (no real posts: ids, threads, gold and two models' scores),
draws a cluster bootstrap by thread with numpy, and writes for every resample the metrics that
scikit-learn 1.2 (Debian's python3-sklearn) computes on the expanded resample, then numpy's
linear percentile interval over them. Rerun from this folder:

    /usr/bin/python3 make_reference.py

The test reads data.csv, resamples.txt and expected.csv; it needs neither Python nor sklearn.
"""
import csv

import numpy as np
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss,
                             f1_score, precision_score, recall_score, roc_auc_score)

SEED = 29
ROWS = 160
THREADS = 40
RESAMPLES = 40
THRESHOLD = 0.5

rng = np.random.default_rng(SEED)
thread = rng.integers(0, THREADS, ROWS)
gold = (rng.random(ROWS) < 0.35).astype(int)
# Scores that separate the classes imperfectly, rounded so that many are tied.
score_a = np.clip(np.round(0.3 * gold + rng.beta(2, 3, ROWS) * 0.8, 2), 0, 1)
score_b = np.clip(np.round(0.25 * gold + rng.beta(2, 3, ROWS) * 0.85, 1), 0, 1)


def ece(y, s, bins=10):
    idx = np.clip(np.floor(s * bins).astype(int), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = idx == b
        if mask.any():
            total += mask.sum() / len(s) * abs(s[mask].mean() - y[mask].mean())
    return total


def metrics(y, s):
    p = (s >= THRESHOLD).astype(int)
    return {
        "precision": precision_score(y, p, zero_division=0),
        "recall": recall_score(y, p, zero_division=0),
        "f1": f1_score(y, p, zero_division=0),
        "accuracy": accuracy_score(y, p),
        "roc_auc": roc_auc_score(y, s),
        "average_precision": average_precision_score(y, s),
        "brier": brier_score_loss(y, s),
        "ece": ece(y, s),
    }


members = {t: np.flatnonzero(thread == t) for t in np.unique(thread)}
units = sorted(members)
with open("data.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "thread_id", "gold", "score_a", "score_b"])
    for i in range(ROWS):
        w.writerow([f"p{i}", f"t{thread[i]}", gold[i], repr(float(score_a[i])),
                    repr(float(score_b[i]))])

values = {"a": {}, "b": {}, "b-a": {}}
with open("resamples.txt", "w") as f, open("expected.csv", "w", newline="") as e:
    w = csv.writer(e, lineterminator="\n")
    w.writerow(["resample", "model", "metric", "value"])
    for r in range(RESAMPLES):
        drawn = rng.choice(units, size=len(units), replace=True)
        idx = np.concatenate([members[t] for t in drawn])
        f.write(" ".join(str(i) for i in idx) + "\n")
        ma = metrics(gold[idx], score_a[idx])
        mb = metrics(gold[idx], score_b[idx])
        for name in ma:
            for model, v in (("a", ma[name]), ("b", mb[name]), ("b-a", mb[name] - ma[name])):
                values[model].setdefault(name, []).append(v)
                w.writerow([r, model, name, repr(float(v))])

with open("intervals.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["model", "metric", "low", "high"])
    for model, by_metric in values.items():
        for name, v in by_metric.items():
            low, high = np.percentile(v, [2.5, 97.5])
            w.writerow([model, name, repr(float(low)), repr(float(high))])
