"""Which characters a published string may hold, and how text is shown safely in a terminal.

Everything in data/ ends up somewhere a person reads it: a web page, a vCard, a CSV opened in
a spreadsheet, a calendar file, the `next` command's output in a terminal, a file or folder
name. Some characters are invisible there but still act:

- C0 control characters (U+0000 to U+001F) and DEL (U+007F): ESC starts a terminal escape
  sequence (it can clear the screen or rewrite what was printed), NUL cuts a C string short in
  other tools, a tab or carriage return hides text. The only one the data ever needs is the
  newline, and only in multi-line text, written as a YAML block (``|``), never inside quotes.
- C1 control characters (U+0080 to U+009F): CSI (U+009B) acts like ESC-[ in some terminals.
- Lone surrogates (U+D800 to U+DFFF, written ``"\\ud800"`` in double quotes): not text at all;
  writing them as UTF-8 fails, so they crash the build.
- Bidirectional controls (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C): they
  reorder how text is shown, so a number or a name can read differently from what is stored
  (the "Trojan Source" trick). The data is English.
- Line and paragraph separators (U+2028, U+2029), the byte-order mark (U+FEFF) and the
  non-characters U+FFFE and U+FFFF: invisible, and they break line counting or JSON in scripts.
- Every other invisible "format" character (Unicode's category Cf): zero-width spaces and
  joiners, word joiners, the soft hyphen, and the tag characters (U+E0000 to U+E007F), which
  can carry a whole hidden message. "The\u200bBridge" looks like "The Bridge" and is not it:
  search, links and the check's own comparisons would all miss it.

Text must also read as what it looks like (``unreadable``): not blank (only spaces, no-break
spaces or a Hangul filler, which show nothing), no word mixing two alphabets (a Cyrillic "В"
in "Bridge"), no digit of another script (a full-width "０", which no number check reads as 0),
and no letter under a pile of combining marks (5,000 accents stacked on a name cover the page).

``problem_in`` finds the first such character in a string; ``visible`` rewrites text for a
terminal so that any of them is shown as an escape (``\\x1b``) and never acts; ``shorten``
keeps a message short when a value is huge.
"""
import re
import unicodedata

# Names for the characters a maintainer is most likely to meet, in plain words.
NAMES = {
    0x00: "a NUL (zero) character", 0x09: "a tab", 0x0A: "a line break", 0x0B: "a vertical tab",
    0x0C: "a form feed (page break)", 0x0D: "a carriage return", 0x1B: "an escape character (ESC)",
    0x7F: "a delete character (DEL)", 0x85: "a next-line character (NEL)",
    0x2028: "a line separator", 0x2029: "a paragraph separator", 0xFEFF: "a byte-order mark (BOM)",
    0x00AD: "a soft hyphen", 0x200B: "a zero-width space", 0x200C: "a zero-width non-joiner",
    0x200D: "a zero-width joiner", 0x2060: "a word joiner", 0x180E: "a Mongolian vowel separator",
}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
OTHER = {0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF}
# One class for all of them, for a fast search (most strings are clean).
# Unicode's format characters (category Cf), as of Unicode 15.1 (tests/data/test_hostile_text.py
# checks that the running Python knows none outside them).
FORMAT = (r"\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
          r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
          r"\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
_RANGES = (r"\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029\ufeff\ufffe"
           r"\uffff" + FORMAT)
FORBIDDEN = re.compile("[%s]" % _RANGES)
FORBIDDEN_BUT_NEWLINE = re.compile("[%s]" % _RANGES.replace(r"\x00-\x1f", r"\x00-\x09\x0b-\x1f"))
SHORT = 60


def describe(char):
    """'an escape character (ESC), U+001B' and the like."""
    point = ord(char)
    if point in NAMES:
        name = NAMES[point]
    elif 0xD800 <= point <= 0xDFFF:
        name = "half of a character (a lone surrogate)"
    elif point in BIDI:
        name = "an invisible right-to-left or left-to-right control (%s)" % unicodedata.name(char, "bidi control")
    elif point < 0x20 or 0x7F <= point <= 0x9F:
        name = "an invisible control character"
    elif 0xE0000 <= point <= 0xE007F:
        name = "an invisible tag character (it can hide words)"
    elif unicodedata.category(char) == "Cf":
        name = "an invisible formatting character (%s)" % unicodedata.name(char, "format character").lower()
    else:
        name = "an invisible character"
    return "%s, U+%04X" % (name, point)


def escape(char):
    point = ord(char)
    if point < 0x100:
        return "\\x%02x" % point
    return "\\u%04x" % point if point < 0x10000 else "\\U%08x" % point


def visible(text, keep_newlines=False):
    """text with every forbidden character written as an escape, so printing it cannot clear a
    terminal, forge a line or reorder what is shown. Backslashes stay as they are."""
    pattern = FORBIDDEN_BUT_NEWLINE if keep_newlines else FORBIDDEN
    return pattern.sub(lambda found: escape(found.group(0)), str(text))


def shorten(text, limit=SHORT):
    """text cut to about limit characters, saying how much was left out, for a message."""
    text = str(text)
    if len(text) <= limit:
        return text
    return "%s... (%d more characters)" % (text[:limit], len(text) - limit)


def shown(text, limit=SHORT):
    """A value as it may appear inside a message: short, on one line, with nothing that acts."""
    return visible(shorten(text, limit))


def problem_in(text, multiline=False):
    """(index, character) of the first character text may not hold, or None.
    A newline is allowed only in multi-line text (a YAML block written with |)."""
    found = (FORBIDDEN_BUT_NEWLINE if multiline else FORBIDDEN).search(text)
    return (found.start(), found.group(0)) if found else None


def message(name, text, index, char):
    """What is wrong with a string and how to fix it, for a maintainer who is not a programmer.
    name is the field's name, or None when the string is itself a field name."""
    before = text[max(0, index - 20):index]
    where = "after '%s'" % visible(before) if before else "at the start"
    if char == "\n":
        fix = ("Text written in quotes must stay on one line: remove the \\n. For text over several lines, "
               "write it as a block (field: |) with each line indented.")
    elif 0xD800 <= ord(char) <= 0xDFFF:
        fix = "Remove the \\u%04x escape, or write the whole character instead." % ord(char)
    else:
        fix = ("Delete it: it is not shown, but it can change how the text reads on a phone, in a terminal or in "
               "a spreadsheet. If the text was pasted, retype that part by hand.")
    what = "This field name" if name is None else "'%s'" % name
    return "%s contains %s %s. %s" % (what, describe(char), where, fix)


# Letters that show nothing: Hangul fillers and the blank Braille pattern look like a space.
BLANK_LETTERS = {0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800}
MAX_COMBINING = 2  # accents stacked on one letter; real words need one or two
# A script's name as the first word of its letters' Unicode names: these words are one script.
SAME_SCRIPT = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "CJK": "CJK", "HANGUL": "HANGUL"}


