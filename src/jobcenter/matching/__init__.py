"""The matching engine: pure Python (no Django), dataclasses and numpy in and out.

- :mod:`.taxonomy_index` — occupation knowledge bases read from files (Work24 dictionary → KECO, ESCO, or the
  built-in reference set).
- :mod:`.normalize` — free-text job titles to ranked occupation codes (:class:`TitleNormalizer`).
- :mod:`.evaluate` — ranking metrics and the title-normalisation benchmark runner.
"""

from .normalize import Candidate, TitleNormalizer
from .taxonomy_index import KnowledgeBase, Label, Occupation, load_knowledge_base

__all__ = ["Candidate", "KnowledgeBase", "Label", "Occupation", "TitleNormalizer", "load_knowledge_base"]
