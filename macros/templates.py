"""The site's Jinja templates (the top-level templates/ folder), rendered as macros.html.Html.

Plain Jinja2 with autoescape on and no MkDocs: the same templates are cloned by the wizard in the
browser. Every value goes through the site's one escaping function (macros.escape.text, via
Html.escape), because Markdown runs after the macros and HTML escaping alone would leave it
something to read (a [link](...) or {: attributes }). Markup built by macros.html passes through
as it is. A template's line breaks and indentation are removed, so the result is one line that
Markdown leaves alone as a raw HTML block.
"""
from pathlib import Path

import jinja2

from macros.html import Html

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _finalize(value):
    if value is None or isinstance(value, jinja2.Undefined):
        return Html()
    return Html.escape(value)


_ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                  finalize=_finalize)


def render_template(template_name, **values):
    """templates/<template_name> filled with values, as one line of Html."""
    output = _ENVIRONMENT.get_template(template_name).render(**values)
    return Html("".join(line.strip() for line in output.splitlines()))
