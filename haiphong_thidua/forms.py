"""Form helpers shared by the apps."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .uploads import validate_upload


class ExcelUploadForm(forms.Form):
    upload = forms.FileField(label=_("Excel file (.xlsx) made from the template"))

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        validate_upload(upload, ("excel",))
        return upload


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
