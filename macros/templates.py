"""The site's Jinja templates (the top-level templates/ folder), rendered with one escaping finaliser.

Plain Jinja2 (which MkDocs already ships) with autoescape on and no MkDocs imports: the same
templates are cloned by the wizard in the browser. Every value a template prints passes through
the finaliser, which writes it with the site's one escaping function (macros.escape.text, via
Html.escape): Markdown runs after the macros, and HTML escaping alone would leave it something to
read (a [link](...) or {: attributes }). Markup built by macros.html passes through as it is. The
output is one line, so Markdown leaves it alone as a raw HTML block.
"""
import re
from pathlib import Path

import jinja2

from macros.html import Html
from markupsafe import Markup  # noqa: F401 (templates.Markup is used by the wizard modules)
from stillworried.core import page_ids
from stillworried.core.words import page as page_words

FOLDER = Path(__file__).resolve().parent.parent / "templates"
BETWEEN_TAGS = re.compile(r">\s*\n\s*<")


def finalize(value):
    """The one escaping step: markup made by a template or macros.html passes, anything else is escaped."""
    if value is None or isinstance(value, jinja2.Undefined):
        return Html()
    return Html.escape(value)


ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(str(FOLDER)), autoescape=True,
                                 finalize=finalize)


def render(name, **values):
    """A wizard template as one line of markup: only the line breaks between tags go."""
    values.setdefault("ids", page_ids)
    values.setdefault("words", page_words)
    html = ENVIRONMENT.get_template(name).render(**values)
    return Html(BETWEEN_TAGS.sub("><", html.strip()))


def render_template(template_name, **values):
    """templates/<template_name> filled with values, as one line of Html (indentation removed)."""
    output = ENVIRONMENT.get_template(template_name).render(**values)
    return Html("".join(line.strip() for line in output.splitlines()))


def render_macro(name, *args):
    """A macro of templates/macros.html (markup used in more than one place) as one line of Html."""
    output = getattr(ENVIRONMENT.get_template("macros.html").module, name)(*args)
    return Html("".join(line.strip() for line in str(output).splitlines()))
