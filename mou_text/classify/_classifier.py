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
   of the areas" is an honest, empty answer rather than the least-bad area; a text that never names
   women, girls or gender gets none whatever its scores (``SHARE_FLOOR``).

Everything a result depends on (encoder, label-set and prototype versions, thresholds, aggregation,
training-data hash, library version) is in ``df.attrs['signature']``; a saved head is plain ``.npy``
+ JSON and refuses to run on an encoder it was not trained with.

This module is :class:`AreaClassifier` itself: construction and streaming prediction, the path every
document takes. The rest sits below it, so each piece can be read alone: results (``_results``),
input handling (``_inputs``), the head and aggregation (``_head``), training (``_train``) and saving
(``_store``); ``fit``, ``save`` and ``load`` here only delegate.

Why this module is long: streaming prediction keeps each document's running state (passages seen,
their best evidence, errors) beside the batching that feeds the encoder, and the two are one loop.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from ..embed import Encoder, get_encoder
from ..errors import ConfigError, InputError, ModelError, MouTextError, UnsupportedLanguageError
from ..lang import BOILERPLATE_VERSION, women_share
from ..signature import Signature
from ._head import Head, Space, aggregate, confidence, doc_logits, order_labels, passage_features, zero_shot_head
from ._inputs import inputs, one, read_text
from ._passages import MAX_CHARS, STRIDE, WINDOW, passages
from ._prototypes import DESCRIPTIONS_VERSION, area_keys, prototypes_hash
from ._results import AreaPrediction, Evidence
from ._store import family
from ._store import load as load_head
from ._store import save as save_head
from ._train import binarise, embed_documents
from ._train import fit as fit_head
from ._validate import read_json_object

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_MODEL", "AreaClassifier"]

