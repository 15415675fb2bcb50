"""The JSON API under /api/v1 (Django Ninja, OpenAPI at /api/v1/docs and /api/docs).

Endpoints are thin: validate, call one selector, shape the answer. Errors from the layers below become HTTP
answers here, in one place: a bad filter (``ValidationError``) is 422 naming the field, ``PermissionDenied`` 403,
and an object the caller may not see (``DoesNotExist``) 404.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from jobcenter.api import me, occupations, postings
from jobcenter.api.permissions import SIGNED_IN

api = NinjaAPI(
    title="jobcenter API",
    version="1",
    description=(
        "Open job postings, the occupation / certification / region vocabulary, and the signed-in user's own "
        "profile and applications. Every coded value is `{concept_id, label}`. Public endpoints need no sign-in; "
        "the others use the portal's session (401 when anonymous, 403 when the role does not allow it)."
    ),
    urls_namespace="api-v1",
    # Closed by default: an endpoint that does not say auth=PUBLIC needs a signed-in session.
    auth=SIGNED_IN,
)


@api.exception_handler(DjangoValidationError)
def _validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        detail = [
            {"loc": ["query", field], "msg": " ".join(messages), "type": "value_error"}
            for field, messages in exc.message_dict.items()
        ]
    else:
        detail = [{"loc": ["query"], "msg": " ".join(exc.messages), "type": "value_error"}]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(PermissionDenied)
def _permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


@api.exception_handler(ObjectDoesNotExist)
def _not_found(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    # The same answer for "does not exist" and "not yours to see".
    return api.create_response(request, {"detail": "Not Found"}, status=404)


api.add_router("", postings.router)
api.add_router("", occupations.router)
api.add_router("", me.router)
api.add_router("/benefits", "jobcenter.benefits.api.router")
api.add_router("/chatbot", "jobcenter.chatbot.api.router")
api.add_router("/recommendations", "jobcenter.recommendations.api.router")
