"""Pages of the second factor and API tokens: enrol, verify a session, recovery codes, turn off, tokens."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import user_has_device

from utilities.forms import run_service

from . import mfa, tokens
from .models import ApiToken
from .permissions import needs_second_factor


class CodeForm(forms.Form):
    token = forms.CharField(label=gettext_lazy("Code"), max_length=24, widget=forms.TextInput(attrs={
        "autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}))


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("home")


class ApiTokenForm(forms.Form):
    """A new API token: its name, and a fresh proof of who asks (a code from the app, or the password for staff
    without a second factor)."""

    name = forms.CharField(label=gettext_lazy("Name (what the token is for)"), max_length=100, widget=forms.TextInput(
        attrs={"placeholder": gettext_lazy("e.g. the unit's reporting program")}))
    code = forms.CharField(label=gettext_lazy("Code from the authenticator app"), max_length=24, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))
    password = forms.CharField(label=gettext_lazy("Your password"), max_length=128, required=False, strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, *args, with_code: bool, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["password" if with_code else "code"]
        self.fields["code" if with_code else "password"].required = True


def _token_form(request, data=None):
    return ApiTokenForm(data, prefix="token", with_code=user_has_device(request.user, confirmed=True))


def security(request, token_form=None):
    """The account's security page: the second factor, recovery codes and the API tokens."""
    return render(request, "organisation/security.html", {
        "enrolled": user_has_device(request.user, confirmed=True), "verified": mfa.is_verified(request.user),
        "must": needs_second_factor(request.user), "tokens": tokens.of_user(request.user),
        "token_days": tokens.lifetime_days(), "token_form": token_form or _token_form(request)})


def setup(request):
    """Enrolment: scan the QR code (or type the secret) and confirm with the first code; then the recovery codes."""
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
    """Create an API token (shown once), or revoke one or all of the caller's tokens."""
    action = request.POST.get("action")
    if action in ("revoke", "revoke_all"):
        if action == "revoke":
            tokens.revoke(request.user, request.POST.get("digest", ""))
        else:
            ApiToken.objects.revoke_all(request.user)
        messages.success(request, _("Revoked: programs using it are refused from now on."))
        return redirect("security")
    form = _token_form(request, request.POST)
    if form.is_valid():
        ok, issued = run_service(request, lambda: tokens.issue(request.user, verified=mfa.is_verified(request.user),
                                                              **form.cleaned_data), form=form)
        if ok:
            token, key = issued
            return render(request, "organisation/api_token.html", {"key": key, "token": token})
    return security(request, token_form=form)
