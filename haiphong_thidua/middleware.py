from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
