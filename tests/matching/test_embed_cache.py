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
