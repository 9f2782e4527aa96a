"""The one escaping function every value from the data passes through.

mkdocs-macros renders with autoescape off, and Markdown runs after Jinja, so HTML escaping
alone is not enough: Markdown would still turn [x](javascript:...) into a link or read
{: onclick=... } as attributes. We therefore write every character that means something to
HTML, Markdown or Jinja as a numeric character reference, which both leave alone and the
browser shows as the character itself. Line breaks become spaces so a value can never end
the HTML block it sits in.
"""
SAFE = frozenset(" ,.-")


def text(value):
    out = []
    for char in str(value):
        if char.isalnum() or char in SAFE:
            out.append(char)
        elif char in "\r\n\t":
            out.append(" ")
        else:
            out.append("&#%d;" % ord(char))
    return "".join(out)
