from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.forms import UnitField
from campaigns.models import Movement, MovementKind
from legal.models import AwardType
from organisation.models import Person, Unit, User
from utilities.forms import DATE, ExcelUploadForm, FigureField, UploadForm
from utilities.uploads import DOCUMENT_KINDS, validate_upload

from .initiatives import parse_person_codes
from .models import (
    Appraisal,
    ArticlePoint,
    AttachmentKind,
    CommendationType,
    CouncilMeeting,
    FundEntryKind,
    FundSource,
    InitiativeLevel,
    RoundKind,
    SpecialCategory,
    Subject,
    VoteChoice,
)


class SubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    reference = forms.CharField(label=_("Submission number"), max_length=64, required=False,
                                help_text=_("The unit's own number, e.g. 15/TTr-SKHĐT"))
    round_kind = forms.ChoiceField(label=_("Round"), choices=RoundKind.choices)
    year = forms.IntegerField(label=_("Year of achievement"), min_value=1945, max_value=2100)
    movement = forms.ModelChoiceField(label=_("Movement"), required=False,
                                      queryset=Movement.objects.exclude(kind=MovementKind.THEME))
    commendation_type = forms.ChoiceField(label=_("Type of commendation"), choices=CommendationType.choices)
    special_category = forms.ChoiceField(label=_("Special category (directive item 6)"), required=False,
                                         choices=SpecialCategory.choices)

    def __init__(self, *args, user, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editing:  # a dossier's unit is chosen once, when it is created
            self.fields = {"unit": UnitField(user), **self.fields}


class NomineeForm(forms.Form):
    subject = forms.ChoiceField(label=_("Subject"), choices=Subject.choices)
    person = forms.ModelChoiceField(label=_("Person (from the unit's staff list)"), required=False,
                                    queryset=Person.objects.none())
    collective_unit = forms.ModelChoiceField(label=_("Collective (a unit)"), required=False,
                                             queryset=Unit.objects.none())
    name = forms.CharField(label=_("Name of the person, collective or household"), max_length=255, required=False,
                           help_text=_("Filled from the person or unit when chosen."))
    award_type = forms.ModelChoiceField(label=_("Award proposed"), queryset=AwardType.objects.filter(is_active=True))
    achievement_summary = forms.CharField(label=_("Achievement summary"), widget=forms.Textarea(attrs={"rows": 3}))
    achievement_report = forms.CharField(label=_("Achievement report"), required=False,
                                         widget=forms.Textarea(attrs={"rows": 8}))
    is_posthumous = forms.BooleanField(label=_("Posthumous"), required=False)
    martyrs_count = forms.IntegerField(label=_("Number of martyrs in the family"), required=False, min_value=1)
    service_period = forms.CharField(label=_("Resistance period / service"), required=False, max_length=200)
    # The facts the rules judge (issue 31, items 9 and 10).
    criterion = forms.ChoiceField(
        label=_("Criterion the nomination rests on"), required=False,
        choices=[("", _("— not chosen —")), *ArticlePoint.choices],
        help_text=_("Bằng khen of the city Chairman: the point of Law 06/2022 Art 74.1 (from 2024) or of Decree "
                    "91/2017 Art 39 (before 2024) the nomination rests on; the check then judges that point's facts."))
    criterion_evidence = forms.CharField(
        label=_("Evidence of the criterion"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The achievements the point asks for: in which movement, result, scope of effect."))
    achievement_on = forms.DateField(
        label=_("Date of the achievement"), required=False, widget=DATE,
        help_text=_("Ad hoc or thematic award: when the act or the result took place (inside the dossier's year)."))
    achievement_event = forms.CharField(
        label=_("Movement or event"), required=False, max_length=300,
        help_text=_("The movement, campaign or event of the achievement (the dossier's movement if left empty)."))
    evidence_document = forms.CharField(
        label=_("Recognising or deciding document"), required=False, max_length=300,
        help_text=_("Number, date and issuer of the document that recognises the result or decides on the act, e.g. "
                    "“Thông báo 12/TB-BCĐ ngày 05/3/2025 của Ban Chỉ đạo …”."))
    labour_productivity = forms.NullBooleanField(
        label=_("Worker or farmer (Art 24.3): productivity and quality met or exceeded"), required=False,
        widget=forms.NullBooleanSelect)
    labour_income = forms.NullBooleanField(label=_("Worker or farmer (Art 24.3): stable income from the work"),
                                           required=False, widget=forms.NullBooleanSelect)
    labour_initiative = forms.NullBooleanField(
        label=_("Worker or farmer (Art 24.3): an initiative or new technique applied"), required=False,
        widget=forms.NullBooleanSelect)
    labour_details = forms.CharField(
        label=_("Worker or farmer (Art 24.3): figures and details"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only for a worker or farmer without a task rating: the results of the dossier's year, kept on the "
                    "person's record and read by the Lao động tiên tiến rule."))
    labour_source = forms.CharField(label=_("Worker or farmer (Art 24.3): confirmed by"), required=False,
                                    max_length=200)

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.current().filter(
            unit__path__startswith=submission.unit.path).select_related("unit").order_by("full_name")
        self.fields["collective_unit"].queryset = Unit.objects.subtree_of(submission.unit).active()

    GROUPS = (
        (None, ("subject", "person", "collective_unit", "name", "award_type", "achievement_summary",
                "achievement_report")),
        (_("Criterion of a Bằng khen of the Chairman (Law 06/2022 Art 74.1; before 2024 Decree 91/2017 Art 39)"),
         ("criterion", "criterion_evidence")),
        (_("The achievement and its document (the point chosen, or an ad hoc or thematic award)"),
         ("achievement_on", "achievement_event", "evidence_document")),
        (_("Worker or farmer without a task rating: results of the year (Law 06/2022 Art 24.3)"),
         ("labour_productivity", "labour_income", "labour_initiative", "labour_details", "labour_source")),
        (_("Special categories (directive item 6)"), ("is_posthumous", "martyrs_count", "service_period")),
    )

    def groups(self):
        """The fields in the groups the page shows them in (a legend per group)."""
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]

    def clean(self):
        data = super().clean()
        if not data.get("name"):
            chosen = data.get("person") or data.get("collective_unit")
            if chosen is None:
                raise forms.ValidationError(_("Choose a person or a unit, or type the name."))
            data["name"] = chosen.full_name if isinstance(chosen, Person) else chosen.name
        return data


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=AttachmentKind.choices)
    upload = forms.FileField(label=_("File (PDF, image, Word, Excel; at most 10 MB)"))

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        validate_upload(upload, DOCUMENT_KINDS)
        return upload


ImportForm = ExcelUploadForm


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["officer"].queryset = User.objects.filter(
            groups__name__in=["board_officer"], is_active=True).distinct().order_by("last_name", "first_name")
        self.fields["officer"].label_from_instance = lambda u: u.get_full_name() or u.username


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("What the unit must complete or correct"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ForwardForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class AppraisalForm(forms.Form):
    """One verdict per nominee. Nothing is pre-set to "eligible": each verdict starts from the officer's earlier
    one, else from the eligibility check's ("needs review" starts empty, so the officer has to choose)."""

    def __init__(self, *args, nominees, checks=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominees = list(nominees)
        choices = [("", _("— choose —")), (Appraisal.ELIGIBLE, Appraisal.ELIGIBLE.label),
                   (Appraisal.NOT_ELIGIBLE, Appraisal.NOT_ELIGIBLE.label),
                   (Appraisal.INCOMPLETE, Appraisal.INCOMPLETE.label)]
        from_check = {"eligible": Appraisal.ELIGIBLE, "not_eligible": Appraisal.NOT_ELIGIBLE}
        for n in self.nominees:
            check = (checks or {}).get(n.pk)
            earlier = n.appraisal if n.appraisal in (Appraisal.ELIGIBLE, Appraisal.NOT_ELIGIBLE) else ""
            initial = earlier or (from_check.get(check.result, "") if check else "")
            self.fields[f"verdict_{n.pk}"] = forms.ChoiceField(label=_("Verdict"), choices=choices, initial=initial)
            self.fields[f"reason_{n.pk}"] = forms.CharField(label=_("Reason"), required=False,
                                                            widget=forms.Textarea(attrs={"rows": 2}))

    def verdicts(self):
        return {n.pk: (self.cleaned_data[f"verdict_{n.pk}"], self.cleaned_data[f"reason_{n.pk}"])
                for n in self.nominees}

    def rows(self):
        return [(n, self[f"verdict_{n.pk}"], self[f"reason_{n.pk}"]) for n in self.nominees]


class MeetingForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Council meeting"), queryset=CouncilMeeting.objects.filter(
        is_closed=False), required=False)
    new_meeting_date = forms.DateField(label=_("or a new meeting on"), required=False, widget=DATE)
    new_meeting_title = forms.CharField(label=_("New meeting title"), required=False, max_length=255)

    def clean(self):
        data = super().clean()
        if not data.get("meeting") and not data.get("new_meeting_date"):
            raise forms.ValidationError(_("Choose a meeting or give the date of a new one."))
        return data


class VoteForm(forms.Form):
    choice = forms.ChoiceField(label=_("Vote"), choices=VoteChoice.choices, widget=forms.RadioSelect)


class DecisionForm(forms.Form):
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    signer_name = forms.CharField(label=_("Signed by"), max_length=120)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=120, initial="Chủ tịch")
    override_reason = forms.CharField(
        label=_("Reason for awarding against the eligibility check"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only where the check no longer passes a nominee; it is recorded in the dossier's history."))
    accept_overdraft = forms.BooleanField(
        label=_("Issue it even though the fund's balance does not cover the bonuses"), required=False,
        help_text=_("Asked only when the decision would take the fund's balance below zero."))


class RedateMeetingForm(forms.Form):
    held_on = forms.DateField(label=_("The meeting's right date"), widget=DATE)
    reason = forms.CharField(label=_("Reason for the change"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason for reopening"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class RevokeForm(forms.Form):
    grounds = forms.CharField(label=_("Grounds for revocation"), widget=forms.Textarea(attrs={"rows": 3}))
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    signer_name = forms.CharField(label=_("Signed by"), max_length=120)


class RecoveryForm(forms.Form):
    certificate_recovered = forms.BooleanField(label=_("Certificate recovered"), required=False)
    bonus_recovered = FigureField(label=_("Bonus recovered (VND)"), min_value=0, max_digits=14,
                                         decimal_places=0, initial=0)
    recovered_on = forms.DateField(label=_("Recovered on"), widget=DATE, required=False)


class PublicCommentForm(forms.Form):
    author = forms.CharField(label=_("Your name"), max_length=120)
    contact = forms.CharField(label=_("Phone or e-mail"), max_length=120, required=False)
    content = forms.CharField(label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class InitiativeForm(forms.Form):
    title = forms.CharField(label=_("Initiative"), max_length=300)
    authors = forms.CharField(label=_("Authors (person codes, separated by commas)"), max_length=500,
                              help_text=_("The code is in the first column of the ratings template and on the "
                                          "list of persons."))
    level = forms.ChoiceField(label=_("Level of effect"), choices=InitiativeLevel.choices)
    recognised_by = forms.CharField(label=_("Recognising decision"), max_length=120,
                                    help_text=_("e.g. Quyết định số 15/QĐ-HĐSK"))
    recognised_on = forms.DateField(label=_("Recognised on"), widget=DATE)

    def clean_authors(self):
        return parse_person_codes(self.cleaned_data["authors"])


class CentralResultForm(forms.Form):
    awarded = forms.TypedChoiceField(label=_("Result"), coerce=lambda v: v == "yes",
                                     choices=[("yes", _("Awarded")), ("no", _("Not awarded"))])
    decision = forms.CharField(label=_("Central decision (number and date)"), max_length=120,
                               help_text=_("e.g. 1234/QĐ-TTg ngày 10/11/2025"))


class UnitDecisionForm(forms.Form):
    """A unit's own decision on titles its head (or a commune chairman) awards, e.g. Lao động tiên tiến."""

    award_type = forms.ModelChoiceField(label=_("Title or award"), queryset=AwardType.objects.none())
    year = forms.IntegerField(label=_("Year of achievement"), min_value=2000, max_value=2100)
    decision_number = forms.CharField(label=_("Decision number"), max_length=80,
                                      help_text=_("e.g. 25/QĐ-SKHĐT"))
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    signer_name = forms.CharField(label=_("Signed by"), max_length=120)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=120, initial="Giám đốc")
    person_codes = forms.CharField(label=_("Codes of the persons awarded"), max_length=2000,
                                   help_text=_("Person codes from the unit's staff list, separated by commas."))

    def __init__(self, *args, award_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_type"].queryset = award_types


class FundIncomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[
        (k, label) for k, label in FundEntryKind.choices if k in (FundEntryKind.ALLOCATION, FundEntryKind.INCOME)])
    source = forms.ChoiceField(label=_("Source of the income"), choices=FundSource.choices)
    amount = FigureField(label=_("Amount (VND)"), min_value=1, max_digits=16, decimal_places=0)
    entered_on = forms.DateField(label=_("Date"), widget=DATE)
    description = forms.CharField(label=_("Description (the document it rests on)"), max_length=400)


class ReverseEntryForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the reversing entry"), max_length=300)
    entered_on = forms.DateField(label=_("Date"), widget=DATE)


class DocumentCheckForm(UploadForm):
    kinds = ("pdf",)
    upload = forms.FileField(label=_("The PDF to check"))
