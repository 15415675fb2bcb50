"""Text tools for the matching engine: Korean morphemes, BM25, character n-grams, dense embeddings.

No Django imports here: plain strings and numpy arrays in and out.
"""

from .text import fold

__all__ = ["fold"]
