"""A web worker is warm before its first request (issue 34, item 3): gunicorn.conf.py's post_worker_init compiles
every template into the cached loaders, builds the URL resolver and opens the connections."""

import logging
import runpy
from pathlib import Path

from django.forms.renderers import get_default_renderer
from django.template import engines

from haiphong_thidua.warmup import warm

ROOT = Path(__file__).resolve().parents[2]


def _cached_names(backend) -> set[str]:
    names = set()
    for loader in backend.engine.template_loaders:
        names.update(key.split(":")[0] for key in getattr(loader, "get_template_cache", {}))
    return names


def test_gunicorn_warms_each_worker_before_it_takes_traffic(db, caplog):
    pages = engines["django"]
    for loader in pages.engine.template_loaders:
        loader.reset()  # as in a worker that has just loaded the application
    fragments = engines["jinja2"].env  # the Jinja2 fragments (utilities/jinja.py)
    fragments.cache.clear()
    assert "awards/_submission_list_body.html" not in _cached_names(pages)

    class Worker:
        pid = 4242
        log = logging.getLogger("gunicorn.error")

    hooks = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    with caplog.at_level(logging.INFO, logger="gunicorn.error"):
        hooks["post_worker_init"](Worker())

    cached = _cached_names(pages)
    # The hot pages, the shared layout, an e-mail and the admin are compiled, not only what a test rendered before.
    for name in ("awards/_submission_list_body.html", "base.html",
                 "campaigns/_filter.html", "admin/change_list.html"):
        assert name in cached, name
    assert any(name == "awards/_submission_detail_body.html" for _loader, name in fragments.cache.keys())
    widgets = get_default_renderer().engine.env.cache  # the form renderer's Jinja2 environment
    assert any(name == "django/forms/widgets/select_option.html" for _loader, name in widgets.keys())
    assert "worker 4242 warm in" in caplog.text


def test_warm_up_counts_what_it_did(db):
    done = warm()
    assert done["templates"] > 300 and done["urls"] > 50 and done["seconds"] >= 0
