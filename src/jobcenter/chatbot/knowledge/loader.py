"""Load the chatbot's knowledge base: Markdown documents with a small YAML-style front matter.

Pure Python on purpose (no Django, no PyYAML): the retrieval engine, the evaluation command and the tests all read
the documents the same way. The front matter accepts only what the knowledge base uses — ``key: value`` lines,
lists written as ``- item`` lines under an empty ``key:`` or inline as ``[a, b]`` — and rejects anything else
with the file and line, so a typo cannot silently drop a field.

A document's body is cut into sections at its ``##`` headings; each section is what the chatbot retrieves and
cites ("document title › section heading"). Text before the first ``##`` (the ``#`` title line, an intro) is kept
as ``Document.intro`` and is not a section.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

KNOWLEDGE_DIR = Path(__file__).resolve().parent

LANGUAGES = ("ko", "en")

# Marker written next to every value that was read from a secondary source and still has to be confirmed.
VERIFY_MARKERS = {"ko": "(확인 필요)", "en": "(to be confirmed)"}

REQUIRED_FIELDS = (
    "id",
    "title",
    "lang",
    "sources",
    "effective_from",
    "effective_to",
    "last_reviewed",
    "verify",
    "related",
)
_LIST_FIELDS = {"sources", "verify", "related"}
_DATE_FIELDS = {"effective_from", "effective_to", "last_reviewed"}
_OPTIONAL_DATE_FIELDS = {"effective_to"}

_KEY_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?:\s+(.*))?$")
_ITEM_LINE = re.compile(r"^\s+-\s+(.*)$|^-\s+(.*)$")
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


class KnowledgeFormatError(ValueError):
    """A document that cannot be read; the message names the file and, where it can, the line."""


@dataclass(frozen=True)
class Section:
    heading: str
    text: str


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    lang: str
    sources: list[str]
    effective_from: dt.date
    effective_to: dt.date | None
    last_reviewed: dt.date
    verify: list[str]
    related: list[str]
    sections: list[Section]
    intro: str = ""
    path: Path | None = field(default=None, compare=False)

    @property
    def stem(self) -> str:
        """The id without its language part: ``job-seeking-benefit-amount.ko`` → ``job-seeking-benefit-amount``.

        The Korean page and its English version share the stem, so an evaluation may count a hit on either.
        """
        base, dot, lang = self.id.rpartition(".")
        return base if dot and lang in LANGUAGES else self.id

    def section(self, heading: str) -> Section | None:
        for section in self.sections:
            if section.heading == heading:
                return section
        return None

    def citation(self, section: Section | str) -> str:
        heading = section.heading if isinstance(section, Section) else section
        return f"{self.title} › {heading}"

    def in_force(self, on: dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    @property
    def body(self) -> str:
        return "\n\n".join([self.intro, *(f"## {s.heading}\n\n{s.text}" for s in self.sections)]).strip()


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _inline_list(value: str) -> list[str]:
    inner = value.strip()[1:-1].strip()
    if not inner:
        return []
    return [_unquote(item) for item in inner.split(",") if item.strip()]


def parse_front_matter(lines: list[str], *, source: str = "<string>") -> dict[str, object]:
    """Parse the lines between the two ``---`` fences into a dict of strings and lists of strings."""
    raw: dict[str, object] = {}
    current: str | None = None
    for number, line in enumerate(lines, start=2):  # line 1 is the opening fence
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM_LINE.match(line)
        if item:
            if current is None or not isinstance(raw.get(current), list):
                raise KnowledgeFormatError(f"{source}:{number}: list item outside a list field")
            raw[current].append(_unquote(item.group(1) if item.group(1) is not None else item.group(2)))
            continue
        key = _KEY_LINE.match(line)
        if not key:
            raise KnowledgeFormatError(f"{source}:{number}: expected 'key: value', got {line!r}")
        name, value = key.group(1), (key.group(2) or "").strip()
        if name in raw:
            raise KnowledgeFormatError(f"{source}:{number}: field {name!r} given twice")
        current = name
        if value.startswith("[") and value.endswith("]"):
            raw[name] = _inline_list(value)
        elif not value:
            # An empty value opens a list (items may follow) or is an empty scalar; decided when typing.
            raw[name] = []
        else:
            raw[name] = _unquote(value)
    return raw


def _typed(raw: dict[str, object], *, source: str) -> dict[str, object]:
    missing = [name for name in REQUIRED_FIELDS if name not in raw]
    if missing:
        raise KnowledgeFormatError(f"{source}: front matter lacks {', '.join(missing)}")
    unknown = sorted(set(raw) - set(REQUIRED_FIELDS))
    if unknown:
        raise KnowledgeFormatError(f"{source}: unknown front-matter field(s) {', '.join(unknown)}")
    out: dict[str, object] = {}
    for name in REQUIRED_FIELDS:
        value = raw[name]
        if name in _LIST_FIELDS:
            if not isinstance(value, list):
                raise KnowledgeFormatError(f"{source}: {name} must be a list")
            out[name] = list(value)
        elif name in _DATE_FIELDS:
            if value == [] or value == "":
                if name not in _OPTIONAL_DATE_FIELDS:
                    raise KnowledgeFormatError(f"{source}: {name} is empty")
                out[name] = None
                continue
            if not isinstance(value, str):
                raise KnowledgeFormatError(f"{source}: {name} must be a date, got a list")
            try:
                out[name] = dt.date.fromisoformat(value)
            except ValueError:
                raise KnowledgeFormatError(f"{source}: {name} is not a YYYY-MM-DD date: {value!r}") from None
        else:
            if not isinstance(value, str) or not value:
                raise KnowledgeFormatError(f"{source}: {name} must be a non-empty string")
            out[name] = value
    if out["lang"] not in LANGUAGES:
        raise KnowledgeFormatError(f"{source}: lang must be one of {LANGUAGES}, got {out['lang']!r}")
    if out["effective_to"] is not None and out["effective_to"] < out["effective_from"]:
        raise KnowledgeFormatError(f"{source}: effective_to is before effective_from")
    return out


def split_sections(body: str) -> tuple[str, list[Section]]:
    """Cut a Markdown body at its ``##`` headings (``###`` and deeper stay inside their section)."""
    intro: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    in_code = False
    for line in body.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        heading = None if in_code else _HEADING.match(line)
        if heading:
            sections.append((heading.group(1).strip(), []))
        elif sections:
            sections[-1][1].append(line)
        else:
            intro.append(line)
    return "\n".join(intro).strip(), [Section(h, "\n".join(text).strip()) for h, text in sections]


