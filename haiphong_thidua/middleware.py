from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from organisation import mfa


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Vietnamese unless the user chose another language with the switcher.

    Many office computers run an English browser; the portal must still open in
    Vietnamese, so the Accept-Language header is not consulted.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class PortalLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Every page needs a login, except public views; the API under /api/ authenticates
    itself (session or token) and answers 401/403 in JSON instead of redirecting."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        if not getattr(view_func, "login_required", True):
            return None  # public page: no need to load the user from the session first
        return super().process_view(request, view_func, view_args, view_kwargs)


class RejectNulMiddleware:
    """A NUL character in the query string or a form field is refused with the portal's 400 page (PostgreSQL
    cannot store it, and no one types it): the request never reaches a view or the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_nul(request.GET) or (
                request.method == "POST" and not request.path.startswith("/api/") and _has_nul(request.POST)):
            raise BadRequest("NUL character in the request")
        return self.get_response(request)


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())



class RequireSecondFactorMiddleware:
    """Accounts that need a second factor (``organisation.mfa.required``) reach only enrolment, verification,
    sign-out, the language switch and public pages until their session is verified (ASVS 5.0 V6.3): every other
    page, the admin, exports and downloads included, sends them to enrolment or verification. The API under /api/
    authenticates itself and refuses such a session, or a token issued without a second factor
    (``organisation.tokens``)."""

    EXEMPT_VIEWS = frozenset({"mfa_setup", "mfa_verify", "logout", "set_language"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True) or request.path_info.startswith("/api/"):
            return None
        if request.resolver_match is not None and request.resolver_match.view_name in self.EXEMPT_VIEWS:
            return None
        user = request.user
        if not user.is_authenticated or mfa.is_verified(user) or not mfa.required(user):
            return None
        target = "mfa_verify" if user.mfa_enrolled else "mfa_setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


class RequestSizeLimitMiddleware:
    """A request whose declared body is over ``REQUEST_MAX_BYTES`` is answered 413 from its headers, before a byte
    of the body is read (uploads are checked one by one later against UPLOAD_MAX_BYTES)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.REQUEST_MAX_BYTES
        if length > limit:
            request.upload_handlers = []
            body = render_to_string("413.html", {"limit": limit // 1_048_576}, request=request)
            response = HttpResponse(body, status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)
