"""Abbreviations written out the first time they appear (issue 9, item 1: "Expand or explain
every abbreviation the first time it appears; use the data's glossary").

A reader of "Email the SSCP" on a phone may not know what SSCP is, and the same letters mean
Salford's partnership in Salford and Southwark's in Southwark, so the words come from the
glossary entries (data/guidance.yaml, each naming its source file and section) of the area in
question. The first use of the letters in a run of text becomes "Words in full (ABBR)"; later
uses are left alone.

Left alone, always: letters inside a longer word ("SSCPs", "non-VCSE"), inside an email address
or web address, and letters already in brackets ("Multi-Agency Safeguarding Hub (MASH)"), which
count as written out. So writing out text twice changes nothing.

Never written out inside quotation marks ("...", “...”, '...', ‘...’): a quotation is the
source's own words and nothing in it may change (issue 22: the VCSE status note showed
"complementary to the Salford Safeguarding Children Board (SSCB) Escalation Guidance" where the
source says "complementary to the SSCB Escalation Guidance"). Letters met only inside a quotation
are not counted as written out, so the next use outside one is.

Runs in the browser under MicroPython, whose re module has no lookbehind, no \\b and no named
groups: the text is read with a small hand tokenizer instead, so CPython, MicroPython and
Pyodide give the same answer (tests/engine/test_abbreviations.py, tests/engine/interpreter_parity.py).
"""

# Characters outside ASCII that end a word, as a space does (the rest join a word, so that
# "SSCPé" is one word under every interpreter: MicroPython's isalpha knows ASCII only).
_BREAKS = "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u00a0"
# Joined to the letters by one of these, the letters are part of a longer word ("non-VCSE").
_JOINERS = "-_"


def from_glossary(glossary):
    """{glossary id: {letters, words, partnerships, source}} for every glossary entry that is an
    abbreviation with the words it stands for: what the engine's bundle carries."""
    found = {}
    for entry in glossary:
        letters = entry["term"]
        if entry.get("stands_for") and _is_letters(letters):
            found[entry["id"]] = {"letters": letters, "words": entry["stands_for"],
                                  "partnerships": entry["partnerships"], "source": entry["source"]}
    return found


def _is_letters(term):
    if len(term) < 2:
        return False
    for ch in term:
        if not ("A" <= ch <= "Z" or "0" <= ch <= "9"):
            return False
    return True


def known(abbreviations, partnership_id):
    """{letters: words} for one area: the entries naming it, and those for "all". An area's own
    entry wins over an "all" one with the same letters (SSCP is Salford's partnership in Salford
    and Southwark's in Southwark)."""
    found = {}
    for entry_id in sorted(abbreviations):
        entry = abbreviations[entry_id]
        if "all" in entry["partnerships"] and entry["letters"] not in found:
            found[entry["letters"]] = entry["words"]
    for entry_id in sorted(abbreviations):
        entry = abbreviations[entry_id]
        if partnership_id in entry["partnerships"]:
            found[entry["letters"]] = entry["words"]
    return found


def _word_char(ch):
    if "a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9":
        return True
    return ch > "\x7f" and ch not in _BREAKS


def _space(ch):
    return ch in " \t\r\n\f\v"


def _address(chunk):
    """Whether a run of text without spaces is an email or web address (or part of one)."""
    if "@" in chunk or "://" in chunk or chunk.startswith("www."):
        return True
    for i in range(1, len(chunk) - 1):
        if chunk[i] == "." and _word_char(chunk[i - 1]) and _word_char(chunk[i + 1]):
            return True  # southwark.gov.uk
    return False


def _chunk(chunk, letters_words, seen):
    """One run of text without spaces, written out."""
    if _address(chunk):
        return chunk
    out = []
    i = 0
    size = len(chunk)
    while i < size:
        if not _word_char(chunk[i]):
            out.append(chunk[i])
            i += 1
            continue
        j = i
        while j < size and _word_char(chunk[j]):
            j += 1
        word = chunk[i:j]
        before = chunk[i - 1] if i else ""
        after = chunk[j] if j < size else ""
        joined = (before != "" and before in _JOINERS) or (after != "" and after in _JOINERS)
        if word in letters_words and not joined:
            if before == "(" and after == ")":
                seen[word] = True  # already written out: "Multi-Agency Safeguarding Hub (MASH)"
            elif word not in seen:
                seen[word] = True
                word = letters_words[word] + " (" + word + ")"
        out.append(word)
        i = j
    return "".join(out)


def _opens_single(text, i):
    """A single quotation mark that opens a quotation: at the start or after a space or bracket,
    and before a word ("the heading 'Stage 4 Escalation'"); an apostrophe ("agency's") is not."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (_space(before) or before in "([") and _word_char(after)


def _closes_single(text, i):
    """A single quotation mark that closes one: after a word or a full stop, and not before a
    letter (so "child's" inside a quotation does not end it)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and not _space(text[i - 1]) and not _word_char(after)


def quoted_spans(text):
    """[(piece, quoted)] in order: the text cut at its quotation marks, each quotation (with its
    marks) one quoted piece. A quotation left open runs to the end of the text, so a stray mark
    leaves the rest as it is rather than changing words in it."""
    pieces = []
    start = 0
    i = 0
    size = len(text)
    while i < size:
        ch = text[i]
        close = None
        if ch == '"':
            close = '"'
        elif ch == "\u201c":
            close = "\u201d"
        elif ch == "\u2018" or (ch == "'" and _opens_single(text, i)):
            close = "\u2019" if ch == "\u2018" else "'"
        if close is None:
            i += 1
            continue
        j = i + 1
        while j < size:
            if text[j] == close and (close not in "'\u2019" or _closes_single(text, j)):
                break
            j += 1
        if i > start:
            pieces.append((text[start:i], False))
        end = min(j + 1, size)
        pieces.append((text[i:end], True))
        start = i = end
    if start < size:
        pieces.append((text[start:], False))
    return pieces


def _write_out_unquoted(text, letters_words, seen):
    out = []
    i = 0
    size = len(text)
    while i < size:
        j = i
        if _space(text[i]):
            while j < size and _space(text[j]):
                j += 1
            out.append(text[i:j])
        else:
            while j < size and not _space(text[j]):
                j += 1
            out.append(_chunk(text[i:j], letters_words, seen))
        i = j
    return "".join(out)


def write_out(text, letters_words, seen):
    """text with each abbreviation not in seen written out, and seen updated (a dict used as a
    set of letters, shared by the texts of one page or answer in reading order). Quotations
    are left exactly as they are."""
    if not text or not letters_words:
        return text
    # Most texts hold none of the letters: they are left as they are without reading them word by
    # word (the same answer, much sooner: an answer is many texts, on a phone's slow CPU too).
    for letters in letters_words:
        if letters in text:
            break
    else:
        return text
    return "".join(piece if quoted else _write_out_unquoted(piece, letters_words, seen)
                   for piece, quoted in quoted_spans(text))


def writer(letters_words):
    """A function that writes out texts given to it in reading order, remembering what it has
    written out: for a page built a piece at a time."""
    seen = {}

    def say(text):
        return write_out(text, letters_words, seen)
    return say
