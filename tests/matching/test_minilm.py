"""The English MiniLM signals: the packaged model, its contrastive fine-tuning, and ``minift`` in the normaliser.

These load the real all-MiniLM-L6-v2 from its PyPI package (a second or two) and fine-tune it for a few steps on
a handful of pairs, so they check the real code path in seconds; the figures on ESCO are in docs/benchmarks.md.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from jobcenter.matching.normalize import TitleNormalizer
from jobcenter.matching.taxonomy_index import KnowledgeBase, Label, Occupation
from jobcenter.nlp import contrastive, minilm
from jobcenter.nlp.embed import get_embedder

TINY = {"epochs": 3, "batch_size": 4, "learning_rate": 2e-4, "seed": 7}


def english_kb() -> KnowledgeBase:
    def occ(code, label, aliases, description=""):
        return Occupation(code=code, label=label, scheme="esco",
                          labels=[Label(label, "preferred")] + [Label(a, "alias") for a in aliases],
                          descriptions=[description] if description else [])

    return KnowledgeBase("esco", [
        occ("esco:welder", "welder", ["welding operator", "arc welder", "pipe welder"],
            "Welders join metal parts using welding equipment."),
        occ("esco:cook", "cook", ["line cook", "kitchen cook", "chef de partie"],
            "Cooks prepare and present food."),
        occ("esco:nurse", "general nurse", ["registered nurse", "ward nurse", "staff nurse"],
            "Nurses care for patients."),
        occ("esco:dev", "software developer", ["programmer", "software engineer", "application developer"],
            "Software developers write computer programs."),
        occ("esco:driver", "lorry driver", ["truck driver", "HGV driver", "heavy goods vehicle driver"],
            "Lorry drivers drive heavy vehicles."),
    ], source="tests")


def test_batches_never_pair_two_labels_of_one_group():
    pairs = [(f"a{g}-{i}", f"p{g}", g) for g in range(7) for i in range(g + 1)]
    batches = contrastive.batches(pairs, 4, random.Random(1))
    for batch in batches:
        groups = [group for _, _, group in batch]
        assert len(groups) == len(set(groups)) and 2 <= len(batch) <= 4
    placed = sorted(p for batch in batches for p in batch)
    # only pairs of the largest group can be left over, once every other group is used up
    left = sorted(set(pairs) - set(placed))
    assert all(group == 6 for _, _, group in left)
    assert len(placed) >= len(pairs) - 6


def test_packaged_model_embeds_english_titles_by_meaning():
    embedder = get_embedder("minilm")
    vectors = embedder.embed_documents(["truck driver", "lorry driver", "pastry chef"])
    assert vectors.shape == (3, minilm.DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_fine_tuning_pulls_a_trained_pair_together(tmp_path):
    kb = english_kb()
    pairs = [(label.text, o.label, i) for i, o in enumerate(kb.occupations) for label in o.labels
             if label.text != o.label]
    before = get_embedder("minilm").embed_documents(["HGV driver", "lorry driver"])
    folder = minilm.fine_tune(pairs, tmp_path / "model", **TINY)
    assert (folder / "config.json").is_file()
    after = get_embedder("minilm", model_dir=folder, tag="t").embed_documents(["HGV driver", "lorry driver"])
    assert after[0] @ after[1] > before[0] @ before[1] + 0.02
    with pytest.raises(ValueError):
        minilm.fine_tune(pairs[:1], tmp_path / "one")


def test_minift_signal_is_trained_once_and_reused(tmp_path, monkeypatch):
    calls = []
    real = minilm.fine_tune

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(minilm, "fine_tune", counting)
    first = TitleNormalizer("esco", methods=("minift",), cache_dir=tmp_path, fine_tune=TINY).fit(english_kb())
    assert calls == [1] and len(list(tmp_path.glob("minift-*"))) == 1
    assert first.rank("HGV lorry driver", top=1)[0].code == "esco:driver"
    assert first.rank("registered nurse", top=1)[0].evidence[0].signal == "minift"
    assert "-ft-" in first.embedders_["minift"].version
    second = TitleNormalizer("esco", methods=("minift",), cache_dir=tmp_path, fine_tune=TINY).fit(english_kb())
    assert calls == [1]  # the cached weights were reused, not trained again
    assert second.rank("pipe welder", top=1)[0].code == "esco:welder"


def test_minift_needs_labels_beyond_the_preferred_ones(tmp_path):
    with pytest.raises(ValueError, match="minift"):
        TitleNormalizer("esco", labels="preferred", methods=("minift",), cache_dir=tmp_path,
                        fine_tune=TINY).fit(english_kb())
