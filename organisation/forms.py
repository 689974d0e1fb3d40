from django import forms
from django.utils.translation import gettext_lazy as _

from utilities.forms import DATE

from .models import Person
from .scoping import visible_units


class PersonForm(forms.ModelForm):
    """A staff record as the unit keeps it; the unit is one the user may act for."""

    class Meta:
        model = Person
        fields = ["full_name", "sex", "birth_date", "unit", "position", "category", "is_direct_worker", "is_leader",
                  "hired_on", "is_deceased"]
        widgets = {"birth_date": DATE, "hired_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = visible_units(user).active().order_by("path")
        if user.unit_id and not self.instance.pk:
            self.fields["unit"].initial = user.unit_id


class MoveOutForm(forms.Form):
    left_on = forms.DateField(label=_("Left the unit on"), widget=DATE)
    reason = forms.CharField(label=_("Reason (transfer, retirement, resignation, …)"), max_length=200)
