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

    class Meta:
        model = Nominee
        fields = ["id", "subject", "person", "collective_unit", "name", "award_type", "achievement_summary",
                  "achievement_report", "appraisal", "appraisal_reason", "eligibility", "outcome",
                  "golden_book_number", "decision"]
        read_only_fields = ["appraisal", "appraisal_reason", "eligibility", "outcome", "golden_book_number",
                            "decision"]


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
        "create": is_unit_staff, "nominees": DOSSIER["edit"], "submit": DOSSIER["submit"],
        "receive": DOSSIER["receive"], "return_to_unit": DOSSIER["return_to_unit"], "assign": DOSSIER["assign"],
        "appraise": DOSSIER["appraise"], "to_council": DOSSIER["to_council"],
        "open_public_comment": DOSSIER["open_public_comment"], "votes": DOSSIER["vote"],
        "close_vote": DOSSIER["close_vote"], "decide": DOSSIER["decide"], "forward": DOSSIER["forward"],
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

    @extend_schema(request=None, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._done(services.submit(request.user, self.get_object()))

    @extend_schema(request=None, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def receive(self, request, pk=None):
        return self._done(services.receive(request.user, self.get_object()))

    @extend_schema(request=ReturnSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_to_unit(self, request, pk=None):
        data = self._input(ReturnSerializer)
        return self._done(services.return_to_unit(request.user, self.get_object(), data["reason"]))

    @extend_schema(request=AssignSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        data = self._input(AssignSerializer)
        return self._done(services.assign(request.user, self.get_object(), data["officer"]))

    @extend_schema(request=AppraiseSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def appraise(self, request, pk=None):
        data = self._input(AppraiseSerializer)
        verdicts = {v["nominee"]: (v["verdict"], v["reason"]) for v in data["verdicts"]}
        return self._done(services.appraise(request.user, self.get_object(), verdicts))

    @extend_schema(request=ToCouncilSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"], url_path="to-council")
    def to_council(self, request, pk=None):
        data = self._input(ToCouncilSerializer)
        return self._done(services.send_to_council(request.user, self.get_object(),
                                                   data["meeting"]))

    @extend_schema(request=None, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"], url_path="open-public-comment")
    def open_public_comment(self, request, pk=None):
        return self._done(services.open_public_comment(request.user, self.get_object()))

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

    @extend_schema(request=None, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"], url_path="close-vote")
    def close_vote(self, request, pk=None):
        return self._done(services.close_vote(request.user, self.get_object()))

    @extend_schema(request=DecideSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        data = self._input(DecideSerializer)
        submission = self.get_object()
        services.issue_decision(request.user, submission, **data)
        return self._done(submission)

    @extend_schema(request=ForwardSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def forward(self, request, pk=None):
        data = self._input(ForwardSerializer)
        return self._done(services.forward_to_central(request.user, self.get_object(),
                                                      data["note"]))


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
