"""Tag reports, program descriptions and news (English or Spanish) with the MOU's cooperation areas.

Design, in the order a document meets it:

1. **Passages.** The text is cut into overlapping windows of ~3 sentences (:mod:`mou_text.passages`),
   so a long report's one paragraph on legal aid is not averaged away, and every label can point at
   the passage that earned it.
2. **One multilingual space.** Passages are embedded with the shared encoder (USE by default: EN and
   ES in one space), then compared with the area *prototypes* (:mod:`mou_text.prototypes`): the MOU's
   own clauses in both languages plus short practitioners' descriptions.
3. **A linear head.** Per area, a logit from the embedding and the four prototype similarities. With
   no labelled data the head only reads the similarities (zero-shot); :meth:`AreaClassifier.fit`
   learns the rest on frozen embeddings (L2 logistic regression, numpy only).
4. **Aggregation.** Passage logits become a document logit (mean embedding, max, top-k mean or a
   blend); the choice was measured on the dev split (``docs/benchmarks.md``).
5. **Calibration.** Platt scaling fitted on out-of-fold scores turns logits into probabilities, and
   per-area thresholds chosen on the same held-out scores (with a floor) decide the labels, so "none
   of the areas" is an honest, empty answer rather than the least-bad area.

Everything a result depends on (encoder, label-set and prototype versions, thresholds, aggregation,
training-data hash, library version) is in ``df.attrs['signature']``; a saved head is plain ``.npy``
+ JSON and refuses to run on an encoder it was not trained with.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from .._io import atomic_write_text
from .._version import __version__
from ..embed import Encoder, get_encoder
from ..errors import ConfigError, InputError, ModelError, MouTextError, UnsupportedLanguageError
from ..readers import looks_like_path
from ._logreg import THRESHOLD_METHODS, find_thresholds, fit_logistic, fit_platt, sigmoid, single_threaded_blas
from ._passages import MAX_CHARS, STRIDE, WINDOW, passages
from ._validate import ARRAYS, check_config, check_signature, check_values, expected_shapes, read_array, read_json_object
from ._prototypes import DESCRIPTIONS_VERSION, Prototype, area_keys, prototypes, prototypes_hash

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AGGREGATIONS", "AreaClassifier", "AreaPrediction", "Evidence", "find_thresholds"]

#: How passage scores become a document score (see :meth:`_DocState.doc_logits`).
AGGREGATIONS = ("mean", "max", "topk", "blend")
#: The folder of the shipped head, under ``data_path('models')``.
DEFAULT_MODEL = "area-head"
#: Passages encoded per call: big enough to keep the encoder busy, small enough to keep memory flat.
BATCH_PASSAGES = 128

#: Zero-shot head (prototype similarities only), per encoder family. ``centre`` is the similarity to
#: an area's nearest prototypes at which a passage is even odds for it, ``slope`` how fast the odds
#: grow, ``contrast`` how much being closer to this area than to the others adds. Set once by
#: measurement on the train split of ``corpora/labelled`` (see docs/benchmarks.md); any other
#: encoder gets the generic row, which is a guess: fit a head for real use.
ZERO_SHOT = {
    "use-multilingual-v3": {"centre": 0.36, "slope": 25.0, "contrast": 20.0, "threshold": 0.5, "aggregation": "blend"},
    "*": {"centre": 0.36, "slope": 25.0, "contrast": 20.0, "threshold": 0.5, "aggregation": "blend"},
}

_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


# -- results ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a label was given: the best passage for the area, and the MOU clause it is closest to."""

    area: str
    start: int  # offsets into the input text (for a file: the text as read, markdown stripped)
    end: int
    passage: str
    clause: str  # MOU clause id, e.g. 's3.iii.bullet.3'
    clause_lang: str
    clause_text: str
    similarity: float  # cosine of the passage and that clause
    score: float  # calibrated probability of the area from this passage alone

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "start": self.start,
            "end": self.end,
            "passage": self.passage,
            "clause": self.clause,
            "clause_lang": self.clause_lang,
            "clause_text": self.clause_text,
            "similarity": round(self.similarity, 4),
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class AreaPrediction:
    """The areas of one document, with evidence and the signature of how they were produced."""

    scores: Mapping[str, float]
    labels: tuple[str, ...]
    primary: str | None
    evidence: tuple[Evidence, ...]
    lang: str | None
    text: str = field(repr=False)
    signature: Mapping[str, Any] = field(default_factory=dict, repr=False)
    path: str | None = None
    error: str | None = None

    def row(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.scores)
        out.update(
            labels=list(self.labels),
            primary=self.primary,
            evidence=[e.to_dict() for e in self.evidence],
            lang=self.lang,
        )
        if self.path is not None:
            out["path"] = self.path
        if self.error is not None:
            out["error"] = self.error
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per area: score, whether it is a label, and its evidence passage."""
        import pandas as pd

        ev = {e.area: e for e in self.evidence}
        rows = []
        for area, score in self.scores.items():
            e = ev.get(area)
            rows.append(
                {
                    "area": area,
                    "score": score,
                    "label": area in self.labels,
                    "passage": e.passage if e else None,
                    "start": e.start if e else None,
                    "end": e.end if e else None,
                    "clause": e.clause if e else None,
                    "similarity": e.similarity if e else None,
                }
            )
        df = pd.DataFrame(rows)
        df.attrs["signature"] = dict(self.signature)
        return df

    def _repr_html_(self) -> str:
        bars = "".join(
            f"<tr><td>{html.escape(a)}</td><td style='text-align:right'>{s:.2f}</td>"
            f"<td><div style='background:{'#2b7' if a in self.labels else '#bbb'};width:{int(120 * s)}px;height:0.8em'></div></td></tr>"
            for a, s in self.scores.items()
        )
        spans = sorted(self.evidence, key=lambda e: e.start)
        pieces, pos = [], 0
        for e in spans:
            if e.start < pos:  # overlapping evidence: show it once
                continue
            pieces.append(html.escape(self.text[pos : e.start]))
            pieces.append(
                f"<mark title='{html.escape(e.area)} ↔ {html.escape(e.clause)} ({e.similarity:.2f})'>"
                f"{html.escape(self.text[e.start : e.end])}</mark><sup>{html.escape(e.area)}</sup>"
            )
            pos = e.end
        pieces.append(html.escape(self.text[pos : pos + 3000]) + ("…" if len(self.text) > pos + 3000 else ""))
        clauses = "".join(
            f"<li><b>{html.escape(e.area)}</b> ← <code>{html.escape(e.clause)}</code> ({e.clause_lang}, "
            f"sim {e.similarity:.2f}): {html.escape(e.clause_text)}</li>"
            for e in self.evidence
        )
        labels = ", ".join(self.labels) or "none of the areas"
        return (
            f"<div><p><b>Areas:</b> {html.escape(labels)} (lang {html.escape(str(self.lang))})</p>"
            f"<table>{bars}</table><ul>{clauses}</ul>"
            f"<div style='white-space:pre-wrap;max-height:30em;overflow:auto;border:1px solid #ddd;padding:4px'>{''.join(pieces)}</div></div>"
        )


# -- the head -----------------------------------------------------------------------------------
@dataclass
class _Head:
    """Linear per-area logits on [embedding, area similarities], plus calibration and thresholds."""

    weights: np.ndarray  # (K, d + K)
    bias: np.ndarray  # (K,)
    mean: np.ndarray  # (d + K,) feature standardisation
    scale: np.ndarray  # (d + K,)
    platt: np.ndarray  # (K, 2): a, b of σ(a·z + b)
    thresholds: np.ndarray  # (K,)
    aggregation: str = "blend"
    topk: int = 3
    blend: float = 0.5
    kind: str = "trained"  # 'trained' or 'zero-shot'
    params: dict[str, Any] = field(default_factory=dict)

    def logits(self, emb: np.ndarray, sims: np.ndarray) -> np.ndarray:
        x = (np.hstack([emb, sims]) - self.mean) / self.scale
        return _rowwise(x, self.weights) + self.bias

    def calibrate(self, z: np.ndarray) -> np.ndarray:
        return sigmoid(z * self.platt[:, 0] + self.platt[:, 1])


class _Space:
    """The prototypes embedded once per encoder, and the similarity features of any embedding."""

    def __init__(self, encoder: Encoder, areas: tuple[str, ...]) -> None:
        self.protos: tuple[Prototype, ...] = tuple(p for p in prototypes() if p.area in areas)
        self.matrix = encoder.encode([p.text for p in self.protos]).astype(np.float32)
        self.areas = areas
        self.area_of = np.array([areas.index(p.area) for p in self.protos])
        self.is_mou = np.array([p.source == "mou" for p in self.protos])
        # per area: its prototype columns, and those that are MOU clauses (evidence points at these)
        self.cols = [np.flatnonzero(self.area_of == k) for k in range(len(areas))]
        self.mou_cols = [np.flatnonzero((self.area_of == k) & self.is_mou) for k in range(len(areas))]

    def similarities(self, emb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(n × K area features, n × m raw cosines). An area's feature is the mean of its two nearest
        prototypes: steadier than the single nearest, still sharp for a passage on one bullet."""
        raw = _rowwise(emb, self.matrix)
        feats = np.empty((emb.shape[0], len(self.areas)), dtype=np.float32)
        for k in range(len(self.areas)):
            cols = raw[:, self.cols[k]]
            top = np.sort(cols, axis=1)[:, -2:] if cols.shape[1] >= 2 else cols
            feats[:, k] = top.mean(axis=1)
        return feats, raw


