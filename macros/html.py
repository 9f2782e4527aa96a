"""A very small HTML builder, so that no macro ever concatenates data into markup by hand.

Everything it returns is Html, a markupsafe.Markup: escaped markup that knows it is markup.
Joining it with anything keeps that knowledge, so our own markup can never be escaped a second
time and shown as text (`<cite>` on the page), and text from the data can never become markup:

    el("cite", None, "x") + ", " + el("span", None, "y")   # Html: the ", " is escaped, the tags kept
    Html(", ").join([el(...), "plain text"])                # Html: the plain text is escaped

The one escaping function is macros.escape.text (numeric character references for everything
that means something to HTML, Markdown or Jinja); Html uses it wherever markupsafe would use its
own HTML escaping. Elements are written on one line with no blank lines, so Markdown treats the
result as a raw HTML block and leaves it alone.
"""
from markupsafe import Markup

from macros.escape import text

VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})


class Html(Markup):
    """Markup built safely by el(); a plain str added to it, or joined by it, is escaped."""

    __slots__ = ()

    @classmethod
    def escape(cls, value):
        if hasattr(value, "__html__"):
            return cls(value.__html__())
        return cls(text(value))


# The name other modules have always imported: trusted markup (for example a separator).
Raw = Html


def render(child):
    """child as Html: markup passes through, lists are joined, anything else is escaped text."""
    if child is None or child is False:
        return Html()
    if isinstance(child, (list, tuple)):
        return Html().join(render(item) for item in child)
    return Html.escape(child)


def el(tag, attrs=None, *children):
    """<tag attrs>children</tag>, with attribute values and text escaped."""
    parts = [tag]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        parts.append(name if value is True else '%s="%s"' % (name, text(value)))
    opening = Html("<" + " ".join(parts) + ">")
    if tag in VOID:
        return opening
    return opening + render(list(children)) + Html("</%s>" % tag)


def join(items, separator=None):
    """The items one after another (with separator, escaped unless it is Html, between them)."""
    return Html.escape(separator if separator is not None else "").join(render(item) for item in items)
