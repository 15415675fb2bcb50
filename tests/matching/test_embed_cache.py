"""The dense-vector cache: whole lists are read back in one piece, and a grown list embeds only its new texts."""

from __future__ import annotations

import numpy as np

from jobcenter.nlp.embed import CachedEmbedder, HashingEmbedder


class CountingEmbedder(HashingEmbedder):
    name = "counting"

    def __init__(self):
        super().__init__(dim=32)
        self.embedded: list[str] = []

    def embed_documents(self, texts):
        self.embedded.extend(texts)
        return super().embed_documents(texts)


def test_only_new_texts_are_embedded(tmp_path):
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner, tmp_path)
    first = cached.embed_documents(["용접원", "조리사"])
    assert inner.embedded == ["용접원", "조리사"]
    again = CachedEmbedder(CountingEmbedder(), tmp_path)
    np.testing.assert_array_equal(again.embed_documents(["용접원", "조리사"]), first)
    assert again.inner.embedded == []
    grown = again.embed_documents(["간호사", "용접원", "조리사", "간호사"])
    assert again.inner.embedded == ["간호사"]
    np.testing.assert_array_equal(grown[1:3], first)
    np.testing.assert_array_equal(grown[0], grown[3])
    np.testing.assert_allclose(grown[0], HashingEmbedder(dim=32).embed_documents(["간호사"])[0])


def test_no_cache_directory_embeds_every_time():
    inner = CountingEmbedder()
    CachedEmbedder(inner, None).embed_documents(["a"])
    CachedEmbedder(inner, None).embed_documents(["a"])
    assert inner.embedded == ["a", "a"]


def test_progress_is_reported_only_for_texts_to_embed(tmp_path):
    said: list[str] = []
    CachedEmbedder(CountingEmbedder(), tmp_path, progress=said.append).embed_documents(["용접원", "조리사"])
    assert said[0].startswith("embedding 2 new texts of 2 with counting") and said[-1].startswith("2/2 texts embedded")
    said.clear()
    CachedEmbedder(CountingEmbedder(), tmp_path, progress=said.append).embed_documents(["용접원", "조리사"])
    assert said == []  # all cached: nothing slow to report
    CachedEmbedder(CountingEmbedder(), tmp_path, progress=said.append).embed_documents(["간호사", "용접원"])
    assert said[0].startswith("embedding 1 new texts of 2")


def test_normaliser_passes_its_progress_to_the_embedders_it_builds(tmp_path, monkeypatch):
    from jobcenter.matching import normalize
    from jobcenter.matching.normalize import TitleNormalizer
    from jobcenter.matching.taxonomy_index import builtin_reference

    monkeypatch.setitem(normalize.DENSE_MODELS, "use", ("hash", {"dim": 32}))
    said: list[str] = []
    normalizer = TitleNormalizer("keco", methods=("tfidf", "use"), cache_dir=tmp_path, progress=said.append).fit(
        builtin_reference("keco"))
    assert said and all(line.startswith("use: ") for line in said)
    assert said[0].startswith("use: embedding ")
    built = normalizer.embedders_["use"]  # the registry's model, disk-cached, reporting through our progress
    assert isinstance(built, CachedEmbedder) and isinstance(built.inner, HashingEmbedder)
    assert built.progress is not None


def test_normaliser_leaves_injected_embedders_as_given(tmp_path):
    from jobcenter.matching.normalize import TitleNormalizer
    from jobcenter.matching.taxonomy_index import builtin_reference

    said: list[str] = []
    injected = CachedEmbedder(CountingEmbedder(), tmp_path)
    TitleNormalizer("keco", methods=("tfidf", "use"), embedders={"use": injected}, progress=said.append).fit(
        builtin_reference("keco"))
    assert injected.progress is None and said == []  # the caller's object is not rewired to our progress
    assert injected.inner.embedded  # but it did the embedding