def _rowwise(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b.T`` whose every row depends only on that row of ``a``. BLAS blocks a matrix product by
    the batch's shape, so the last bits of a document's scores would depend on which other documents
    shared its batch, and a resumed run would not reproduce an uninterrupted one byte for byte."""
    return np.einsum("ij,kj->ik", a, b)


@dataclass
class _DocState:
    """Running aggregates of one document's passages: constant memory however long the document."""

    index: Any
    text: str
    lang: str | None
    path: str | None
    error: str | None = None
    n: int = 0
    emb_sum: np.ndarray | None = None
    top: np.ndarray | None = None  # (topk, K) best passage logits so far, per area
    best: list[tuple[float, int, int, str, int, float]] | None = None  # per area: z, start, end, text, proto, sim
    done: bool = False

    def update(self, emb: np.ndarray, z: np.ndarray, raw: np.ndarray, spans: list[tuple[int, int, str]], space: _Space, topk: int) -> None:
        k_areas = z.shape[1]
        if self.emb_sum is None:
            self.emb_sum = np.zeros(emb.shape[1], dtype=np.float64)
            self.top = np.full((topk, k_areas), -np.inf)
            self.best = [(-np.inf, 0, 0, "", -1, 0.0)] * k_areas
        for row in emb:  # one row at a time: the same sum however the passages were batched
            self.emb_sum += row
        self.n += emb.shape[0]
        self.top = np.sort(np.vstack([self.top, z]), axis=0)[-topk:]
        assert self.best is not None
        for k in range(k_areas):
            i = int(np.argmax(z[:, k]))
            if z[i, k] > self.best[k][0]:
                cols = space.mou_cols[k]
                j = int(cols[np.argmax(raw[i, cols])])
                start, end, ptext = spans[i]
                self.best[k] = (float(z[i, k]), start, end, ptext, j, float(raw[i, j]))


# -- the classifier -----------------------------------------------------------------------------
class AreaClassifier:
    """Multi-label tagger for the MOU's four cooperation areas, EN and ES in one model.

    ``AreaClassifier.default()`` is ready with no labelled data (the shipped head if present, else
    prototypes only); :meth:`fit` adapts it to your own labelled examples; :meth:`predict` takes
    strings, a Series, a DataFrame (``text`` or ``path`` column) or paths and returns one row each.
    """

    def __init__(self, encoder: str | Encoder | None = None, *, head: _Head | None = None, batch_size: int = BATCH_PASSAGES) -> None:
        self.encoder = get_encoder(encoder)
        self.areas: tuple[str, ...] = area_keys()
        self.batch_size = batch_size
        self._space: _Space | None = None
        self.head = head if head is not None else self._zero_shot_head()
        self.training: dict[str, Any] = {}

    # -- construction ---------------------------------------------------------------------------
    @classmethod
    def default(cls, encoder: str | Encoder | None = None, *, model: str | PathLike[str] | None = "auto") -> AreaClassifier:
        """The shipped head (``models/area-head``) when it fits ``encoder``, else zero-shot prototypes.

        ``model=None`` forces zero-shot; a path loads that head (and fails loudly if it does not fit).
        """
        enc = get_encoder(encoder)
        if model is None:
            return cls(enc)
        if model != "auto":
            return cls.load(model, encoder=enc)
        try:
            from ..resources import data_path

            path = data_path("models", DEFAULT_MODEL)
        except ModelError:
            return cls(enc)
        sig = read_json_object(path / "signature.json", path)
        if _family(str(sig.get("encoder", ""))) != _family(enc.name):
            return cls(enc)  # a head for another encoder cannot be used; prototypes still can
        return cls.load(path, encoder=enc)

    def _zero_shot_head(self) -> _Head:
        k = len(self.areas)
        cfg = ZERO_SHOT.get(_family(self.encoder.name), ZERO_SHOT["*"])
        d = self.dim
        weights = np.zeros((k, d + k))
        # logit_k = slope·(sim_k − centre) + contrast·(sim_k − mean_j sim_j)
        weights[:, d:] = cfg["slope"] * np.eye(k) + cfg["contrast"] * (np.eye(k) - 1.0 / k)
        return _Head(
            weights=weights,
            bias=np.full(k, -cfg["slope"] * cfg["centre"]),
            mean=np.zeros(d + k),
            scale=np.ones(d + k),
            platt=np.tile([1.0, 0.0], (k, 1)),
            thresholds=np.full(k, cfg["threshold"]),
            aggregation=cfg["aggregation"],
            kind="zero-shot",
            params={k_: v for k_, v in cfg.items()},
        )

    @property
    def dim(self) -> int:
        return int(getattr(self.encoder, "dim", 0) or self.space.matrix.shape[1])

    @property
    def space(self) -> _Space:
        if self._space is None:
            self._space = _Space(self.encoder, self.areas)
        return self._space

    @property
    def thresholds(self) -> dict[str, float]:
        return {a: float(t) for a, t in zip(self.areas, self.head.thresholds)}

    def signature(self, thresholds: np.ndarray | None = None) -> dict[str, Any]:
        """How results are produced: everything a reader needs to reproduce or compare them."""
        from ..resources import mou_metadata

        t = self.head.thresholds if thresholds is None else thresholds
        return {
            "library": f"mou-text {__version__}",
            "encoder": self.encoder.name,
            "label_set_version": mou_metadata()["label_set_version"],
            "areas": list(self.areas),
            "prototypes": f"{DESCRIPTIONS_VERSION}+{prototypes_hash()}",
            "model": self.head.kind,
            "thresholds": {a: round(float(x), 4) for a, x in zip(self.areas, t)},
            "aggregation": self.head.aggregation if self.head.aggregation != "topk" else f"topk{self.head.topk}",
            "passages": {"window": WINDOW, "stride": STRIDE, "max_chars": MAX_CHARS},
            "training_data_sha256": self.training.get("sha256"),
            "created": self.training.get("created"),
        }

    # -- prediction -------------------------------------------------------------------------------
    def predict(
        self,
        data: Any,
        *,
        threshold: float | Mapping[str, float] | None = None,
        lang: str | None = None,
        errors: str = "raise",
    ) -> pd.DataFrame:
        """One row per input: area scores, ``labels``, ``primary``, ``evidence``, ``lang``.

        ``threshold`` overrides the calibrated per-area thresholds (one number for all, or per area).
        ``errors='coerce'`` turns an unreadable input into a row with an ``error`` message instead of
        stopping the batch. The index of a Series/DataFrame input is kept.
        """
        import pandas as pd

        items, index = _inputs(data)
        rows = [p.row() for p in self._stream(items, threshold=threshold, lang=lang, errors=errors)]
        if index is None:
            index = pd.RangeIndex(len(rows))
        cols: dict[str, pd.Series] = {a: pd.Series([r[a] for r in rows], index=index, dtype=float) for a in self.areas}
        extra = [c for c in ("path", "error") if any(c in r for r in rows)]
        for c in ("labels", "primary", "evidence", "lang", *extra):
            # object columns keep None as None and lists as lists (no NaN, no string dtype)
            cols[c] = pd.Series([r.get(c) for r in rows], index=index, dtype=object)
        df = pd.DataFrame(cols, index=index)
        df.attrs["signature"] = self.signature(self._thresholds(threshold))
        return df

    def predict_one(self, text: str | PathLike[str], *, threshold: float | Mapping[str, float] | None = None, lang: str | None = None) -> AreaPrediction:
        """One document as a rich result (``to_frame()``, and highlighted evidence in a notebook)."""
        items, _ = _inputs([text])
        return next(iter(self._stream(items, threshold=threshold, lang=lang)))

    def predict_iter(
        self,
        data: Any,
        *,
        threshold: float | Mapping[str, float] | None = None,
        lang: str | None = None,
        errors: str = "raise",
    ) -> Iterator[AreaPrediction]:
        """:meth:`predict` as a stream of :class:`AreaPrediction`, in input order, for corpora too big
        to hold: ``data`` may be any iterable (a generator of texts or paths is consumed lazily).
        Passages of consecutive documents share encoder batches; only the running aggregates of
        unfinished documents are kept."""
        import pandas as pd

        if isinstance(data, (pd.DataFrame, pd.Series, str, PathLike)):
            items: Iterable[tuple[Any, str | None, str | None]] = _inputs(data)[0]
        else:
            items = ((i, *_one(v)) for i, v in enumerate(data))
        return self._stream(items, threshold=threshold, lang=lang, errors=errors)

    def _stream(
        self,
        items: Iterable[tuple[Any, str | None, str | None]],
        *,
        threshold: float | Mapping[str, float] | None = None,
        lang: str | None = None,
        errors: str = "raise",
    ) -> Iterator[AreaPrediction]:
        if errors not in ("raise", "coerce"):
            raise ConfigError("errors", f"{errors!r} is not an option", "use 'raise' or 'coerce'", code="E206")
        thresholds = self._thresholds(threshold)
        signature = MappingProxyType(self.signature(thresholds))
        space, head = self.space, self.head
        open_docs: deque[_DocState] = deque()
        batch: list[tuple[_DocState, int, int, str]] = []

        def flush() -> None:
            if not batch:
                return
            emb = self.encoder.encode([t for *_, t in batch])
            feats, raw = space.similarities(emb)
            z = head.logits(emb, feats)
            i = 0
            while i < len(batch):  # consecutive runs of one document
                state = batch[i][0]
                j = i
                while j < len(batch) and batch[j][0] is state:
                    j += 1
                state.update(emb[i:j], z[i:j], raw[i:j], [(s, e, t) for _, s, e, t in batch[i:j]], space, head.topk)
                i = j
            batch.clear()

        def finished() -> Iterator[AreaPrediction]:
            # the batch is in document order and older documents are finished, so the oldest open
            # document can only have passages pending at the batch's head
            while open_docs and open_docs[0].done and not (batch and batch[0][0] is open_docs[0]):
                yield self._finish(open_docs.popleft(), thresholds, signature)

        for item in items:
            state = self._open(item, lang, errors)
            open_docs.append(state)
            # An encoder batch never mixes documents: a vector's last bits depend on its batch (BLAS
            # shapes, padding), so a document's scores depend on itself alone and a resumed run writes
            # the bytes of an uninterrupted one.
            flush()
            yield from finished()
            if state.error is None:
                for p in passages(state.text, state.lang or "en"):
                    batch.append((state, p.start, p.end, p.text))
                    if len(batch) >= self.batch_size:
                        flush()
                        yield from finished()
            state.done = True
            yield from finished()
        flush()
        yield from finished()

    def _open(self, item: tuple[Any, str | None, str | None], lang: str | None, errors: str) -> _DocState:
        from ..lang import LANG_NAMES, detect

        index, text, path = item
        try:
            if path is not None:
                text = read_text(path)
            if not isinstance(text, str):
                raise InputError(f"input {index!r}", f"it is a {type(text).__name__}, not text", "pass strings or paths", code="E013")
            if not text.strip():
                raise InputError(f"input {index!r}", "it is empty", "drop empty rows, or use errors='coerce' to keep them as rows with an error", code="E014")
            code = lang
            if code is None:
                det = detect(text)
                if det.lang is not None and det.lang not in ("en", "es"):  # as parse() refuses it
                    raise UnsupportedLanguageError(
                        f"file '{path}'" if path is not None else f"input {index!r}",
                        f"it reads as {LANG_NAMES.get(det.lang, det.lang)} (confidence {det.confidence:.2f}); the classifier reads English and Spanish",
                        "pass the English or Spanish version; if it really is one of them, pass lang='en' or lang='es' (CLI: --lang)",
                        path=path, code="E089",
                    )
                code = det.lang
            return _DocState(index, text, code, path)
        except Exception as exc:
            if errors == "raise":
                raise
            # a batch goes on past any one bad file; our own errors already say what/why/fix
            message = str(exc) if isinstance(exc, MouTextError) else f"{type(exc).__name__}: {exc}"
            return _DocState(index, text if isinstance(text, str) else "", None, path, error=message)

    def _finish(self, state: _DocState, thresholds: np.ndarray, signature: Mapping[str, Any]) -> AreaPrediction:
        if state.error is not None or state.n == 0:
            return AreaPrediction(
                {a: (np.nan if state.error else 0.0) for a in self.areas}, (), None, (), state.lang, state.text, signature, state.path, state.error
            )
        assert state.emb_sum is not None and state.top is not None and state.best is not None
        z_passages = np.array([b[0] for b in state.best])
        z = self._aggregate(state.emb_sum / state.n, state.top, z_passages, state.n)
        probs = self.head.calibrate(z[None, :])[0]
        on = [i for i in np.argsort(-probs) if probs[i] >= thresholds[i]]
        labels = tuple(self.areas[i] for i in on)
        evidence = []
        passage_probs = self.head.calibrate(z_passages[None, :])[0]
        for i in on:
            _, start, end, ptext, j, sim = state.best[i]
            proto = self.space.protos[j]
            evidence.append(Evidence(self.areas[i], start, end, ptext, proto.id, proto.lang, proto.text, sim, float(passage_probs[i])))
        scores = {a: round(float(p), 6) for a, p in zip(self.areas, probs)}
        return AreaPrediction(scores, labels, labels[0] if labels else None, tuple(evidence), state.lang, state.text, signature, state.path)

    def _aggregate(self, mean_emb: np.ndarray, top: np.ndarray, z_max: np.ndarray, n: int, head: _Head | None = None) -> np.ndarray:
        head = head or self.head
        agg = head.aggregation
        if agg == "max":
            return z_max
        if agg == "topk":
            rows = top[-min(head.topk, n) :]
            return rows.mean(axis=0)
        e = mean_emb / max(np.linalg.norm(mean_emb), 1e-12)
        feats, _ = self.space.similarities(e[None, :].astype(np.float32))
        z_mean = head.logits(e[None, :], feats)[0]
        if agg == "mean":
            return z_mean
        if agg == "blend":
            return head.blend * z_mean + (1 - head.blend) * z_max
        raise ConfigError("aggregation", f"{agg!r} is not known", f"use one of {', '.join(AGGREGATIONS)}", code="E207")

    def _thresholds(self, threshold: float | Mapping[str, float] | None) -> np.ndarray:
        if threshold is None:
            return self.head.thresholds.copy()
        if isinstance(threshold, Mapping):
            unknown = set(threshold) - set(self.areas)
            if unknown:
                raise ConfigError("threshold", f"unknown area(s) {sorted(unknown)}", f"use keys among {list(self.areas)}", code="E208")
            return np.array([float(threshold.get(a, t)) for a, t in zip(self.areas, self.head.thresholds)])
        t = float(threshold)
        if not 0.0 <= t <= 1.0:
            raise ConfigError("threshold", f"{t} is outside [0, 1]", "scores are probabilities: pass a value such as 0.5", code="E209")
        return np.full(len(self.areas), t)

    # -- training ---------------------------------------------------------------------------------
    def embed_documents(self, data: Any) -> list[np.ndarray]:
        """Passage embeddings of each document (n_passages × d). Training keeps these; predict does not."""
        items, _ = _inputs(data)
        out: list[list[np.ndarray]] = []
        batch: list[tuple[int, str]] = []

        def flush() -> None:
            if batch:
                emb = self.encoder.encode([t for _, t in batch])
                for (i, _), e in zip(batch, emb):
                    out[i].append(e)
                batch.clear()

        from ..lang import detect

        for n, (_, text, path) in enumerate(items):
            out.append([])
            if path is not None:
                text = read_text(path)
            if not isinstance(text, str) or not text.strip():
                raise InputError(f"training input {n}", "it is empty or not text", "remove empty rows from the training data", code="E015")
            for p in passages(text, detect(text).lang or "en"):
                batch.append((n, p.text))
                if len(batch) >= self.batch_size:
                    flush()
        flush()
        return [np.vstack(v).astype(np.float32) for v in out]

    def fit(
        self,
        texts: Any,
        labels: Any,
        *,
        l2: float = 0.1,
        proto_penalty: float = 0.1,
        aggregation: str = "blend",
        folds: int = 5,
        floor: float = 0.3,
        class_weight: str | None = "balanced",
        prior: float | str = "auto",
        seed: int = 0,
        threshold_method: str = "half-f1",
        embeddings: list[np.ndarray] | None = None,
    ) -> AreaClassifier:
        """Learn a head on the frozen embeddings of labelled examples; returns ``self``.

        ``labels``: one list of area keys per text (``[]`` = none of the areas), or an n × 4 0/1
        array. Scores are calibrated (Platt) and thresholds chosen (:func:`find_thresholds`) on
        out-of-fold predictions, so they reflect documents the head has not seen
        (``threshold_method``: see :func:`find_thresholds`). ``prior`` weighs
        the zero-shot (prototype) head the learned head corrects: with a dozen examples it keeps the
        head sensible; ``'auto'`` fades it as examples grow. ``l2`` regularises the embedding
        weights, ``proto_penalty`` scales it for the four prototype-similarity features.
        """
        if aggregation not in AGGREGATIONS:
            raise ConfigError("aggregation", f"{aggregation!r} is not known", f"use one of {', '.join(AGGREGATIONS)}", code="E210")
        if threshold_method not in THRESHOLD_METHODS:
            raise ConfigError("threshold_method", f"{threshold_method!r} is not known", f"use one of {', '.join(THRESHOLD_METHODS)}", code="E211")
        if texts is not None and not hasattr(texts, "__len__"):
            texts = list(texts)  # a generator is read twice: for embeddings and for the training hash
        Y = self.binarise(labels)
        docs = embeddings if embeddings is not None else self.embed_documents(texts)
        if len(docs) != len(Y):
            raise ConfigError("labels", f"{len(Y)} label rows for {len(docs)} texts", "pass one label list per text", code="E212")
        if len(docs) < 4:
            raise ConfigError("fit", f"only {len(docs)} labelled examples", "label at least a few examples per area (10+ is better)", code="E213")
        feats = [self._passage_features(e) for e in docs]
        X_doc = np.vstack([f[2] for f in feats])
        d, k = self.dim, len(self.areas)
        mean = X_doc.mean(axis=0)
        scale = X_doc.std(axis=0) + 1e-6
        penalty = np.concatenate([np.ones(d), np.full(k, proto_penalty)])
        if prior == "auto":
            # Lean on the prototypes while examples are few: full weight up to ~10 positives for the
            # rarest area, fading as 10/n after (measured: docs/benchmarks.md, few-shot table).
            prior = min(1.0, 10.0 / max(1.0, float(Y.sum(axis=0).min())))
        prior = float(prior)
        params = {"l2": l2, "proto_penalty": proto_penalty, "folds": folds, "floor": floor, "class_weight": class_weight, "prior": round(prior, 4), "seed": seed, "threshold_method": threshold_method}
        # The zero-shot head as a prior: the learned head is a correction of it, folded into one
        # linear map in the standardised feature space (w_std = w_raw·scale, b += w_raw·mean).
        zs = self._zero_shot_head()
        prior_W = prior * zs.weights * scale
        prior_b = prior * (zs.bias + zs.weights @ mean)

        def train(idx: np.ndarray) -> _Head:
            W = np.zeros((k, d + k))
            b = np.zeros(k)
            Xs = (X_doc[idx] - mean) / scale
            for a in range(k):
                y = Y[idx, a]
                sw = _class_weights(y) if class_weight == "balanced" else None
                off = Xs @ prior_W[a] + prior_b[a] if prior else None
                W[a], b[a] = fit_logistic(Xs, y, l2=l2, sample_weight=sw, penalty=penalty, offset=off)
            return _Head(W + prior_W, b + prior_b, mean, scale, np.tile([1.0, 0.0], (k, 1)), np.full(k, 0.5), aggregation, params=params)

        oof = np.zeros((len(docs), k))
        fold_of = _folds(Y, folds, seed)
        n_folds = int(fold_of.max()) + 1
        if n_folds == 1:
            rare = {a: int(Y[:, i].sum()) for i, a in enumerate(self.areas) if Y[:, i].sum() < 2}
            warnings.warn(
                f"too few positives to hold any out for calibration ({rare}): scores are uncalibrated and every "
                "threshold is 0.5; label at least 2 (better 10+) examples per area",
                stacklevel=2,
            )
        with single_threaded_blas():
            for f in range(n_folds):
                held = np.flatnonzero(fold_of == f)
                fold_head = train(np.flatnonzero(fold_of != f))
                for i in held:
                    oof[i] = self._doc_logits(feats[i], fold_head)
            head = train(np.arange(len(docs)))
        platt = np.array([fit_platt(oof[:, a], Y[:, a]) if n_folds > 1 else (1.0, 0.0) for a in range(k)])
        head.platt = platt
        head.thresholds = find_thresholds(sigmoid(oof * platt[:, 0] + platt[:, 1]), Y, floor=floor, method=threshold_method) if n_folds > 1 else np.full(k, 0.5)
        self.head = head
        self.training = {
            "sha256": training_hash(texts, Y, self.areas) if embeddings is None or texts is not None else None,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "n": len(docs),
            "positives": {a: int(Y[:, i].sum()) for i, a in enumerate(self.areas)},
            "oof_logits": oof,
        }
        return self

    def _passage_features(self, emb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(passage embeddings, their area similarities, the document's mean-embedding feature row)."""
        sims, _ = self.space.similarities(emb)
        m = emb.mean(axis=0)
        m = (m / max(np.linalg.norm(m), 1e-12)).astype(np.float32)
        msims, _ = self.space.similarities(m[None, :])
        return emb, sims, np.hstack([m, msims[0]])

    def _doc_logits(self, feats: tuple[np.ndarray, np.ndarray, np.ndarray], head: _Head) -> np.ndarray:
        emb, sims, _ = feats
        z = head.logits(emb, sims)
        top = np.sort(z, axis=0)
        return self._aggregate(emb.mean(axis=0), top, z.max(axis=0), len(z), head)

    def scores_from_embeddings(self, docs: list[np.ndarray]) -> np.ndarray:
        """Calibrated n × K scores from precomputed passage embeddings (for experiments that sweep
        settings without re-encoding; :meth:`predict` is the streaming path)."""
        return np.vstack([self.head.calibrate(self._doc_logits(self._passage_features(e), self.head)[None, :]) for e in docs]) if docs else np.zeros((0, len(self.areas)))

    def binarise(self, labels: Any) -> np.ndarray:
        """Labels as an n × K 0/1 matrix; accepts lists of keys, ``'a;b'`` strings or a matrix."""
        if isinstance(labels, np.ndarray) and labels.ndim == 2:
            if labels.shape[1] != len(self.areas):
                raise ConfigError("labels", f"a matrix with {labels.shape[1]} columns", f"use {len(self.areas)} columns: {list(self.areas)}", code="E214")
            return (labels > 0).astype(np.float64)
        rows = list(labels.tolist() if hasattr(labels, "tolist") else labels)
        Y = np.zeros((len(rows), len(self.areas)))
        for i, row in enumerate(rows):
            if isinstance(row, str):
                row = [r.strip() for r in re.split(r"[;,|]", row) if r.strip()]
            for key in row or ():
                if key not in self.areas:
                    raise ConfigError("labels", f"row {i} has unknown area {key!r}", f"use area keys among {list(self.areas)} ([] for none)", code="E215")
                Y[i, self.areas.index(key)] = 1
        return Y

    # -- persistence ------------------------------------------------------------------------------
    def save(self, directory: str | PathLike[str]) -> Path:
        """Write the head as ``.npy`` arrays + ``config.json`` + ``signature.json`` (never pickle)."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        h = self.head
        arrays = {"weights": h.weights, "bias": h.bias, "mean": h.mean, "scale": h.scale, "platt": h.platt, "thresholds": h.thresholds}
        for name, arr in arrays.items():
            _atomic_npy(out / f"{name}.npy", np.asarray(arr, dtype=np.float32))
        config = {
            "format": 1,
            "areas": list(self.areas),
            "dim": self.dim,
            "aggregation": h.aggregation,
            "topk": h.topk,
            "blend": h.blend,
            "kind": h.kind,
            "params": h.params,
            "prototypes": prototypes_hash(),
            "training": {k: v for k, v in self.training.items() if k != "oof_logits"},
        }
        atomic_write_text(out / "config.json", json.dumps(config, indent=1, ensure_ascii=False) + "\n")
        sig = self.signature()
        sig["encoder_spec"] = _spec_of(self.encoder.name)
        atomic_write_text(out / "signature.json", json.dumps(sig, indent=1, ensure_ascii=False) + "\n")
        return out

    @classmethod
    def load(cls, directory: str | PathLike[str], *, encoder: str | Encoder | None = None) -> AreaClassifier:
        """A saved head; ``encoder`` defaults to the one it was trained with and must match it."""
        path = Path(directory)
        if not (path / "signature.json").is_file():
            raise ModelError(f"model folder '{path}'", "it has no signature.json", "pass a folder written by AreaClassifier.save()", path=path, code="E101")
        sig = read_json_object(path / "signature.json", path)
        config = read_json_object(path / "config.json", path)
        check_signature(sig, path)
        check_config(config, path)
        enc = get_encoder(encoder if encoder is not None else sig.get("encoder_spec") or "use")
        if _family(enc.name) != _family(sig.get("encoder", "")):
            raise ModelError(
                f"model folder '{path}'",
                f"it was trained with encoder '{sig.get('encoder')}' but is used with '{enc.name}'",
                f"load it with the encoder it was trained with (encoder={sig.get('encoder_spec') or 'use'!r}), or fit a new head with this encoder",
                path=path, code="E102",
            )
        if enc.name != sig.get("encoder"):
            warnings.warn(f"model '{path}' was trained with '{sig.get('encoder')}', now used with '{enc.name}': check its scores", stacklevel=2)
        self = cls(enc)
        if list(config.get("areas", [])) != list(self.areas):
            raise ModelError(f"model folder '{path}'", f"its areas {config.get('areas')} differ from this label set {list(self.areas)}", "retrain the head with this version of mou-text", path=path, code="E103")
        shapes = expected_shapes(len(self.areas), self.dim)
        arrays = {n: read_array(path, n, shapes[n]) for n in ARRAYS}
        check_values(arrays, path)
        if config.get("aggregation", "blend") not in AGGREGATIONS:
            raise ModelError(
                f"model folder '{path}'", f"config.json names an unknown aggregation {config.get('aggregation')!r}", f"use one of {', '.join(AGGREGATIONS)}, or re-save the model", path=path, code="E106",
            )
        if config.get("prototypes") != prototypes_hash():
            warnings.warn(f"model '{path}' was fitted with other area prototypes than this version's: retrain it for best results", stacklevel=2)
        self.head = _Head(
            **arrays,
            aggregation=config.get("aggregation", "blend"),
            topk=int(config.get("topk", 3)),
            blend=float(config.get("blend", 0.5)),
            kind=config.get("kind", "trained"),
            params=config.get("params", {}),
        )
        self.training = dict(config.get("training", {}))
        return self

    def __repr__(self) -> str:
        return f"<AreaClassifier {self.head.kind} head, aggregation={self.head.aggregation}, encoder={self.encoder.name!r}>"


# -- helpers ------------------------------------------------------------------------------------
def read_text(path: str | PathLike[str]) -> str:
    """A file's text as the classifier sees it (offsets in evidence index this): markdown stripped."""
    from ..readers import read

    return strip_markdown(read(Path(path)).text)


def strip_markdown(markup: str) -> str:
    """The light markdown the readers emit (``#`` headings, ``- `` entries, ``**bold**``, links) as plain text."""
    text = _MD_HEADING.sub("", markup)
    text = _MD_BULLET.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_LINK.sub(r"\1", text)


def training_hash(texts: Any, Y: np.ndarray, areas: Sequence[str]) -> str:
    """sha256 of the training examples (text and labels, in order): the provenance of a head."""
    items, _ = _inputs(texts)
    h = hashlib.sha256()
    for (_, text, path), row in zip(items, Y):
        body = text if path is None else read_text(path)
        labels = [a for a, v in zip(areas, row) if v]
        h.update(json.dumps([body, labels], ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()


def _inputs(data: Any) -> tuple[list[tuple[Any, str | None, str | None]], Any]:
    """Normalise every accepted input to (index, text, path) triples and an index for the frame."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        if "text" in data.columns:
            return [(i, t, None) for i, t in zip(data.index, data["text"])], data.index
        if "path" in data.columns:
            return [(i, None, str(p)) for i, p in zip(data.index, data["path"])], data.index
        raise ConfigError("DataFrame input", f"it has no 'text' or 'path' column (columns: {list(data.columns)[:8]})", "rename the column with the documents to 'text' (or 'path' for files)", code="E216")
    if isinstance(data, pd.Series):
        return [(i, *_one(v)) for i, v in zip(data.index, data)], data.index
    if isinstance(data, (str, PathLike)):
        data = [data]
    if not isinstance(data, Iterable):
        raise ConfigError("input", f"a {type(data).__name__} cannot be classified", "pass a string, a list of strings or paths, a Series or a DataFrame", code="E217")
    items = [(i, *_one(v)) for i, v in enumerate(data)]
    return items, None


def _one(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, PathLike):
        return None, str(value)
    if isinstance(value, str) and looks_like_path(value):
        return None, value.strip()  # a path, existing or not: a missing file is an error, never a text to score
    return value, None


def _class_weights(y: np.ndarray) -> np.ndarray:
    n_pos = max(float(y.sum()), 1.0)
    n_neg = max(float(len(y) - y.sum()), 1.0)
    return np.where(y > 0, len(y) / (2 * n_pos), len(y) / (2 * n_neg))


def _folds(Y: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """Fold of each example, stratified by label set (rarest sets dealt first), seeded."""
    rng = np.random.default_rng(seed)
    min_pos = int(min(Y.sum(axis=0).min(), (Y.sum(axis=1) == 0).sum() or len(Y)))
    n_folds = max(1, min(folds, min_pos, len(Y)))
    keys = ["".join(str(int(v)) for v in row) for row in Y]
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    out = np.zeros(len(Y), dtype=int)
    pos = 0
    for key in sorted(groups, key=lambda g: (len(groups[g]), g)):
        idx = np.array(groups[key])
        rng.shuffle(idx)
        for i in idx:
            out[i] = pos % n_folds
            pos += 1
    return out


def _family(name: str) -> str:
    """An encoder's name without its package version: a head fits every version of its model."""
    return name.split(" (", 1)[0].strip()


def _spec_of(name: str) -> str:
    fam = _family(name)
    if fam.startswith("use-"):
        return "use"
    if fam.startswith("st:"):
        return "st" if fam == "st:all-MiniLM-L6-v2" else fam
    if fam.startswith("fake-hash-"):
        return "fake"
    return fam


def _atomic_npy(path: Path, arr: np.ndarray) -> None:
    from .._io import atomic_write

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:  # a file handle: np.save on a path would append ".npy" to the temp name
            np.save(fh, arr, allow_pickle=False)

    atomic_write(path, write)
