"""Pages of the second factor and API tokens: enrol, verify a session, recovery codes, turn off, tokens."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST

from haiphong_thidua.forms import run_service

from . import mfa, tokens
from .permissions import needs_second_factor


class CodeForm(forms.Form):
    token = forms.CharField(label=gettext_lazy("Code"), max_length=24, widget=forms.TextInput(attrs={
        "autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}))


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("home")


def security(request):
    """The account's security page: the second factor, recovery codes and the API token."""
    from django_otp import user_has_device

    return render(request, "organisation/security.html", {
        "enrolled": user_has_device(request.user, confirmed=True), "verified": mfa.is_verified(request.user),
        "must": needs_second_factor(request.user), "token": tokens.current(request.user),
        "token_days": tokens.lifetime_days()})


def setup(request):
    """Enrolment: scan the QR code (or type the secret) and confirm with the first code; then the recovery codes."""
    from django_otp import user_has_device

    if user_has_device(request.user, confirmed=True) and not mfa.is_verified(request.user):
        return redirect(reverse("mfa_verify") + "?next=" + reverse("mfa_setup"))
    device = mfa.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, codes = run_service(request, lambda: mfa.confirm_enrolment(request, form.cleaned_data["token"]), form=form,
                                success=_("The second factor is on for your account."))
        if ok:
            return render(request, "organisation/recovery_codes.html", {"codes": codes, "next": _next(request)})
    return render(request, "organisation/mfa_setup.html", {
        "form": form, "qr": mfa.qr_data_uri(device), "secret": mfa.secret_text(device), "next": _next(request)})


def verify(request):
    """A session of an account with a second factor is verified here before any other page."""
    from django_otp import user_has_device

    if not user_has_device(request.user, confirmed=True):
        return redirect(reverse("mfa_setup") + "?next=" + _next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _device = run_service(request, lambda: mfa.verify(request, form.cleaned_data["token"]), form=form)
        if ok:
            return HttpResponseRedirect(_next(request))
    return render(request, "organisation/mfa_verify.html", {"form": form, "next": _next(request)})


@require_POST
def recovery_codes(request):
    if not mfa.is_verified(request.user):
        return redirect(reverse("mfa_verify") + "?next=" + reverse("security"))
    return render(request, "organisation/recovery_codes.html", {"codes": mfa.new_recovery_codes(request.user),
                                                                "next": reverse("security")})


@require_POST
def disable(request):
    """Staff who opted in may turn the second factor off again (from a verified session); officers may not."""
    needs = needs_second_factor(request.user)
    if needs or not mfa.is_verified(request.user):
        messages.error(request, _("Your role must keep the second factor.") if needs else
                       _("Verify this session with a code first."))
        return redirect("security")
    mfa.remove_devices(request.user)
    messages.success(request, _("The second factor is off for your account."))
    return redirect("security")


@require_POST
def api_token(request):
    """Create (or replace) the caller's API token, shown once; or revoke it."""
    if request.POST.get("action") == "revoke":
        tokens.revoke(request.user)
        messages.success(request, _("Your API token was revoked; programs using it are refused from now on."))
        return redirect("security")
    key = tokens.issue(request.user)
    return render(request, "organisation/api_token.html", {"key": key, "days": tokens.lifetime_days()})
