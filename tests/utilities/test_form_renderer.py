"""The portal's select template (options written in place, issue 34) gives Django's markup byte for byte."""

from django import forms
from django.forms.renderers import Jinja2, get_default_renderer

from utilities.renderers import FormRenderer


class Widgets(forms.Form):
    plain = forms.ChoiceField(choices=[("", "---"), ("x", "X <b>"), ("y", "Ý")], initial="y")
    grouped = forms.MultipleChoiceField(choices=[("Nhóm", [("1", "một"), ("2", "hai")]), ("3", "ba")],
                                       initial=["2", "3"])
    radio = forms.ChoiceField(choices=[("1", "a"), ("2", "b")], widget=forms.RadioSelect)
    unknown = forms.NullBooleanField()
    attrs = forms.ChoiceField(choices=[(1, "a")], widget=forms.Select(attrs={"class": "k", "disabled": True,
                                                                             "data-x": False}))
    boxes = forms.MultipleChoiceField(choices=[("1", "a"), ("2", "b")], widget=forms.CheckboxSelectMultiple)


def test_the_portal_renderer_writes_django_markup():
    assert isinstance(get_default_renderer(), FormRenderer)
    django_html = Widgets(renderer=Jinja2()).as_div()
    assert Widgets(renderer=FormRenderer()).as_div() == django_html
    assert '<option value="y" selected>Ý</option>' in django_html and 'label="Nhóm"' in django_html
    bound = Widgets({"plain": "bad"}, renderer=FormRenderer())
    assert bound.as_div() == Widgets({"plain": "bad"}, renderer=Jinja2()).as_div()
