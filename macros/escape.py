"""The one escaping function every value from the data passes through.

mkdocs-macros renders with autoescape off, and Markdown runs after Jinja, so HTML escaping
alone is not enough: Markdown would still turn [x](javascript:...) into a link or read
{: onclick=... } as attributes. We therefore write every character that means something to
HTML, Markdown or Jinja as a numeric character reference, which both leave alone and the
browser shows as the character itself. Line breaks become spaces so a value can never end
the HTML block it sits in.
"""
SAFE = frozenset(" ,.-")


class _Written(dict):
    """{code point: how text() writes it}, each character worked out the first time it is met,
    so text() is one str.translate (it runs hundreds of thousands of times in a build)."""

    def __missing__(self, code):
        char = chr(code)
        if char.isalnum() or char in SAFE:
            written = char
        elif char in "\r\n\t":
            written = " "
        else:
            written = "&#%d;" % code
        self[code] = written
        return written


_WRITTEN = _Written()


def text(value):
    return str(value).translate(_WRITTEN)
