"""Women's priority among equal candidates (Law 06/2022/QH15 on gender equality; Decree 98/2023/NĐ-CP Art 4, Decree
152/2025/NĐ-CP Art 4; Decree 65/2014/NĐ-CP Art 2.3 before 2024): shown on the Council's list and stated in the ballot
tally where it put one equal candidate before another (issue 31, item 12)."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse

from awards import priority, services
from awards.models import Nominee, Status, VoteChoice
from legal.models import Parameter
from organisation.models import Person, Unit

from ..awards.test_awards_workflow import pdf_text
from ..awards_helpers import draft, to_state, users
from .test_awards_law import _council_members

D = dt.date


def _council_with(names, women):
    """A dossier of Bằng khen nominees (more than half of the votes cast passes) before the Council."""
    submission = draft(names=names)
    Person.objects.filter(full_name__in=women).update(sex="female")
    return to_state(submission, Status.IN_COUNCIL)


def _votes(submission, yes_by_name, members):
    for nominee in submission.nominees.all():
        for i, member in enumerate(members):
            services.cast_vote(member, nominee, VoteChoice.YES if i < yes_by_name[nominee.name] else VoteChoice.NO)


def test_decree_98_2023_art_4_the_parameter_is_data_with_its_article(db):
    rule = priority.in_force(D(2024, 5, 1))
    assert rule.share == Decimal("0.7") and rule.basis.startswith("Nghị định 98/2023/NĐ-CP, Điều 4")
    assert priority.in_force(D(2025, 7, 1)).basis.startswith("Nghị định 152/2025/NĐ-CP, Điều 4")
    assert "65/2014" in Parameter.objects.in_force(D(2023, 6, 1)).get(key="women_priority").article


def test_decree_98_2023_art_4_a_woman_equal_in_votes_comes_first_on_the_list_and_in_the_tally(council_client,
                                                                                               officer_client):
    members = _council_members(3)
    submission = _council_with(("Trần Văn Bình", "Lê Thị Hoa"), women=("Lê Thị Hoa",))
    _votes(submission, {"Trần Văn Bình": 2, "Lê Thị Hoa": 2}, members)
    page = council_client.get(reverse("awards:council")).content.decode()
    section = page[page.index(f'id="dossier-{submission.pk}"'):]
    assert section.index("Lê Thị Hoa") < section.index("Trần Văn Bình")  # added second, listed first
    assert "Ưu tiên nữ" in section and "Lê Thị Hoa trước Trần Văn Bình" in section
    services.close_vote(users()["demo_officer"], submission)
    tally = officer_client.get(reverse("awards:meeting_document", args=[submission.meeting_id, "kiem-phieu"]))
    text = pdf_text(tally.content, layout=False)
    assert ("Ưu tiên nữ khi có thành tích như nhau (Nghị định 98/2023/NĐ-CP, Điều 4" in text
            and "Lê Thị Hoa được xếp trước Trần Văn Bình" in text and "cùng 2 phiếu tán thành" in text)
    assert text.index("Lê Thị Hoa") < text.index("Trần Văn Bình")


def test_decree_98_2023_art_4_the_priority_does_not_outrank_more_votes(council_client, officer_client):
    members = _council_members(3)
    submission = _council_with(("Đỗ Văn Cường", "Ngô Thị Lan"), women=("Ngô Thị Lan",))
    _votes(submission, {"Đỗ Văn Cường": 3, "Ngô Thị Lan": 2}, members)
    page = council_client.get(reverse("awards:council")).content.decode()
    section = page[page.index(f'id="dossier-{submission.pk}"'):]
    assert section.index("Đỗ Văn Cường") < section.index("Ngô Thị Lan") and "trước Đỗ Văn Cường" not in section
    services.close_vote(users()["demo_officer"], submission)
    tally = officer_client.get(reverse("awards:meeting_document", args=[submission.meeting_id, "kiem-phieu"]))
    assert "Ưu tiên nữ khi có thành tích như nhau" not in pdf_text(tally.content, layout=False)


def test_decree_98_2023_art_4_a_collective_needs_70_percent_women(db):
    parent = Unit.objects.get(code="so-ke-hoach-dau-tu")
    teams = {}
    for name, women in (("Phòng Tổng hợp", 7), ("Phòng Đầu tư", 6)):
        team = Unit.objects.create(name=name, code=f"team-{women}", parent=parent, kind=parent.kind, level=parent.level)
        for i in range(10):
            Person.objects.create(full_name=f"{name} {i}", sex="female" if i < women else "male", unit=team,
                                  category="civil_servant")
        teams[women] = Nominee(subject="collective", collective_unit=team, name=name, pk=women)
    shares = priority._women_shares(list(teams.values()))
    rule = priority.in_force(D(2025, 8, 1))
    assert rule.favoured(teams[7], shares) and not rule.favoured(teams[6], shares)
