"""Template helpers of the portal pages."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

register = template.Library()

# Inside <script> the HTML parser ends the element at "</script" whatever JSON thinks; escaping <, > and &
# as \u escapes (as json_script does) keeps the JSON identical and the markup closed.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def jsonld(value) -> str:
    """Serialise a dict for a ``<script type="application/ld+json">`` block."""
    return mark_safe(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES))


@register.filter
def has_role(user, role: str) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(role)
