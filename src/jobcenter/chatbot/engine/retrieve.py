"""Section retrieval over the knowledge base: Kiwi-morpheme BM25 + dense (multilingual USE) + character n-grams.

Pure Python (no Django). Every ``##`` section of every document is one passage; what is indexed is
"document title / section heading / section text". Three signals score a question against every passage:

- **BM25** over Kiwi morphemes (``jobcenter.nlp.tokenize``, ``jobcenter.nlp.bm25``): exact policy vocabulary.
- **dense**: cosine of multilingual USE vectors (``jobcenter.nlp.embed``, one thread: see ``_embedder``), so an English question finds the Korean
  page and spoken Korean finds the written one. Passage vectors are computed once and cached on disk under
  ``<var>/cache`` keyed by the model version and a hash of the passage texts (``CachedEmbedder``).
- **n-gram**: character 1–3-gram TF-IDF cosine (``jobcenter.nlp.ngrams``), which survives typos and spacing.

Fusion is a weighted sum of the three scores, each divided by its maximum over the passages for this question
(so BM25's unbounded scale does not dominate), or reciprocal rank fusion (``fusion="rrf"``). The weights below
were chosen on the knowledge base's structure, not fitted per question: see ``docs/benchmarks.md``.

**Pairing of languages.** A Korean page and its English version share ``Document.stem``, but the English page is
shorter and its sections are not in the same positions (e.g. ``job-seeking-benefit-amount``: 8 Korean sections, 7
English ones, a worked-examples section where the Korean page has two). So each English section is paired, at
build time, with the Korean section of the same stem it matches best: the cosine of their USE text vectors
and of their title+heading vectors (multilingual) plus the overlap of the figures they state (``66,000``, ``180``…), assigned one-to-one greedily,
best pair first. ``SectionRetriever.group_of(passage)`` is the Korean passage's id for both members of a pair
(and a passage's own id when it has no counterpart); the evaluation counts a hit on either member of the expected
section's group, and the bot answers from the member in the question's language. ``pairs()`` lists them for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np

from jobcenter.chatbot.knowledge.loader import Document, load_documents

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def detect_lang(text: str) -> str:
    """"ko" when the text has any Hangul syllable, else "en"."""
    return "ko" if HANGUL.search(text or "") else "en"


@dataclass(frozen=True)
class Passage:
    id: str  # "<doc id>#<position>"
    doc_id: str
    stem: str
    lang: str
    title: str
    heading: str
    text: str
    position: int
    sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.title} › {self.heading}"

    def citation(self) -> dict[str, str]:
        return {"doc": self.doc_id, "section": self.heading, "title": self.title, "label": self.label}

    def index_text(self) -> str:
        return f"{self.title}\n{self.heading}\n{self.text}"


@dataclass
class Hit:
    passage: Passage
    score: float
    bm25: float = 0.0
    dense: float = 0.0
    ngram: float = 0.0

    def as_dict(self) -> dict:
        return {"id": self.passage.id, "doc": self.passage.doc_id, "section": self.passage.heading,
                "score": round(float(self.score), 4), "bm25": round(float(self.bm25), 3),
                "dense": round(float(self.dense), 4), "ngram": round(float(self.ngram), 4)}


# Everyday names of programmes → the names the documents use: the colloquial and abbreviated names people actually
# type, as the documents' own "also called" lines list them. The everyday name of the job-seeking benefit is
# *replaced* (with its common misspellings), because its morpheme "실업" otherwise pulls every question about
# the benefit towards "실업인정" (unemployment recognition); the others are appended.
REPLACE = (
    (re.compile(r"실업\s*[급금]\s*[여어]"), "구직급여"),
    (re.compile(r"unemployment (?:insurance )?(?:benefit|pay)s?", re.IGNORECASE), "job-seeking benefit"),
)
ALIASES = (
    (re.compile(r"국취제|국취"), "국민취업지원제도"),
    (re.compile(r"내배카|내일배움카드"), "국민내일배움카드"),
    (re.compile(r"취성패"), "취업성공패키지"),
)


def expand_query(question: str) -> str:
    """The question in the documents' words: the benefit's everyday name replaced, programme nicknames expanded."""
    for pattern, canonical in REPLACE:
        question = pattern.sub(canonical, question)
    extra = [canonical for pattern, canonical in ALIASES if pattern.search(question) and canonical not in question]
    return question if not extra else question + " " + " ".join(extra)


def passages_from(documents: list[Document]) -> list[Passage]:
    out = []
    for doc in documents:
        for position, section in enumerate(doc.sections):
            out.append(Passage(id=f"{doc.id}#{position}", doc_id=doc.id, stem=doc.stem, lang=doc.lang,
                               title=doc.title, heading=section.heading, text=section.text, position=position,
                               sources=tuple(doc.sources)))
    return out


def _embedder(name: str, cache_dir):
    """The packaged embedder from ``jobcenter.nlp.embed``; for ``use`` with ONE BLAS thread.

    The chatbot embeds one short question at a time. Measured on this 2-core host while another test suite ran
    (load average ~4): USE with threads=2 took a median 124 ms a question, threads=1 2.2 ms — identical vectors
    (max abs difference 0.0). Idle, both are a few ms. Passage vectors are computed once and cached anyway.
    """
    from jobcenter.nlp.embed import CachedEmbedder, UseEmbedder, get_embedder

    if name == "use":
        inner = UseEmbedder(threads=1)
        return CachedEmbedder(inner, cache_dir) if cache_dir else inner
    return get_embedder(name, cache_dir)


def _strip_markdown(text: str) -> str:
    text = re.sub(r"[|*_`#>]+", " ", text)
    text = re.sub(r"-{3,}", " ", text)
    return re.sub(r"\s+", " ", text).strip()


class SectionRetriever:
    """``fit(passages)`` then ``search(question, k)`` → ranked ``Hit``s. ``mode`` picks the signals for baselines:
    "fused" (default), "bm25", "dense" or "ngram"."""

    # Weights of the normalised signals (fused mode). Dense carries paraphrase and cross-language matching;
    # BM25 the exact terms; n-grams typos. Same-language passages get a small bonus so a Korean question cites the
    # Korean page when both say the same.
    weights: ClassVar[dict[str, float]] = {"bm25": 0.4, "dense": 0.45, "ngram": 0.15}
    same_lang_bonus = 0.03
    # Sum of the two cosines (+ figures overlap) below which an English section has no Korean counterpart.
    pair_threshold = 0.6

    def __init__(self, embedder_name: str = "use", cache_dir: str | Path | None = None, fusion: str = "weighted"):
        self.embedder_name = embedder_name
        self.cache_dir = cache_dir
        self.fusion = fusion

    def fit(self, passages: list[Passage]) -> SectionRetriever:
        from jobcenter.nlp.bm25 import BM25Index
        from jobcenter.nlp.ngrams import CharNgramIndex
        from jobcenter.nlp.tokenize import KiwiTokenizer

        self.passages_ = list(passages)
        self.by_id_ = {p.id: p for p in self.passages_}
        texts = [_strip_markdown(p.index_text()) for p in self.passages_]
        self.tokenizer_ = KiwiTokenizer()
        tokens = self.tokenizer_.tokenize_many(texts)
        # The heading says what a section is about: count its words twice.
        heading_tokens = self.tokenizer_.tokenize_many([f"{p.title} {p.heading}" for p in self.passages_])
        self.bm25_ = BM25Index().fit([t + h for t, h in zip(tokens, heading_tokens)])
        self.vocab_ = set().union(*tokens) if tokens else set()
        self.ngram_ = CharNgramIndex(ngram_range=(1, 3)).fit(texts)
        self.embedder_ = _embedder(self.embedder_name, self.cache_dir)
        # Two vectors a passage: what it is about (title + heading) and what it says (heading + text, cut short:
        # USE averages over its input, and a long table drowns the topic).
        about = [f"{p.title}. {p.heading}" for p in self.passages_]
        says = [f"{p.heading}. {_strip_markdown(p.text)[:400]}" for p in self.passages_]
        matrix = self.embedder_.embed_documents(about + says)
        n = len(self.passages_)
        self.about_vectors_ = matrix[:n]
        self.text_vectors_ = matrix[n:]
        self.langs_ = np.array([p.lang for p in self.passages_])
        self._pair_languages()
        # Load the query side now (the first USE call builds its graph: ~1 s), not on the first question.
        self.embedder_.embed_queries(["구직급여"])
        return self

    def _pair_languages(self) -> None:
        """Pair each English section with the Korean section of the same stem that says the same (see above)."""
        numbers = [set(re.findall(r"\d[\d,]*", p.text.replace(",", ""))) for p in self.passages_]
        by_stem: dict[str, dict[str, list[int]]] = {}
        for i, p in enumerate(self.passages_):
            by_stem.setdefault(p.stem, {}).setdefault(p.lang, []).append(i)
        self.counterpart_: dict[str, str] = {}
        self.group_: dict[str, str] = {p.id: p.id for p in self.passages_}
        for groups in by_stem.values():
            ko, en = groups.get("ko", []), groups.get("en", [])
            candidates = []
            for e in en:
                for k in ko:
                    says = float(self.text_vectors_[e] @ self.text_vectors_[k])
                    about = float(self.about_vectors_[e] @ self.about_vectors_[k])
                    union = numbers[e] | numbers[k]
                    overlap = len(numbers[e] & numbers[k]) / len(union) if union else 0.0
                    score = says + about + 0.5 * overlap
                    if score >= self.pair_threshold:
                        candidates.append((score, e, k))
            used_e, used_k = set(), set()
            for _, e, k in sorted(candidates, reverse=True):
                if e in used_e or k in used_k:
                    continue
                used_e.add(e)
                used_k.add(k)
                pe, pk = self.passages_[e], self.passages_[k]
                self.counterpart_[pe.id] = pk.id
                self.counterpart_[pk.id] = pe.id
                self.group_[pe.id] = pk.id

    def group_of(self, passage: Passage | str) -> str:
        """The id shared by a section and its other-language version (the Korean passage's id)."""
        pid = passage.id if isinstance(passage, Passage) else passage
        return self.group_.get(pid, pid)

    def in_language(self, passage: Passage, lang: str) -> Passage:
        """The passage's version in ``lang`` when it has one, else the passage itself."""
        if passage.lang == lang:
            return passage
        other = self.counterpart_.get(passage.id)
        return self.by_id_[other] if other else passage

    def pairs(self) -> list[tuple[str, str]]:
        """(Korean heading, English heading) of every pair, for review."""
        return [(self.by_id_[k].label, self.by_id_[e].label) for e, k in self.group_.items() if e != k]

    @property
    def version(self) -> str:
        return f"retrieve-1/{self.embedder_.name}:{self.embedder_.version}/{self.fusion}"

    def signals(self, question: str) -> dict[str, np.ndarray]:
        tokens = self.tokenizer_.tokenize(question)
        bm25 = self.bm25_.scores(tokens)
        ngram = self.ngram_.scores(question)
        q = self.embedder_.embed_queries([question])[0]
        dense = np.maximum(self.about_vectors_ @ q, self.text_vectors_ @ q)
        return {"bm25": bm25, "dense": dense, "ngram": ngram, "tokens": tokens}

    def search(self, question: str, k: int = 5, mode: str = "fused", lang: str | None = None) -> list[Hit]:
        s = self.signals(expand_query(question))
        lang = lang or detect_lang(question)
        if mode == "fused":
            if self.fusion == "rrf":
                score = np.zeros(len(self.passages_), dtype=np.float32)
                for name in ("bm25", "dense", "ngram"):
                    ranks = np.empty(len(score), dtype=np.int64)
                    ranks[np.argsort(-s[name], kind="stable")] = np.arange(len(score))
                    score += self.weights[name] / (60.0 + ranks + 1)
            else:
                score = np.zeros(len(self.passages_), dtype=np.float32)
                for name in ("bm25", "dense", "ngram"):
                    values = s[name]
                    top = float(values.max()) if len(values) else 0.0
                    if top > 0:
                        score = score + self.weights[name] * values / top
            score = score + self.same_lang_bonus * (self.langs_ == lang)
        else:
            score = s[mode]
        order = np.argsort(-score, kind="stable")[:k]
        return [Hit(self.passages_[i], float(score[i]), float(s["bm25"][i]), float(s["dense"][i]),
                    float(s["ngram"][i])) for i in order]

    def known_token_share(self, question: str) -> float:
        tokens = self.tokenizer_.tokenize(question)
        if not tokens:
            return 0.0
        return sum(t in self.vocab_ for t in tokens) / len(tokens)


def build_retriever(documents: list[Document] | None = None, *, embedder: str = "use",
                    cache_dir: str | Path | None = None, fusion: str = "weighted") -> SectionRetriever:
    documents = documents if documents is not None else load_documents()
    return SectionRetriever(embedder, cache_dir, fusion).fit(passages_from(documents))
