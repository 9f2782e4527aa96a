"""The site's Jinja templates (top-level templates/), rendered with one escaping finaliser.

Plain Jinja2 (which MkDocs already ships), no MkDocs imports. Autoescape is on, and every value
a template prints passes through the finaliser, which writes it with macros.escape.text: the
characters that mean something to HTML, Markdown or Jinja become numeric references, so a
value is shown as itself even after the wizard page's Markdown pass. The output is one line
(line breaks between tags removed) so Markdown treats it as a raw HTML block.
"""
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from macros.escape import text
from stillworried import page_ids

FOLDER = Path(__file__).resolve().parent.parent / "templates"
BETWEEN_TAGS = re.compile(r">\s*\n\s*<")


def finalize(value):
    """The one escaping step: markup made by a template passes, anything else is escaped."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return Markup(text(value))


ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(str(FOLDER)), autoescape=True,
                                 finalize=finalize, undefined=jinja2.StrictUndefined)


def render(name, **values):
    """A template as one line of markup (a Markup string)."""
    values.setdefault("ids", page_ids)
    html = ENVIRONMENT.get_template(name).render(**values)
    return Markup(BETWEEN_TAGS.sub("><", html.strip()))
