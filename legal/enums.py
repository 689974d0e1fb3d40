"""Choices the law defines: kinds of award, subjects, levels, deciders, legal parameters, types of commendation
and the kinds of eligibility check (Law 06/2022/QH15, Decree 98/2023)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AttachmentKind(models.TextChoices):
    COUNCIL_MINUTES = "council_minutes", _("Minutes of the unit's emulation council")
    BALLOT_RESULT = "ballot_result", _("Ballot result")
    INITIATIVE_RECOGNITION = "initiative_recognition", _("Recognition of the initiative")
    EARLIER_DECISION = "earlier_decision", _("Copy of an earlier award decision")
    ACHIEVEMENT_REPORT = "achievement_report", _("Signed achievement report")
    OTHER = "other", _("Other document")


class AwardCategory(models.TextChoices):
    EMULATION_TITLE = "emulation_title", _("Emulation title (danh hiệu thi đua)")
    COMMENDATION = "commendation", _("Form of commendation (hình thức khen thưởng)")


class Subject(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")


class AwardLevel(models.TextChoices):
    STATE = "state", _("State (President, Prime Minister)")
    CITY = "city", _("City")
    GRASSROOTS = "grassroots", _("Grassroots")


class Decider(models.TextChoices):
    PRESIDENT = "president", _("President")
    PRIME_MINISTER = "prime_minister", _("Prime Minister")
    CITY_CHAIRMAN = "city_chairman", _("Chairman of the city People's Committee")
    UNIT_HEAD = "unit_head", _("Head of the unit")
    DISTRICT_CHAIRMAN = "district_chairman", _("Chairman of the district People's Committee")
    COMMUNE_CHAIRMAN = "commune_chairman", _("Chairman of the commune People's Committee")
    MINISTER = "minister", _("Minister or head of a central body")


# Who decides, seen from the city: the city's own decision, a submission upwards, or a unit's own decision.
CENTRAL_DECIDERS = (Decider.PRESIDENT, Decider.PRIME_MINISTER)
LOCAL_DECIDERS = (Decider.UNIT_HEAD, Decider.DISTRICT_CHAIRMAN, Decider.COMMUNE_CHAIRMAN)


class ParameterKey(models.TextChoices):
    APPRAISAL_WORKING_DAYS = "appraisal_working_days", _("Working days for the Board to appraise a dossier")
    RESUBMIT_WORKING_DAYS = "resubmit_working_days", _("Working days for a unit to complete a returned dossier")
    PUBLIC_COMMENT_DAYS = "public_comment_days", _("Days of public comment on the portal")
    VOTE_PASS_SHARE = "vote_pass_share", _("Share of Council votes in favour needed (greater than)")
    VOTE_SHARE_OF_MEMBERS = "vote_share_of_members", _(
        "Share of all Council members who must vote in favour (at least)")
    BONUS_ROUND_UP_TO = "bonus_round_up_to", _("Bonus amounts are rounded up to a multiple of (VND)")
    BONUS_HIGHEST_TITLE_ONLY = "bonus_highest_title_only", _(
        "Several emulation titles for one achievement: only the highest bonus is paid (1) or each one (0)")
    INITIATIVE_WITHIN_PERIOD = "initiative_within_period", _(
        "A yearly title counts only initiatives recognised within its period of achievement (1) or any earlier "
        "unused one (0)")
    YEARS_FOLLOW_BANG_KHEN = "years_follow_bang_khen", _(
        "Bằng khen of the Prime Minister: the five years must follow the earlier Bằng khen (1) or may include it (0)")
    WOMEN_PRIORITY = "women_priority", _(
        "Women's priority among equal candidates: the share of women that gives a collective the priority")


class CommendationType(models.TextChoices):
    REGULAR = "regular", _("Regular merit (công trạng)")
    AD_HOC = "ad_hoc", _("Ad hoc (đột xuất)")
    THEMATIC = "thematic", _("Per movement or thematic (theo đợt, chuyên đề)")
    SERVICE = "service", _("Long service (quá trình cống hiến)")
    TENURE = "tenure", _("Years of service (niên hạn)")
    FOREIGN = "foreign", _("Foreign relations (đối ngoại)")
    RESISTANCE = "resistance", _("Resistance war (kháng chiến)")


class RuleKind(models.TextChoices):
    RATING_AT_LEAST = "rating_at_least", _("Yearly rating at least")
    CONSECUTIVE_RATINGS = "consecutive_ratings", _("Consecutive years rated at least")
    CONSECUTIVE_TITLES = "consecutive_titles", _("Consecutive years holding a title")
    TITLES_WITHIN = "titles_within", _("A title a number of times within a period")
    HOLDS_AWARD = "holds_award", _("Already holds an award")
    INITIATIVE = "initiative", _("Recognised initiative(s) not yet used")
    MEMBERS_SHARE = "members_share", _("Share of the collective's members holding a title")
    MEMBERS_COUNT = "members_count", _("Members holding a title")
    NO_MEMBER_DISCIPLINE = "no_member_discipline", _("No member disciplined")
    QUOTA_SHARE = "quota_share", _("Quota: at most a share of another title in the city")
    COLLECTIVE_RATING = "collective_rating", _("The collective's own yearly rating at least")
    LEADS_CLUSTER = "leads_cluster", _("Leads its emulation cluster (campaigns' results)")
    MARTYRS = "martyrs", _("Number of martyrs of the family")
    OFFICER_JUDGMENT = "officer_judgment", _("A criterion the appraising officer judges")
    SERVICE_MONTHS = "service_months", _("Months in service by the end of the year at least")
    ABSENCE_AT_MOST = "absence_at_most", _("Working days absent in the year at most")
    LEADERSHIP_YEARS = "leadership_years", _("Years in a leadership post (one third less for women)")
    RATINGS_WITHIN = "ratings_within", _("Years rated at least a rating within a period")
    LOWER_TITLE_STANDARD = "lower_title_standard", _(
        "Meets the rules of a lower title that this one does not repeat")
    ACHIEVEMENT_FACTS = "achievement_facts", _(
        "The achievement recorded on the nomination (what, when, movement or event, document)")
    NOT_AWARDED = "not_awarded", _("Not awarded for this type of commendation")


class ArticlePoint(models.TextChoices):
    """The point (điểm) of the article a nomination rests on, e.g. Law 06/2022 Art 74.1 (Bằng khen of the city
    Chairman, from 2024) or Decree 91/2017 Art 39 (before 2024): the option of the rule set with that letter."""

    A = "a", _("Point a")
    B = "b", _("Point b")
    C = "c", _("Point c")
    D = "d", _("Point d")


class AchievementFact(models.TextChoices):
    """The facts of an achievement a nomination records, which an ``achievement_facts`` rule may ask for."""

    WHAT = "what", _("what was achieved")
    WHEN = "when", _("the date of the achievement")
    EVENT = "event", _("the movement or event")
    DOCUMENT = "document", _("the document that recognises it (number, date, issuer)")
    EVIDENCE = "evidence", _("the evidence of the criterion chosen")


class LabourCriterion(models.TextChoices):
    """The results of a worker or farmer outside the civil service (Law 06/2022 Art 24.3) a rule may ask for."""

    PRODUCTIVITY = "productivity", _("productivity and quality met or exceeded")
    INCOME = "income", _("stable income from the work")
    INITIATIVE = "initiative", _("an initiative or new technique applied")


class Occasion(models.TextChoices):
    """The public holidays of the Labour Code 2019 (Law 45/2019/QH14, Art 112.1), which civil servants keep too."""

    NEW_YEAR = "new_year", _("New Year's Day (Tết Dương lịch)")
    LUNAR_NEW_YEAR = "lunar_new_year", _("Lunar New Year (Tết Âm lịch)")
    HUNG_KINGS = "hung_kings", _("Hung Kings' Commemoration Day")
    VICTORY_DAY = "victory_day", _("Victory Day (30 April)")
    LABOUR_DAY = "labour_day", _("International Labour Day (1 May)")
    NATIONAL_DAY = "national_day", _("National Day (2 September)")
    OTHER = "other", _("Other (announced by the Government)")


class DayKind(models.TextChoices):
    """What a row of the calendar does to a day: no work on a holiday or a day off given in its place (nghỉ bù,
    hoán đổi), or work on a weekend day that the announcement swaps for a day off (làm bù)."""

    HOLIDAY = "holiday", _("Public holiday")
    DAY_OFF = "day_off", _("Day off in compensation or swap (nghỉ bù, hoán đổi)")
    WORKING_DAY = "working_day", _("Weekend day worked in exchange (làm bù)")
