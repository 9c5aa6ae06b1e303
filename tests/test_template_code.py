"""The theme's templates compiled once per serving process (rebuild.TemplateCode): a new environment (MkDocs
makes one per build) takes the compiled code of an unchanged template, and compiles an edited one anew."""

from __future__ import annotations

import jinja2
import pytest

from dossier.rebuild import TemplateCode


def _env(templates: dict[str, str], cache: TemplateCode) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(templates))
    env.bytecode_cache = cache
    return env


def _no_compiling(env: jinja2.Environment, monkeypatch) -> None:
    def compile_(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(env, "compile", compile_)


def test_a_new_environment_takes_the_compiled_code(monkeypatch):
    cache, templates = TemplateCode(), {"page.html": "<p>{{ title }}</p>{% if x %}x{% endif %}"}
    assert _env(templates, cache).get_template("page.html").render(title="Eins") == "<p>Eins</p>"
    again = _env(templates, cache)
    _no_compiling(again, monkeypatch)
    assert again.get_template("page.html").render(title="Zwei", x=1) == "<p>Zwei</p>x"


def test_an_edited_template_is_compiled_anew(monkeypatch):
    cache = TemplateCode()
    _env({"page.html": "<p>{{ title }}</p>"}, cache).get_template("page.html")
    edited = _env({"page.html": "<h1>{{ title }}</h1>"}, cache)
    assert edited.get_template("page.html").render(title="Neu") == "<h1>Neu</h1>"
    _no_compiling(edited2 := _env({"page.html": "<h1>{{ title }}</h1>"}, cache), monkeypatch)
    assert edited2.get_template("page.html").render(title="Neu") == "<h1>Neu</h1>"


def test_other_options_do_not_share_code():
    cache, templates = TemplateCode(), {"t": "{{ v }}"}
    _env(templates, cache).get_template("t")
    escaping = jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=True)
    escaping.bytecode_cache = cache
    assert escaping.get_template("t").render(v="<b>") == "&lt;b&gt;"


@pytest.mark.parametrize("source", ["{% for %}", "{{ a b }}"])
def test_a_broken_template_still_fails(source):
    cache = TemplateCode()
    with pytest.raises(jinja2.TemplateSyntaxError):
        _env({"t": source}, cache).get_template("t")
    with pytest.raises(jinja2.TemplateSyntaxError):
        _env({"t": source}, cache).get_template("t")