#: The folder of the shipped head, under ``data_path('models')``.
DEFAULT_MODEL = "area-head"
#: Passages encoded per call: big enough to keep the encoder busy, small enough to keep memory flat.
BATCH_PASSAGES = 128


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

    def update(self, emb: np.ndarray, z: np.ndarray, raw: np.ndarray, spans: list[tuple[int, int, str]], space: Space, topk: int) -> None:
        """Fold a run of this document's passages into the aggregates; the evidence clause of each
        area is looked up among the MOU clauses in the document's language."""
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
                cols = space.clause_cols(k, self.lang)
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

    def __init__(self, encoder: str | Encoder | None = None, *, head: Head | None = None, batch_size: int = BATCH_PASSAGES) -> None:
        self.encoder = get_encoder(encoder)
        self.areas: tuple[str, ...] = area_keys()
        self.batch_size = batch_size
        self._space: Space | None = None
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
        if family(str(sig.get("encoder", ""))) != family(enc.name):
            return cls(enc)  # a head for another encoder cannot be used; prototypes still can
        return cls.load(path, encoder=enc)

    def _zero_shot_head(self) -> Head:
        return zero_shot_head(family(self.encoder.name), self.areas, self.dim)

    @property
    def dim(self) -> int:
        return int(getattr(self.encoder, "dim", 0) or self.space.matrix.shape[1])

    @property
    def space(self) -> Space:
        if self._space is None:
            self._space = Space(self.encoder, self.areas)
        return self._space

    @property
    def near(self) -> float:
        """How close to its threshold (as a share of it) the top area must be to name a document
        that no area passes: the head's own ``params['near']``, else :data:`~mou_text.classify.NEAR`."""
        return self.head.near

    @property
    def second(self) -> float:
        """How far over its own threshold (× it) an area after the primary must be to be labelled too:
        the head's own ``params['second']``, else :data:`~mou_text.classify.SECOND`."""
        return self.head.second

    @property
    def share_floor(self) -> float | None:
        """The women share at or under which a text gets no area (a text that never names women, girls or
        gender): the head's own ``params['share_floor']``, else :data:`~mou_text.classify.SHARE_FLOOR`; None: no gate."""
        return self.head.share_floor

    @property
    def thresholds(self) -> dict[str, float]:
        return {a: float(t) for a, t in zip(self.areas, self.head.thresholds)}

    def signature(self, thresholds: np.ndarray | None = None) -> Signature:
        """How results are produced: everything a reader needs to reproduce or compare them (a method,
        not a field, because a caller may ask for the signature under other thresholds)."""
        from ..resources import mou_metadata

        t = self.head.thresholds if thresholds is None else thresholds
        return Signature.of(
            "classify",
            encoder=self.encoder.name,
            label_set_version=mou_metadata()["label_set_version"],
            areas=list(self.areas),
            prototypes=f"{DESCRIPTIONS_VERSION}+{prototypes_hash()}",
            model=self.head.kind,
            thresholds={a: round(float(x), 4) for a, x in zip(self.areas, t)},
            near=self.near,
            second=self.second,
            share_floor=self.share_floor,
            aggregation=self.head.aggregation if self.head.aggregation != "topk" else f"topk{self.head.topk}",
            lexical=round(float(self.head.lex_weight), 4),
            share=self.head.params.get("share") if self.head.share is not None else None,
            passages={"window": WINDOW, "stride": STRIDE, "max_chars": MAX_CHARS, "furniture": BOILERPLATE_VERSION},
            training_data_sha256=self.training.get("sha256"),
            created=self.training.get("created"),
        )

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

        items, index = inputs(data)
        rows = [p.row() for p in self._stream(items, threshold=threshold, lang=lang, errors=errors)]
        if index is None:
            index = pd.RangeIndex(len(rows))
        cols: dict[str, pd.Series] = {a: pd.Series([r[a] for r in rows], index=index, dtype=float) for a in self.areas}
        extra = [c for c in ("path", "error") if any(c in r for r in rows)]
        for c in ("labels", "primary", "confidence", "evidence", "lang", *extra):
            # object columns keep None as None and lists as lists (no NaN, no string dtype)
            cols[c] = pd.Series([r.get(c) for r in rows], index=index, dtype=object)
        df = pd.DataFrame(cols, index=index)
        df.attrs["signature"] = self.signature(self._thresholds(threshold)).to_dict()
        return df

    def predict_one(self, text: str | PathLike[str], *, threshold: float | Mapping[str, float] | None = None, lang: str | None = None) -> AreaPrediction:
        """One document as a rich result (``to_frame()``, and highlighted evidence in a notebook)."""
        items, _ = inputs([text])
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
        Each document's passages go to the encoder in batches of their own (a vector then never
        depends on its neighbours); only the running aggregates of unfinished documents are kept."""
        import pandas as pd

        if isinstance(data, (pd.DataFrame, pd.Series, str, PathLike)):
            items: Iterable[tuple[Any, str | None, str | None]] = inputs(data)[0]
        else:
            items = ((i, *one(v)) for i, v in enumerate(data))
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
        z = aggregate(self.space, self.head, state.emb_sum / state.n, state.top, z_passages, state.n)
        z = self.head.mix(z[None, :], [state.text])[0]
        shares = self.head.shares([state.text])
        probs = self.head.calibrate(z[None, :], shares)[0]
        # primary the furthest over its threshold, further labels only well over theirs; else the area
        # near its own threshold (low confidence); only when none is near, or the text never names
        # women or gender, is the answer empty
        on = order_labels(probs, thresholds, self.near, self.second, women_share(state.text), self.share_floor)
        labels = tuple(self.areas[i] for i in on)
        conf = confidence(float(probs[on[0]]), float(thresholds[on[0]]), self.near) if on else None
        evidence = []
        passage_probs = self.head.calibrate(z_passages[None, :], shares)[0]  # a passage scored as its document is
        for i in on:
            _, start, end, ptext, j, sim = state.best[i]
            proto = self.space.protos[j]
            evidence.append(Evidence(self.areas[i], start, end, ptext, proto.id, proto.lang, proto.text, sim, float(passage_probs[i])))
        scores = {a: round(float(p), 6) for a, p in zip(self.areas, probs)}
        return AreaPrediction(scores, labels, labels[0] if labels else None, tuple(evidence), state.lang, state.text, signature, state.path, confidence=conf)

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
        return embed_documents(self.encoder, data, self.batch_size)

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
        lexical: float = 0.65,
        share: bool = True,
    ) -> AreaClassifier:
        """Learn a head on the frozen embeddings of labelled examples; returns ``self``.

        ``labels``: one list of area keys per text (``[]`` = none of the areas), or an n × 4 0/1
        array. Scores are calibrated (Platt) and thresholds chosen (:func:`find_thresholds`) on
        out-of-fold predictions, so they reflect documents the head has not seen
        (``threshold_method``: see :func:`find_thresholds`). ``prior`` weighs
        the zero-shot (prototype) head the learned head corrects: with a dozen examples it keeps the
        head sensible; ``'auto'`` fades it as examples grow. ``l2`` regularises the embedding
        weights, ``proto_penalty`` scales it for the four prototype-similarity features.
        ``lexical`` weighs a TF-IDF channel (word and character n-grams) blended with the head's
        logits before calibration (0 = off; it needs ``texts``, so it is off for embeddings alone).
        ``share`` lets calibration weigh, per area, how much of a document names women
        (:func:`~mou_text.lang.women_cue`, saturated at one term in sixty words), so near-topic documents about something else stay empty
        (needs ``texts`` too).
        """
        self.head, self.training = fit_head(
            self, texts, labels, zero_shot=self._zero_shot_head, l2=l2, proto_penalty=proto_penalty, aggregation=aggregation,
            k_folds=folds, floor=floor, class_weight=class_weight, prior=prior, seed=seed,
            threshold_method=threshold_method, embeddings=embeddings, lexical=lexical, share=share,
        )
        return self

    def scores_from_embeddings(self, docs: list[np.ndarray], texts: list[str] | None = None) -> np.ndarray:
        """Calibrated n × K scores from precomputed passage embeddings (for experiments that sweep
        settings without re-encoding; :meth:`predict` is the streaming path). ``texts`` (the same
        documents) are needed when the head has a lexical channel."""
        space, head = self.space, self.head
        if not docs:
            return np.zeros((0, len(self.areas)))
        z = np.vstack([doc_logits(space, passage_features(space, e), head) for e in docs])
        return head.calibrate(head.mix(z, texts), head.shares(texts))

    def binarise(self, labels: Any) -> np.ndarray:
        """Labels as an n × K 0/1 matrix; accepts lists of keys, ``'a;b'`` strings or a matrix."""
        return binarise(labels, self.areas)

    # -- persistence ------------------------------------------------------------------------------
    def save(self, directory: str | PathLike[str]) -> Path:
        """Write the head as ``.npy`` arrays + ``config.json`` + ``signature.json`` (never pickle)."""
        return save_head(self, directory)

    @classmethod
    def load(cls, directory: str | PathLike[str], *, encoder: str | Encoder | None = None) -> AreaClassifier:
        """A saved head; ``encoder`` defaults to the one it was trained with and must match it."""
        return load_head(directory, encoder=encoder, new=cls)

    def __repr__(self) -> str:
        return f"<AreaClassifier {self.head.kind} head, aggregation={self.head.aggregation}, encoder={self.encoder.name!r}>"
