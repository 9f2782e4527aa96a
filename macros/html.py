"""A very small HTML builder, so that no macro ever concatenates data into markup by hand.

Every string child and every attribute value goes through escape.text(); only Raw (markup this
module itself produced) is passed through. Elements are written on one line with no blank
lines, so Markdown treats the result as a raw HTML block and leaves it alone.
"""
from macros.escape import text

VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})


class Raw(str):
    """Markup that has already been built safely by el()."""


def render(child):
    if child is None or child is False:
        return ""
    if isinstance(child, Raw):
        return child
    if isinstance(child, (list, tuple)):
        return "".join(render(item) for item in child)
    return text(child)


def el(tag, attrs=None, *children):
    """<tag attrs>children</tag>, with attribute values and text escaped."""
    parts = [tag]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        parts.append(name if value is True else '%s="%s"' % (name, text(value)))
    opening = "<" + " ".join(parts) + ">"
    if tag in VOID:
        return Raw(opening)
    return Raw(opening + render(list(children)) + "</%s>" % tag)


def join(items, separator=None):
    pieces = []
    for index, item in enumerate(items):
        if index and separator is not None:
            pieces.append(separator)
        pieces.append(item)
    return Raw(render(pieces))
