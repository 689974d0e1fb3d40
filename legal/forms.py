from django import forms
from django.utils.translation import gettext_lazy as _

from utilities.forms import DATE

from .models import Holiday


class HolidayForm(forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["date", "name", "occasion", "kind", "basis"]
        widgets = {"date": DATE}
        help_texts = {"name": _("As the announcement names it, e.g. “Nghỉ Tết Âm lịch”.")}

    def validate_unique(self):
        """The service refuses a date already in the calendar, with the date and what to do (legal.services)."""
