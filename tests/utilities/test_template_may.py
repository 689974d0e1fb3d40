"""Templates ask the named predicates of organisation/permissions.py through ``user|may:"name"``."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template, TemplateSyntaxError


def render(source, user):
    return Template("{% load portal %}" + source).render(Context({"user": user}))


def test_may_answers_as_the_predicate():
    assert render('{% if user|may:"is_board" %}yes{% else %}no{% endif %}', AnonymousUser()) == "no"
    assert render('{% if user|may:"is_council or is_board_officer" %}yes{% else %}no{% endif %}', AnonymousUser()) == "no"


def test_an_unknown_name_is_an_error_not_false():
    with pytest.raises(TemplateSyntaxError, match="is_bored"):
        render('{% if user|may:"is_bored" %}yes{% endif %}', AnonymousUser())
    with pytest.raises(TemplateSyntaxError, match="Role"):
        render('{% if user|may:"is_board or Role" %}yes{% endif %}', AnonymousUser())


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["demo_staff", "demo_officer", "demo_council", "demo_leader", "demo_admin"])
def test_may_for_every_demo_role(username):
    from organisation import permissions
    from organisation.models import User

    user = User.objects.get(username=username)
    for name in ("is_board", "is_board_officer", "is_council", "is_leader", "is_unit_staff", "can_read_reports",
                 "can_read_fund", "enters_staff_records"):
        expected = "yes" if getattr(permissions, name)(user) else "no"
        assert render(f'{{% if user|may:"{name}" %}}yes{{% else %}}no{{% endif %}}', user) == expected, name
