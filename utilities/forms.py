"""Form helpers shared by the apps."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from .uploads import validate_upload

# The date input every form uses (the browser's date picker; ISO value).
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UploadForm(forms.Form):
    """One file, checked by content and size for the ``kinds`` the form takes."""

    kinds: tuple[str, ...] = ("excel",)
    upload = forms.FileField(label=_("File"))

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        validate_upload(upload, self.kinds)
        return upload


class ExcelUploadForm(UploadForm):
    upload = forms.FileField(label=_("Excel file (.xlsx) made from the template"))


def show_validation_error(request, exc: ValidationError, form=None) -> None:
    """A service's ValidationError: field errors onto the form (which keeps the input), others as messages."""
    if form is not None and hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return
    for message in exc.messages:
        messages.error(request, message)


def show_form_errors(request, form) -> None:
    """Errors of a form that is not shown again (actions posted from another page) as messages."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def run_service(request, call, *, form=None, success=None):
    """Run ``call()``, a service, for a view. Its ``ValidationError`` becomes errors on ``form`` (which keeps
    the input) or messages; on success ``success`` (a text, or a function of the result) is shown.
    Returns ``(ok, result)``."""
    try:
        result = call()
    except ValidationError as exc:
        show_validation_error(request, exc, form)
        return False, None
    if success:
        messages.success(request, success(result) if callable(success) else success)
    return True, result


def posted_action(request, call, *, back, form=None, success=None, next_url=None):
    """An action posted from another page: check ``form`` (if any), run ``call(cleaned_data)`` and go ``back``
    (or, after success, to ``next_url(result)`` where given) with what happened as messages."""
    if form is not None and not form.is_valid():
        show_form_errors(request, form)
        return redirect(back)
    ok, result = run_service(request, lambda: call(form.cleaned_data if form is not None else None),
                             success=success)
    return redirect(next_url(result) if ok and next_url else back)


def form_page(request, form, call, *, success, next_url, template="form.html", context=None):
    """A page with one form: on a valid POST run ``call(cleaned_data)`` and go to ``next_url`` (a URL, or a
    function of the result); otherwise (or on a service error, shown on the form) render the page again."""
    if request.method == "POST" and form.is_valid():
        ok, result = run_service(request, lambda: call(form.cleaned_data), form=form, success=success)
        if ok:
            return redirect(next_url(result) if callable(next_url) else next_url)
    return render(request, template, {"form": form, **(context or {})})


def require_on_post(request, predicate, obj=None) -> None:
    """A write is refused for the wrong role before its input is read (403), whatever the input."""
    if request.method == "POST":
        predicate.require(request.user, obj)


def posted_form(request, transition):
    """The form of a workflow row bound to the POST, or None where the row reads no input."""
    return import_string(transition.form)(request.POST) if transition.form else None


def take_posted(request, workflow, action: str, obj, *, back):
    """A posted action of a workflow table (the one dispatch view of each table): the row's predicate is asked
    before the input is read (403), then its form, then the engine (``workflow.take``) with the form's data; the
    row's message after success, and its next page or ``back``."""
    transition = workflow[action]
    transition.permission.require(request.user, obj)
    return posted_action(request, lambda data: workflow.take(action, request.user, obj, **(data or {})), back=back,
                         form=posted_form(request, transition), success=transition.done,
                         next_url=transition.next_url)
