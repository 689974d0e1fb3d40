from django import forms
from django.utils.translation import gettext_lazy as _

from organisation.models import Unit
from utilities.forms import DATE, ExcelUploadForm, FigureField

from .models import PeriodKind, Target


class ActualForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Target"), queryset=Target.objects.none())
    period_kind = forms.ChoiceField(label=_("Kind of period"), choices=PeriodKind.choices, initial=PeriodKind.QUARTER)
    period = forms.IntegerField(label=_("Period number (month 1–12 or quarter 1–4)"), min_value=1, max_value=12)
    value = FigureField(label=_("Figure"), max_digits=18, decimal_places=4)
    source = forms.CharField(label=_("Source"), max_length=200)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = lambda t: f"{t.year} – {t.indicator.name}"


ImportForm = ExcelUploadForm


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["indicator", "year", "plan", "kind", "value_low", "value_high", "allowed_min", "allowed_max",
                  "is_about", "comparison", "statement", "responsible_unit", "legal_basis"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2})}
        field_classes = dict.fromkeys(("value_low", "value_high", "allowed_min", "allowed_max"), FigureField)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # a dissolved unit is not offered for a new record
        self.fields["responsible_unit"].queryset = Unit.objects.active().order_by("path")

    def clean(self):
        data = super().clean()
        low, high = data.get("value_low"), data.get("value_high")
        if data.get("kind") == "numeric" and low is None:
            self.add_error("value_low", _("A numeric target needs a value."))
        if low is not None and high is not None and high < low:
            self.add_error("value_high", _("The upper bound is below the lower bound."))
        return data


class MilestoneForm(forms.Form):
    done_on = forms.DateField(label=_("Reached on"), widget=DATE, required=False)
