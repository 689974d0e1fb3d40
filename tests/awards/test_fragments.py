"""The dossier's rows are a Jinja2 fragment (awards/jinja2/, utilities/jinja.py, issue 34): they must read exactly as
the Django templates wrote them — translations, escaping, dates — for every reader."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from awards.models import Status, Submission

from ..awards_helpers import draft, to_state

FINDINGS = [{"ok": True, "message": "Đủ 5 năm liên tục", "message_en": "Five years in a row", "basis": "Điều 74"},
            {"ok": False, "message": "Thiếu <biên bản> & 'tờ trình'", "message_en": "", "basis": ""},
            {"ok": None, "message": "Cần xem lại", "message_en": "Needs a look", "basis": "Điều 24.3"}]


@pytest.mark.parametrize(("language", "words"), [
    ("vi", ("Không đạt tiêu chuẩn", "✗", "Điều 74")), ("en", ("Does not meet the criteria", "Five years in a row", "✓"))])
def test_the_eligibility_badge_speaks_the_reader_s_language_and_escapes_findings(language, words):
    """One Jinja2 fragment for the dossier's rows and, through ``{% jinja %}``, the appraisal form."""
    with translation.override(language):
        html = render_to_string("awards/_eligibility.html", {"result": "not_eligible", "findings": FINDINGS},
                                using="jinja2")
    assert all(word in html for word in words)
    assert "Thiếu &lt;biên bản&gt; &amp; &#x27;tờ trình&#x27;" in html and "<biên bản>" not in html
    assert 'class="badge text-bg-danger"' in html


def test_the_appraisal_form_shows_each_nominee_s_eligibility(officer_client):
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.ASSIGNED)
    page = officer_client.get(reverse("awards:submission_appraise", args=[submission.pk])).content.decode()
    assert '<div class="eligibility mt-2">' in page and "Nguyễn Văn An" in page


def test_the_dossier_rows_escape_names_and_speak_the_reader_s_language(officer_client, staff_client):
    submission = to_state(draft(names=("Nguyễn <b>Văn</b> An", "Trần Thị O'Bình")), Status.DECIDED)
    page = officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert "Nguyễn &lt;b&gt;Văn&lt;/b&gt; An" in page and "<b>Văn</b>" not in page
    assert "Trần Thị O&#x27;Bình" in page  # Django's escape, as every other page writes it
    assert "Đáp ứng tiêu chuẩn" in page or "Đủ điều kiện" in page
    assert "1 đồng ý, 0 không đồng ý, 0 không biểu quyết" in page
    officer_client.cookies["django_language"] = "en"
    english = officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert "1 for, 0 against, 0 abstain" in english and "Nominees" in english

    mine = draft(names=("Vũ Văn Hải",))
    own = staff_client.get(reverse("awards:submission_detail", args=[mine.pk])).content.decode()
    assert 'name="csrfmiddlewaretoken" value="' in own  # each row's remove form carries the reader's token
    assert "Xóa Vũ Văn Hải khỏi hồ sơ?" in own


@pytest.mark.django_db(transaction=True)  # the data versions advance when a transaction commits
def test_a_filter_list_of_rows_shows_a_change_at_once_and_keeps_the_choice():
    """The queue's award list is reused between pages (core/templatetags/portal.py ``_select``), keyed on the law
    catalogue's data version: a renamed award shows on the next page, and each page keeps its own selected value."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from legal.models import AwardType
    from organisation.models import User

    officer = Client()
    officer.force_login(User.objects.get(username="demo_officer"))
    award = AwardType.objects.get(code="bang-khen-chu-tich")
    queue = reverse("awards:submission_list")
    assert f'<option value="{award.pk}">{award.name}</option>' in officer.get(queue).content.decode()
    with CaptureQueriesContext(connection) as again:
        officer.get(queue + "?page=1")
    assert not [q for q in again.captured_queries if 'FROM "legal_awardtype"' in q["sql"]]  # reused, not queried
    chosen = officer.get(queue + f"?award={award.pk}").content.decode()
    assert f'<option value="{award.pk}" selected>{award.name}</option>' in chosen
    AwardType.objects.filter(pk=award.pk).update(name="Bằng khen (tên mới)")
    renamed = officer.get(queue).content.decode()
    assert f'<option value="{award.pk}">Bằng khen (tên mới)</option>' in renamed
    officer.cookies["django_language"] = "en"
    assert ">All</option>" in officer.get(queue).content.decode()


def test_the_queue_rows_escape_titles_and_show_deadlines(officer_client):
    """The queue's rows are a Jinja2 fragment inside the Django page: links, escaping, dates, the empty officer."""
    submission = to_state(draft(), Status.SUBMITTED)
    Submission.objects.filter(pk=submission.pk).update(title="Tờ trình <script>x</script> & 'khen'",
                                                       due_on=dt.date(2020, 1, 6))
    page = officer_client.get(reverse("awards:submission_list")).content.decode()
    detail = reverse("awards:submission_detail", args=[submission.pk])
    assert f'<a href="{detail}">Tờ trình &lt;script&gt;x&lt;/script&gt; &amp; &#x27;khen&#x27;</a>' in page
    assert "<script>x</script>" not in page
    assert 'aria-label="Chọn Tờ trình &lt;script&gt;' in page and f'name="ids" value="{submission.pk}"' in page
    assert "<td>—</td>" in page  # no officer yet
    assert '<tr class="table-danger">' in page and "06/01/2020" in page and ">quá hạn</span>" in page
    officer_client.cookies["django_language"] = "en"
    assert "No dossier matches." in officer_client.get(reverse("awards:submission_list") + "?q=zzzz").content.decode()
