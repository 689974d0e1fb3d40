"""Form helpers shared by the apps."""

import re
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from .uploads import validate_upload

# The date input every form uses: typed and shown as dd/mm/yyyy in every language (the browser's date picker follows
# the browser's locale and showed mm/dd/yyyy in an English browser). The server also accepts ISO dates
# (DATE_INPUT_FORMATS in haiphong_thidua/formats/).
DATE = forms.DateInput(format="%d/%m/%Y", attrs={
    "placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", "class": "date-input"})

_SPACES = re.compile(r"[\s\u00a0\u202f]")


def parse_number(text: str) -> str:
    """A figure as a person types it in the page's language ("10,2" or "1.234,5" in Vietnamese, "10.2" or
    "1,234.5" in English) as a plain decimal string ("10.2", "1234.5"). Thousands separators must group by three:
    "10.2" on a Vietnamese page is refused with the way to write it, never read as 102."""
    decimal_sep, thousands_sep = formats.get_format("DECIMAL_SEPARATOR"), formats.get_format("THOUSAND_SEPARATOR")
    value = _SPACES.sub("", text)
    sign, body = (value[0], value[1:]) if value[:1] in "+-" else ("", value)
    if not body or not re.fullmatch(r"[0-9.,]+", body):
        return value  # not a figure: the field's own "enter a number" message
    whole, _sep, decimals = body.partition(decimal_sep)
    groups = whole.split(thousands_sep)
    if decimal_sep in decimals or thousands_sep in decimals or (
            len(groups) > 1 and not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]))):
        example = formats.number_format(Decimal("1234.5"), use_l10n=True, force_grouping=True)
        raise ValidationError(
            _("“%(value)s” is not a figure as this page writes them: use “%(decimal)s” before the decimals and "
              "“%(thousands)s” between thousands, e.g. %(example)s."),
            code="number_format", params={"value": text.strip(), "decimal": decimal_sep,
                                          "thousands": thousands_sep, "example": example})
    return sign + "".join(groups) + (f".{decimals}" if decimals else "")


class FigureInput(forms.TextInput):
    """A text input for a figure, shown the way the page's language writes numbers (1.234,5 or 1,234.5)."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            value = Decimal(value)
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
            return formats.number_format(value, use_l10n=True, force_grouping=True)
        return super().format_value(value)


class FigureField(forms.DecimalField):
    """A decimal typed the page's language's way (``parse_number``), never silently changed."""

    widget = FigureInput

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            value = parse_number(value)
        return super().to_python(value)

    def widget_attrs(self, widget):
        return {}  # no min/max/step: the browser must not reinterpret the typed text


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
    """The form of a workflow row bound to the POST (with the ids the record's page gives it), or None where the row
    reads no input."""
    return import_string(transition.form)(request.POST, auto_id=f"{transition.name}_%s") if transition.form else None


def take_posted(request, workflow, action: str, obj, *, back, page=None):
    """A posted action of a workflow table (the one dispatch view of each table): the row's predicate is asked
    before the input is read (403), then its form, then the engine (``workflow.take``) with the form's data; the
    row's message after success, and its next page or ``back``.

    A refusal (the form's own check or the service's ``ValidationError``) with a form: ``page({action: form})``
    renders the record's page again with that form bound, its errors on its fields and everything typed still in
    it (issue 33); the engine's transaction has written nothing. Without ``page``, or a row without a form, the
    errors are messages on ``back``. The page's messages repeat the form's errors either way."""
    transition = workflow[action]
    transition.permission.require(request.user, obj)
    form = posted_form(request, transition)
    if form is None or page is None:
        return posted_action(request, lambda data: workflow.take(action, request.user, obj, **(data or {})),
                             back=back, form=form, success=transition.done, next_url=transition.next_url)
    if form.is_valid():
        ok, result = run_service(request, lambda: workflow.take(action, request.user, obj, **form.cleaned_data),
                                 form=form, success=transition.done)
        if ok:
            return redirect(transition.next_url(result) if transition.next_url else back)
    show_form_errors(request, form)  # also at the top of the page: the action's card may be below the fold
    return page({action: form})
