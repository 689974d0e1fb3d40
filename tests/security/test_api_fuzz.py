"""A schema-driven fuzzer (schemathesis) sends generated requests to every API operation,
as an officer and as unit staff: no answer may be a server error."""

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings

from haiphong_thidua.wsgi import application

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = application


@pytest.fixture
def in_process(db):
    """Like Django's test client: requests served in-process must not close the test's connection."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(in_process):
    from organisation.models import ApiToken, User

    return {name: ApiToken.objects.create(User.objects.get(username=name), name="fuzz")[1]
            for name in ("demo_officer", "demo_staff")}


@schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_server_error(case, tokens):
    for key in tokens.values():
        response = case.call(headers={"Authorization": f"Token {key}", "Host": "localhost"})
        assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code} " \
                                           f"{response.text[:500]}"
