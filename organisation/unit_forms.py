"""Forms of the Board's organisation changes (organisation/unit_changes.py): every change has its date and basis."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from utilities.forms import DATE

from .models import Sector, Unit, UnitKind, UnitLevel
from .services import CODE_TAKEN
from .text import clean_text, fold


def _active_units():
    return Unit.objects.active().order_by("path")


class ChangeForm(forms.Form):
    effective_on = forms.DateField(label=_("Takes effect on"), widget=DATE)
    basis = forms.CharField(label=_("Legal basis (resolution, decision: number and date)"), max_length=255)

    def __init__(self, *args, unit=None, **kwargs):
        self.unit = unit
        super().__init__(*args, **kwargs)

    def clean_basis(self):
        return clean_text(self.cleaned_data["basis"])


class RenameForm(ChangeForm):
    name = forms.CharField(label=_("New name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    field_order = ["name", "short_name", "effective_on", "basis"]

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if self.unit is not None and name == self.unit.name:
            raise ValidationError(_("This is already the unit's name."))
        return name


class MoveForm(ChangeForm):
    parent = forms.ModelChoiceField(label=_("New parent unit"), queryset=Unit.objects.none(), required=False,
                                    empty_label=_("— none (top of the tree) —"))
    field_order = ["parent", "effective_on", "basis"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = _active_units().exclude(path__startswith=self.unit.path)

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        if parent == self.unit.parent:
            raise ValidationError(_("The unit is already under this parent."))
        return parent


class ReclassifyForm(ChangeForm):
    kind = forms.ChoiceField(label=_("New kind"), choices=UnitKind.choices)
    level = forms.ChoiceField(label=_("Level"), choices=UnitLevel.choices)
    field_order = ["kind", "level", "effective_on", "basis"]

    def clean(self):
        data = super().clean()
        if self.unit is not None and (data.get("kind"), data.get("level")) == (self.unit.kind, self.unit.level):
            raise ValidationError(_("The unit already has this kind and level."))
        return data


class MergeForm(ChangeForm):
    sources = forms.ModelMultipleChoiceField(label=_("Units merged into this one (they are dissolved)"),
                                             queryset=Unit.objects.none(),
                                             widget=forms.SelectMultiple(attrs={"size": 12}))
    field_order = ["sources", "effective_on", "basis"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].queryset = _active_units().exclude(pk=self.unit.pk)


class DissolveForm(ChangeForm):
    pass


class EstablishForm(ChangeForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    code = forms.SlugField(label=_("Code (in the unit's address)"), max_length=64, required=False,
                           help_text=_("Left empty: made from the name."))
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    level = forms.ChoiceField(label=_("Level"), choices=UnitLevel.choices)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices, initial=Sector.STATE)
    parent = forms.ModelChoiceField(label=_("Parent unit"), queryset=Unit.objects.none(), required=False,
                                    empty_label=_("— none (top of the tree) —"))
    field_order = ["name", "short_name", "code", "kind", "level", "sector", "parent", "effective_on", "basis"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = _active_units()

    def clean(self):
        data = super().clean()
        if "name" in data:
            data["name"] = clean_text(data["name"])
            data["code"] = data.get("code") or slugify(fold(data["name"]))[:64]
            if not data["code"]:
                self.add_error("code", _("Give the unit a code of letters and digits."))
            elif Unit.objects.filter(code=data["code"]).exists():
                self.add_error("code", CODE_TAKEN)
        return data
