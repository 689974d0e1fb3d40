from django import forms
from django.utils.translation import gettext_lazy as _

from legal.models import AwardType, LegalDocument
from organisation.models import Cluster, Unit
from organisation.scoping import visible_units
from organisation.text import clean_text
from utilities.forms import DATE, FigureField
from utilities.uploads import DOCUMENT_KINDS, IMAGE_KINDS, validate_upload

from .clusters import units_of_year
from .models import (
    CriterionKind,
    ExemplaryModel,
    InspectionVisit,
    Movement,
    MovementKind,
    ReviewKind,
    TaskStatus,
)


class UnitField(forms.ModelChoiceField):
    """The units the user may act for."""

    def __init__(self, user, **kwargs):
        super().__init__(queryset=visible_units(user).active().order_by("path"), label=_("Unit"), **kwargs)
        if user.unit_id:
            self.initial = user.unit_id


def _file_field(label, kinds):
    def clean(value):
        if value:
            validate_upload(value, kinds)
        return value

    return forms.FileField(label=label, required=False, validators=[clean])


class MovementForm(forms.ModelForm):
    legal_basis = forms.ModelMultipleChoiceField(
        queryset=LegalDocument.objects.all(), required=False, label=_("Legal basis"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Movement
        fields = ["name", "kind", "authority", "launching_unit", "scope", "parent", "starts_on", "ends_on",
                  "description", "legal_basis"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["launching_unit"].queryset = Unit.objects.active().order_by("path")  # not a dissolved unit


class RegistrationWindowForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    opens_on = forms.DateField(label=_("Opens on"), widget=DATE)
    closes_on = forms.DateField(label=_("Deadline"), widget=DATE)
    basis = forms.CharField(label=_("Basis"), required=False, max_length=255)


class RegistrationForm(forms.Form):
    movements = forms.ModelMultipleChoiceField(
        queryset=Movement.objects.none(), label=_("Movements the unit joins"),
        widget=forms.CheckboxSelectMultiple, required=False,
    )
    note = forms.CharField(label=_("Commitments"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movements"].queryset = (
            Movement.objects.running_in(year).exclude(kind=MovementKind.THEME).order_by("name")
        )


class TargetForm(forms.Form):
    award_type = forms.ModelChoiceField(queryset=AwardType.objects.filter(is_active=True), label=_("Title or award"),
                                        required=False)
    quantity = forms.IntegerField(label=_("Number"), min_value=1, max_value=10000, initial=1, required=False)
    note = forms.CharField(label=_("For whom"), max_length=255, required=False)


TargetFormSet = forms.formset_factory(TargetForm, extra=3, max_num=30)


class ProgrammeForm(forms.Form):
    movement = forms.ModelChoiceField(queryset=Movement.objects.exclude(kind=MovementKind.THEME).filter(
        status="active"), label=_("Movement"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=300)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"unit": UnitField(user), **self.fields}


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    owner = forms.CharField(label=_("Owner"), max_length=160)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)


class TaskUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    evidence = forms.CharField(label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence_file = _file_field(_("Evidence file (PDF, image, Word, Excel; at most 10 MB)"), DOCUMENT_KINDS)


class ReviewRoundForm(forms.Form):
    movement = forms.ModelChoiceField(queryset=Movement.objects.exclude(kind=MovementKind.THEME), label=_("Movement"))
    kind = forms.ChoiceField(label=_("Kind"), choices=ReviewKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    year = forms.IntegerField(label=_("Year of registrations"), min_value=2000, max_value=2100)
    period_start = forms.DateField(label=_("Period from"), widget=DATE)
    period_end = forms.DateField(label=_("Period to"), widget=DATE)
    due_on = forms.DateField(label=_("Reports due on"), widget=DATE)


class ReviewReportForm(forms.Form):
    text = forms.CharField(label=_("Report"), widget=forms.Textarea(attrs={"rows": 8}))
    attachment = _file_field(_("Attachment (PDF, image, Word, Excel; at most 10 MB)"), DOCUMENT_KINDS)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"unit": UnitField(user), **self.fields}


class ConsolidateForm(forms.Form):
    summary = forms.CharField(label=_("Consolidated summary"), widget=forms.Textarea(attrs={"rows": 6}))


class InspectionForm(forms.ModelForm):
    class Meta:
        model = InspectionVisit
        fields = ["unit", "movement", "kind", "visited_on", "team", "findings", "recommendations", "assessment"]
        widgets = {"visited_on": DATE, "findings": forms.Textarea(attrs={"rows": 4}),
                   "recommendations": forms.Textarea(attrs={"rows": 3})}


class ExemplaryModelForm(forms.ModelForm):
    photo = _file_field(_("Photo (JPEG or PNG, optional)"), IMAGE_KINDS)

    class Meta:
        model = ExemplaryModel
        fields = ["kind", "movement", "title", "subject_name", "summary", "story", "photo"]
        widgets = {"story": forms.Textarea(attrs={"rows": 8}), "summary": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"unit": UnitField(user), **self.fields}


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CovenantForm(forms.Form):
    cluster = forms.ModelChoiceField(queryset=Cluster.objects.all(), label=_("Cluster"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE)
    content = forms.CharField(label=_("Covenant"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Criterion"), max_length=400, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=CriterionKind.choices, initial=CriterionKind.STANDARD)
    max_points = FigureField(label=_("Maximum points"), min_value=0, max_digits=6, decimal_places=2,
                                    required=False)


CriterionFormSet = forms.formset_factory(CriterionForm, extra=6, max_num=60)


class ScoreLinesForm(forms.Form):
    """One points field (and a text field) per criterion of a covenant."""

    def __init__(self, *args, criteria, text_label, initial_points=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        initial_points = initial_points or {}
        for c in self.criteria:
            self.fields[f"points_{c.pk}"] = FigureField(
                label=f"{c.order}. {c.name} (≤ {c.max_points})", min_value=0, max_value=c.max_points,
                max_digits=6, decimal_places=2, initial=initial_points.get(c.pk),
            )
            self.fields[f"text_{c.pk}"] = forms.CharField(label=text_label, required=False, max_length=2000)

    def lines(self):
        return {c.pk: (self.cleaned_data[f"points_{c.pk}"], self.cleaned_data[f"text_{c.pk}"]) for c in self.criteria}

    def rows(self):
        return [(c, self[f"points_{c.pk}"], self[f"text_{c.pk}"]) for c in self.criteria]


class MembersForm(forms.Form):
    """A cluster's members in one year, with the head and deputy of that year."""

    units = forms.ModelMultipleChoiceField(queryset=Cluster.objects.none(), label=_("Members"),
                                           widget=forms.SelectMultiple(attrs={"size": 14}))
    head = forms.ModelChoiceField(queryset=Cluster.objects.none(), label=_("Cluster head (rotating)"),
                                  required=False)
    deputy = forms.ModelChoiceField(queryset=Cluster.objects.none(), label=_("Deputy head"), required=False)

    def __init__(self, *args, year, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_of_year(year).order_by("path")
        for name in ("units", "head", "deputy"):
            self.fields[name].queryset = units


class SigningForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE)
    signatories = forms.CharField(label=_("Signatories (one per line: name, title, unit)"),
                                  widget=forms.Textarea(attrs={"rows": 5}), max_length=4000)
    signed_file = _file_field(_("Signed copy (PDF or image; at most 10 MB)"), ("pdf", "image"))

    def clean_signatories(self):
        return "\n".join(clean_text(line) for line in self.cleaned_data["signatories"].splitlines() if line.strip())
