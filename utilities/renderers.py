"""The form renderer: Django's Jinja2 renderer with the portal's select widget first.

Django's select template includes the option template, which includes the attributes template, for every option:
a filter row's unit and officer lists are some 230 options, two Jinja2 contexts each. The portal's
``jinja2/django/forms/widgets/select.html`` writes the plain option in place (the same markup, byte for byte) and
includes the others (radio and checkbox options) as before.
"""

from pathlib import Path

import django.forms
from django.forms.renderers import Jinja2
from django.utils.functional import cached_property


class FormRenderer(Jinja2):
    @cached_property
    def engine(self):
        return self.backend({"APP_DIRS": True, "NAME": "djangoforms", "OPTIONS": {},
                             "DIRS": [Path(__file__).parent / "jinja2", Path(django.forms.__file__).parent / "jinja2"]})