def _invisible(char):
    return (char.isspace() or ord(char) in BLANK_LETTERS
            or unicodedata.category(char) in ("Cf", "Mn", "Me", "Cc", "Zs", "Zl", "Zp"))


def script(char):
    """The alphabet a letter belongs to, from its Unicode name ("LATIN", "CYRILLIC", "GREEK",
    "MATHEMATICAL", "FULLWIDTH"...)."""
    first = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    return SAME_SCRIPT.get(first, first)


def unreadable(text):
    """What makes text read as other than it looks, or None: ("blank", None, None),
    ("mixed", index of the word, the word), ("combining", index, the letter) or ("digit",
    index, a digit of another script)."""
    if text.isascii():
        return None if not text or text.strip() else ("blank", None, None)
    if all(_invisible(char) for char in text):
        return ("blank", None, None)
    run = 0
    for index, char in enumerate(text):
        if not char.isascii() and unicodedata.category(char) == "Nd":
            return ("digit", index, char)  # not ASCII (that was answered above): '０' or '٣' for 0 or 3
        if unicodedata.category(char).startswith("M"):
            run += 1
            if run > MAX_COMBINING:
                return ("combining", index, text[max(0, index - run):index].lstrip())
        else:
            run = 0
    for word in re.finditer(r"[^\W\d_]+", text):
        letters = {script(char) for char in word.group(0) if unicodedata.category(char).startswith("L")}
        if len(letters) > 1:
            return ("mixed", word.start(), word.group(0))
    return None


def unreadable_message(name, text, found):
    """What is wrong with text that does not read as it looks, and how to fix it."""
    kind, index, part = found
    what = "This field name" if name is None else "'%s'" % name
    if kind == "blank":
        shown_as = ", ".join(sorted({unicodedata.name(char, "U+%04X" % ord(char)).lower() for char in text}))
        return ("%s is blank: it holds only %s, which show nothing. Write the words themselves, or remove the field "
                "if it is optional." % (what, shown_as))
    if kind == "digit":
        return ("%s contains '%s' (%s), a digit that only looks like ours: phone numbers, dates and amounts are "
                "written with the digits 0 to 9. Retype it from the keyboard." % (
                    what, visible(part), unicodedata.name(part, "a digit").lower()))
    if kind == "combining":
        return ("%s has more than %d accents or other marks stacked on one letter (after '%s'), which cover the text "
                "around it. Retype the word with its usual accents." % (what, MAX_COMBINING, visible(part[:1])))
    odd = sorted({script(char).capitalize() for char in part if unicodedata.category(char).startswith("L")})
    return ("%s contains '%s', a word that mixes letters of different alphabets (%s): some letters only look like "
            "ours. Retype the word from the keyboard." % (what, visible(shorten(part, 40)), " and ".join(odd)))


def not_a_real_date(value):
    """The check's words for a date with no such day, wherever it is found (the data's checks,
    and YAML's own reading of an unquoted date)."""
    return "'%s' is not a real date. Check the day and month (YYYY-MM-DD)." % shown(value)
