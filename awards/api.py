from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from legal.models import AwardType
from organisation.models import Person, Unit, User
from organisation.permissions import acts_for_unit, can_read_fund, is_unit_staff
from organisation.scoping import visible_units
from utilities.api import RightsFirst, allowed_by

from . import services
from .models import Appraisal, CouncilMeeting, Decision, FundEntry, Nominee, Submission, VoteChoice
from .workflow import DOSSIER


class InScope(serializers.PrimaryKeyRelatedField):
    """A reference to an object the caller may see: another unit's object is answered exactly like one that does
    not exist (nothing to enumerate), and the service checks it against the submitting unit again."""

    def __init__(self, scope, **kwargs):
        self.scope = scope
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return self.scope(request.user) if request is not None else super().get_queryset().none()


def _persons_in_scope(user):
    return Person.objects.filter(unit__in=visible_units(user))


class NomineeSerializer(serializers.ModelSerializer):
    award_type = serializers.SlugRelatedField(slug_field="code", queryset=AwardType.objects.filter(is_active=True))
    person = InScope(_persons_in_scope, queryset=Person.objects.all(), required=False, allow_null=True)
    collective_unit = InScope(visible_units, queryset=Unit.objects.all(), required=False, allow_null=True)
    # A worker's or farmer's results of the year (Law 06/2022 Art 24.3), kept on the person's record (write-only).
    labour_productivity = serializers.BooleanField(required=False, allow_null=True, write_only=True)
    labour_income = serializers.BooleanField(required=False, allow_null=True, write_only=True)
    labour_initiative = serializers.BooleanField(required=False, allow_null=True, write_only=True)
    labour_details = serializers.CharField(required=False, allow_blank=True, max_length=4000, write_only=True)
    labour_source = serializers.CharField(required=False, allow_blank=True, max_length=200, write_only=True)

    class Meta:
        model = Nominee
        fields = ["id", "subject", "person", "collective_unit", "name", "award_type", "achievement_summary",
                  "achievement_report", "criterion", "criterion_evidence", "achievement_on", "achievement_event",
                  "evidence_document", "labour_productivity", "labour_income", "labour_initiative",
                  "labour_details", "labour_source", "appraisal", "appraisal_reason", "eligibility", "outcome",
                  "golden_book_number", "decision"]
        read_only_fields = ["appraisal", "appraisal_reason", "eligibility", "outcome", "golden_book_number",
                            "decision"]
        extra_kwargs = {"criterion_evidence": {"max_length": 4000}}  # as the form and the Excel list bound it


class SubmissionSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", queryset=Unit.objects.all())
    nominees = NomineeSerializer(many=True, read_only=True)
    actions = serializers.SerializerMethodField(
        help_text="The workflow actions (awards/workflow.py) the caller may take in the dossier's state.")

    class Meta:
        model = Submission
        fields = ["id", "unit", "title", "reference", "round_kind", "year", "movement", "commendation_type",
                  "special_category", "status", "submitted_at", "received_at", "officer", "due_on", "nominees",
                  "actions"]
        read_only_fields = ["status", "submitted_at", "received_at", "officer", "due_on"]

    def get_actions(self, obj) -> list[str]:
        request = self.context.get("request")
        if request is None:
            return []
        return DOSSIER.open_to(request.user, obj)


class AssignSerializer(serializers.Serializer):
    officer = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True))


class ReturnSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class VerdictSerializer(serializers.Serializer):
    nominee = serializers.IntegerField()
    verdict = serializers.ChoiceField(choices=[c for c in Appraisal.choices if c[0] != Appraisal.PENDING])
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class AppraiseSerializer(serializers.Serializer):
    verdicts = VerdictSerializer(many=True)

    def validate_verdicts(self, value) -> dict:
        """As the service takes them: nominee id -> (verdict, reason)."""
        return {v["nominee"]: (v["verdict"], v["reason"]) for v in value}


class ToCouncilSerializer(serializers.Serializer):
    meeting = serializers.PrimaryKeyRelatedField(queryset=CouncilMeeting.objects.filter(is_closed=False))


class VoteSerializer(serializers.Serializer):
    nominee = serializers.IntegerField()
    choice = serializers.ChoiceField(choices=VoteChoice.choices)


class VotesSerializer(serializers.Serializer):
    votes = VoteSerializer(many=True, allow_empty=False)


class DecideSerializer(serializers.Serializer):
    issued_on = serializers.DateField()
    signer_name = serializers.CharField(max_length=120)
    signer_title = serializers.CharField(max_length=120, default="Chủ tịch")
    override_reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    accept_overdraft = serializers.BooleanField(required=False, default=False)


class ReopenSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class ForwardSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class SubmissionViewSet(RightsFirst, viewsets.ModelViewSet):
    """Nomination dossiers and their transitions (same rules as the web pages)."""

    serializer_class = SubmissionSerializer
    filterset_fields = ["status", "year", "round_kind", "special_category"]
    http_method_names = ["get", "post", "head", "options"]
    # Who may take each write, before its body is read: the dossier's workflow table names the predicate of its
    # actions (a dossier's other unit is not found first); creating one is for unit staff, like the page.
    write_rights = {
        "create": is_unit_staff, "nominees": services.update_submission.transition, "votes": services.cast_votes.transition,
        **{t.name: t for t in DOSSIER if t.targets},
    }

    def get_queryset(self):
        return Submission.objects.visible_to(self.request.user).select_related("unit").prefetch_related(
            "nominees__award_type").order_by("id")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        unit = data.pop("unit")
        acts_for_unit.require(self.request.user, unit)  # the unit named in the body: the caller's own or one below
        serializer.instance = services.create_submission(self.request.user, unit=unit, **data)

    def _input(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def _done(self, submission):
        submission.refresh_from_db()
        return Response(SubmissionSerializer(submission, context=self.get_serializer_context()).data)

    @extend_schema(request=NomineeSerializer, responses=NomineeSerializer)
    @action(detail=True, methods=["post"])
    def nominees(self, request, pk=None):
        submission = self.get_object()
        data = self._input(NomineeSerializer)
        data = dict(data)
        nominee = services.save_nominee(request.user, submission, **data)
        return Response(NomineeSerializer(nominee).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=VotesSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def votes(self, request, pk=None):
        """A Council member's votes on the dossier's nominees (each vote can be changed until the count)."""
        data = self._input(VotesSerializer)
        submission = self.get_object()
        nominees = {n.pk: n for n in submission.nominees.select_related("submission")}
        unknown = [v["nominee"] for v in data["votes"] if v["nominee"] not in nominees]
        if unknown:
            raise serializers.ValidationError({"votes": _("No such nominee in this dossier: %(ids)s") % {
                "ids": ", ".join(map(str, unknown))}})
        for vote in data["votes"]:
            services.cast_vote(request.user, nominees[vote["nominee"]], vote["choice"])
        return self._done(submission)

    def take(self, request, name: str, serializer: str | None):
        """Every state-changing action of the dossier's table (the endpoints below are made from its rows): the
        row's input, then the same engine as the pages (``DOSSIER.take``)."""
        data = self._input(import_string(serializer)) if serializer else {}
        submission = self.get_object()
        DOSSIER.take(name, request.user, submission, **data)
        return self._done(submission)


def _endpoint(transition):
    """The API endpoint of one row of the table: POST /submissions/<id>/<api_path or name>/."""
    def endpoint(self, request, pk=None):
        return self.take(request, transition.name, transition.api_input)

    endpoint.__name__ = endpoint.__qualname__ = transition.name
    endpoint.__doc__ = f"{transition.label} (the dossier workflow's “{transition.name}”)."
    request = import_string(transition.api_input) if transition.api_input else None
    return extend_schema(request=request, responses=SubmissionSerializer)(
        action(detail=True, methods=["post"], url_path=transition.api_path or transition.name)(endpoint))


for _transition in DOSSIER:
    if _transition.targets:
        setattr(SubmissionViewSet, _transition.name, _endpoint(_transition))


class DecisionSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True)
    awardees = serializers.SerializerMethodField()
    bonus_total = serializers.SerializerMethodField()

    class Meta:
        model = Decision
        fields = ["id", "code", "year", "number", "kind", "issued_on", "title", "signer_name", "signer_title",
                  "submission", "revokes", "bonus_total", "awardees"]

    def get_awardees(self, obj) -> list[dict]:
        """Each awardee with the bonus kept at issue (``bonus_amount`` null: no amount was recorded for the award
        on the decision's date)."""
        return [{"name": n.name, "award": n.award_type.code, "golden_book_number": n.golden_book_number,
                 "person": n.person_id, "revoked": n.revoked_by_id is not None,
                 "bonus_amount": None if n.bonus_amount is None else int(n.bonus_amount),
                 "bonus_multiple": None if n.bonus_multiple is None else str(n.bonus_multiple),
                 "bonus_base_salary": None if n.bonus_base_salary is None else int(n.bonus_base_salary),
                 "bonus_basis": n.bonus_basis, "bonus_note": n.bonus_note, "bonus_recovered": int(n.bonus_recovered)}
                for n in obj.awardees.all()]

    def get_bonus_total(self, obj) -> int:
        return int(sum(n.bonus_amount for n in obj.awardees.all() if n.bonus_amount is not None))


class FundEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = FundEntry
        fields = ["id", "year", "kind", "source", "amount", "entered_on", "description", "decision", "nominee",
                  "reverses", "created_by", "created_at"]


class FundEntryViewSet(RightsFirst, viewsets.ReadOnlyModelViewSet):
    """The emulation and commendation fund's ledger (append-only), for the Board and the leadership."""

    serializer_class = FundEntrySerializer
    permission_classes = [allowed_by(can_read_fund, read_only=True)]  # the Board and the leadership
    filterset_fields = ["year", "kind", "source"]
    queryset = FundEntry.objects.order_by("year", "entered_on", "id")


class DecisionViewSet(RightsFirst, viewsets.ReadOnlyModelViewSet):
    """Decisions, e.g. for syncing awards to the national civil-servant database."""

    serializer_class = DecisionSerializer
    filterset_fields = ["year", "kind"]

    def get_queryset(self):
        return Decision.objects.visible_to(self.request.user).prefetch_related("awardees__award_type").order_by(
            "year", "number")