def parse_document(text: str, *, source: str = "<string>", path: Path | None = None) -> Document:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise KnowledgeFormatError(f"{source}: a document must start with a '---' front-matter fence")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise KnowledgeFormatError(f"{source}: the front matter is not closed by '---'") from None
    meta = _typed(parse_front_matter(lines[1:end], source=source), source=source)
    intro, sections = split_sections("\n".join(lines[end + 1 :]))
    return Document(**meta, sections=sections, intro=intro, path=path)


def document_paths(dir: Path | str | None = None) -> list[Path]:
    root = Path(dir) if dir is not None else KNOWLEDGE_DIR
    return sorted(p for p in root.rglob("*.md") if not p.name.startswith(("_", ".")) and p.name != "README.md")


def load_documents(dir: Path | str | None = None) -> list[Document]:
    """Every document under ``dir`` (default: this package's folder), sorted by file name.

    Raises ``KnowledgeFormatError`` for a document that does not parse or whose ids collide.
    """
    documents = []
    seen: dict[str, Path] = {}
    for path in document_paths(dir):
        document = parse_document(path.read_text(encoding="utf-8"), source=str(path), path=path)
        if document.id in seen:
            raise KnowledgeFormatError(f"{path}: id {document.id!r} is also used by {seen[document.id]}")
        seen[document.id] = path
        documents.append(document)
    return documents
