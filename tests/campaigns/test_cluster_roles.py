"""Who the cluster head is, and what each role may do with members' scores (issue: cluster roles).

The head is the staff of the unit that heads the cluster in the covenant's year: not the units above it
(the old check ran the unit path the wrong way), not the units below it, not a leadership account; the
head never checks its own score; a member's self-score is not shown to other members before the check.
"""

import pytest
from django.urls import reverse

from campaigns.models import MemberScore, ScoreStatus
from campaigns.workflow import MEMBER_SCORE
from organisation.models import ClusterMembership, User
from organisation.permissions import can_cross_check, is_cluster_head

from ..cluster_helpers import score_lines as _lines


@pytest.fixture
def hai_phong_heads(covenant):
    ClusterMembership.objects.filter(cluster=covenant.cluster, year=covenant.year).update(is_head=False)
    ClusterMembership.objects.filter(cluster=covenant.cluster, year=covenant.year,
                                     unit__code="ubnd-hai-phong").update(is_head=True)
    return covenant


def _self_score(make_user, covenant, code, points=(50, 30, 2, 0)):
    client, _user = make_user(code, username=f"self-{code}")
    score = covenant.scores.get(unit__code=code)
    assert client.post(reverse("campaigns:score_edit", args=[score.pk]), _lines(covenant, points)).status_code == 302
    return MemberScore.objects.get(pk=score.pk)


def test_only_the_head_units_own_staff_is_head(hai_phong_heads, make_user):
    covenant = hai_phong_heads
    leader = User.objects.get(username="demo_leader")  # attached to the city: above or at the head unit
    below = User.objects.get(username="demo_staff")  # a department under the city
    _client, head = make_user("ubnd-hai-phong", username="head-staff")
    _client, council = make_user("ubnd-hai-phong", role="council_member", username="council-at-city")
    assert is_cluster_head(head, covenant)
    assert not is_cluster_head(leader, covenant)
    assert not is_cluster_head(below, covenant)
    assert not is_cluster_head(council, covenant)


def test_read_only_leader_cannot_cross_check(hai_phong_heads, make_user, leader_client):
    covenant = hai_phong_heads
    score = _self_score(make_user, covenant, "tp-ha-noi")
    page = leader_client.get(reverse("campaigns:covenant_detail", args=[covenant.pk])).content.decode()
    assert "Chấm chéo" not in page
    response = leader_client.post(reverse("campaigns:score_edit", args=[score.pk]), _lines(covenant, [1, 1, 1, 1]))
    assert response.status_code == 403
    score.refresh_from_db()
    assert score.status == ScoreStatus.SELF_SCORED and score.final_total is None


def test_head_checks_others_but_not_itself(hai_phong_heads, make_user, officer_client):
    covenant = hai_phong_heads
    own = _self_score(make_user, covenant, "ubnd-hai-phong")
    other = _self_score(make_user, covenant, "tp-da-nang")
    head_client, head = make_user("ubnd-hai-phong", username="head-staff")
    assert can_cross_check(head, other) and not can_cross_check(head, own)
    page = head_client.get(reverse("campaigns:covenant_detail", args=[covenant.pk])).content.decode()
    assert page.count("Chấm chéo") == 1  # the other member's row only
    assert head_client.post(reverse("campaigns:score_edit", args=[own.pk]),
                            _lines(covenant, [60, 40, 5, 0])).status_code == 403
    assert head_client.post(reverse("campaigns:score_edit", args=[other.pk]),
                            _lines(covenant, [50, 30, 2, 0])).status_code == 302
    assert officer_client.post(reverse("campaigns:score_edit", args=[own.pk]),
                               _lines(covenant, [50, 30, 2, 0])).status_code == 302
    own.refresh_from_db()
    assert own.status == ScoreStatus.CHECKED
    assert MEMBER_SCORE.is_in("cross_check", own) is False


def test_self_scores_are_not_shown_to_other_members_before_the_check(hai_phong_heads, make_user):
    covenant = hai_phong_heads
    _self_score(make_user, covenant, "tp-da-nang", points=(57, 33, 0, 0))  # self-total 90
    other_member, _user = make_user("tp-can-tho", username="can-tho-viewer")
    outsider, _user = make_user("quan-le-chan", username="outsider")
    own, _user = make_user("tp-da-nang", username="da-nang-viewer")
    url = reverse("campaigns:covenant_detail", args=[covenant.pk])
    assert ">90.00<" not in other_member.get(url).content.decode().replace(",", ".")
    assert ">90.00<" not in outsider.get(url).content.decode().replace(",", ".")
    assert ">90.00<" in own.get(url).content.decode().replace(",", ".")
