"""Reading Work24 Open API XML safely (defusedxml), and recognising error responses."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import FormatError
from .textio import Source, decode_utf8, read_source

__all__ = ["Work24ApiError", "element_to_dict", "parse_xml", "child_text"]

# The Work24 documentation defines no error envelope (see work24_api), so
# errors are recognised defensively: an error-like root element, or an
# error-like child of an unexpected root.
_ERROR_ROOTS = {"error", "errors", "err", "errorresponse", "result", "response",
                "openapi_serviceresponse", "cmmmsgheader"}
_CODE_TAGS = ("errorCode", "errCode", "errCd", "messageCd", "resultCode", "returnReasonCode", "code")
_MESSAGE_TAGS = ("message", "errorMessage", "errorMsg", "errMsg", "msg", "resultMsg", "returnAuthMsg")


class Work24ApiError(FormatError):
    """The API answered with an error (bad key, bad parameter, quota...)."""

    def __init__(self, message: str, code: str | None = None) -> None:
        self.code = code
        self.api_message = message
        super().__init__(f"Work24 API error{f' {code}' if code else ''}: {message}")


def _strip_namespaces(root: Element) -> None:
    for node in root.iter():
        if isinstance(node.tag, str) and "}" in node.tag:
            node.tag = node.tag.rsplit("}", 1)[1]


def child_text(node: Element, tag: str) -> str | None:
    """The stripped text of the first child ``tag``, None when absent or blank."""
    child = node.find(tag)
    if child is None:
        return None
    text = "".join(child.itertext()).strip()
    return text or None


def _first_text(node: Element, tags: tuple[str, ...]) -> str | None:
    lowered = {t.lower() for t in tags}
    for child in node.iter():
        if child is not node and child.tag.lower() in lowered:
            text = "".join(child.itertext()).strip()
            if text:
                return text
    return None


def check_api_error(root: Element, expected: tuple[str, ...] | None) -> None:
    """Raise Work24ApiError for an error response, FormatError for an unknown root.

    With ``expected=None`` any root is accepted unless it looks like an error.
    """
    if expected is None and root.tag.lower() not in _ERROR_ROOTS:
        expected = (root.tag,)
    if root.tag in expected:
        error = root.find("error")
        if error is not None and "".join(error.itertext()).strip():
            raise Work24ApiError("".join(error.itertext()).strip())
        return
    code = _first_text(root, _CODE_TAGS)
    message = _first_text(root, _MESSAGE_TAGS)
    if root.tag.lower() in _ERROR_ROOTS or code or message:
        text = message or "".join(root.itertext()).strip() or "no message"
        raise Work24ApiError(" ".join(text.split()), code)
    raise FormatError(f"unexpected XML root element <{root.tag}>; expected "
                      + " or ".join(f"<{tag}>" for tag in expected))


def parse_xml(source: Source, expected: tuple[str, ...] | None) -> Element:
    """Parse ``source`` with defusedxml; check the root is one of ``expected`` (None: any).

    Raises FormatError for text that is not UTF-8 or not well-formed XML (with
    the parser's message), for XML using a DTD or entities (refused), and for
    an unexpected root; raises Work24ApiError for an API error response.
    """
    data = read_source(source)
    if isinstance(data, list):
        data = "".join(decode_utf8(item) if isinstance(item, (bytes, bytearray)) else str(item)
                       for item in data)
    if not data.strip():
        raise FormatError("empty response: no XML at all")
    try:
        root = fromstring(data)
    except ParseError as exc:
        raise FormatError(f"malformed XML: {exc}") from None
    except DefusedXmlException as exc:
        raise FormatError(f"XML refused: it uses a DTD or entities ({type(exc).__name__})") from None
    _strip_namespaces(root)
    check_api_error(root, expected)
    return root


def element_to_dict(node: Element) -> dict[str, Any]:
    """Children as a dict: text for leaves, dicts for nested elements.

    A repeated child becomes a list.
    """
    out: dict[str, Any] = {}
    for child in node:
        value: Any = element_to_dict(child) if len(child) else ("".join(child.itertext()).strip() or None)
        if child.tag in out:
            if not isinstance(out[child.tag], list):
                out[child.tag] = [out[child.tag]]
            out[child.tag].append(value)
        else:
            out[child.tag] = value
    return out
