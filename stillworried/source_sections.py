"""Find the part of a source document that a data entry cites, so that the check can say a quote
is in the section it names and not only somewhere in the file, and that a cited section exists.

A citation is what the data writes in `section:`, for example "3.3 Stage 2",
"Appendix 2, section 4, step 2", "Step 2: Line Manager to Line Manager" or, for words drawn
from two places, "Principles of concerns resolution; Appendix 2: Stage 1 Useful Contacts".
The sources are text taken from PDFs: Markdown headings in the .md files, numbered
paragraphs (1.4, 3.2), and in Wigan's .txt plain heading lines. A section runs from its
heading to the next heading of its kind. The rules are deliberately plain; a citation they
cannot find is reported as not found, never guessed:

- the heading is compared without spacing, case, Markdown marks, HTML and curly quotes, so
  "3.2 Stage 1" finds "3.2 Stage1: Involving..." (a dash in the citation may be an en dash in
  the source, and the other way round);
- words in brackets in a citation are a reader's note ("3.5 (used, not defined)"), not part of
  the heading;
- a heading that spells out an abbreviation in brackets may be cited by the abbreviation:
  "SSCB Safeguarding Standards" finds "Salford Safeguarding Children Board (SSCB) Safeguarding
  Standards" (the words before the brackets must have the abbreviation's initials);
- "a; b" cites two places, and so does a list of numbered paragraphs ("1.5, 1.6 and 3.1");
- after the heading, each part after a comma narrows it: "section 4" (a numbered heading
  inside it, which may be followed by its own title: "section 4: Steps to challenge..."),
  "step 2", "steps 3 and 4", "steps 1 to 3", "point 2" (a numbered item) or another heading inside it.

Used by stillworried/validation/grounding.py (the check) and by the tests.
"""
import functools
import re

HTML_TAG = re.compile(r"<[^>]+>")
NUMBERED = re.compile(r"^(\d+)\.(\d+)?\s*")
STEP = re.compile(r"^(?:steps?|points?)\s+(\d+)(?:\s+(and|to)\s+(\d+))?$", re.I)
SECTION = re.compile(r"^sections?\s+(\d+)(?:\s+and\s+(\d+))?(?:\s*:\s*(.+))?$", re.I)
# "1.5, 1.6 and 3.1": numbered paragraphs, each a place of its own.
PARAGRAPHS = re.compile(r"^\d+(?:\.\d+)?(?:\s*(?:,|\band\b)\s*\d+(?:\.\d+)?)+$")
PARAGRAPH = re.compile(r"\d+(?:\.\d+)?")
# "Salford Safeguarding Children Board (SSCB)": words, then their initials in brackets.
SPELLED_OUT = re.compile(r"\(([A-Z]{2,8})\)")
PREFIX = 3  # letters of a heading's start by which a document's lines are looked up
CURLY = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"))


MARKS = re.compile(r"[<*\\\u2018\u2019\u201c\u201d\u2013\u2014]")


def normalise(text):
    """Whitespace, bold marks, HTML tags and curly quotes do not count."""
    if MARKS.search(text):
        text = HTML_TAG.sub(" ", text).replace("**", "").replace("\\_", "_")
        for curly, straight in CURLY:
            text = text.replace(curly, straight)
    return " ".join(text.split())


def cleaned(line, normalised=False):
    """A line as a heading reads: without Markdown marks, bullets' dashes or HTML."""
    line = line if normalised else normalise(line)
    line = re.sub(r"^[#*\s]+", "", line)
    line = re.sub(r"^- (?=\d)", "", line)
    return line.strip("* ")


def squash(text):
    return "".join(text.split()).lower()


def abbreviated(heading):
    """The heading with each spelled-out abbreviation replaced by its letters ("Salford
    Safeguarding Children Board (SSCB) Standards" -> "SSCB Standards"), or None if it has none."""
    changed = heading
    for found in reversed(list(SPELLED_OUT.finditer(heading))):
        letters = found.group(1)
        words = heading[:found.start()].split()
        if len(words) < len(letters):
            continue
        spelled = words[-len(letters):]
        if "".join(word[0] for word in spelled).upper() != letters:
            continue
        start = len(" ".join(words[:-len(letters)]))
        changed = changed[:start] + (" " if start else "") + letters + changed[found.end():]
    return None if changed == heading else changed


def _heads(text):
    """How a cleaned line can be cited: squashed, and squashed with its abbreviations."""
    short = abbreviated(text) if "(" in text else None
    return (squash(text),) + ((squash(short),) if short else ())


def _starts_with(heads, want):
    for head in heads:
        if head.startswith(want):
            rest = head[len(want):]
            if not (want[-1:].isdigit() and rest[:1].isdigit()):
                return True
    return False


def starts(line, name):
    """The line is headed by name ("3.2 Stage 1" matches "3.2 Stage1: Involving...")."""
    return _starts_with(_heads(cleaned(line)), squash(normalise(name)))


def markdown_level(line):
    match = re.match(r"^(#+)\s", line)
    return len(match.group(1)) if match else None


def plain_heading(line, text=None):
    """A heading line in a plain-text source: short, capitalised, no bullet and no full stop.
    text: the line already normalised."""
    text = normalise(line) if text is None else text
    return (0 < len(text.split()) <= 10 and text[0].isupper() and "\t" not in line
            and not line.lstrip().startswith(("-", "\u00b7", "\u2022", "|", "<"))
            and not text.endswith((".", ",", ":", ";")))


class Document:
    """One source's lines, with what the rules ask of each line worked out once: a document is
    asked about hundreds of citations, and at national scale about thousands."""

    def __init__(self, text):
        self.lines = text.splitlines()
        self._spans, self._passages = {}, {}  # what each citation was found to mean
        normalised = [normalise(line) for line in self.lines]
        self.clean = [cleaned(norm, normalised=True) for norm in normalised]
        self.heads = [_heads(clean) for clean in self.clean]
        self.levels = [markdown_level(line) for line in self.lines]
        self.numbered = [bool(NUMBERED.match(clean)) for clean in self.clean]
        self.appendix = [clean.lower().startswith("appendix") for clean in self.clean]
        self.blank = [not norm for norm in normalised]
        self.plain = [bool(norm) and plain_heading(line, norm) for line, norm in zip(self.lines, normalised)]
        # The lines by the first letters of their heads, so a heading is looked up, not searched for.
        self.starting = {}
        for index, heads in enumerate(self.heads):
            for head in heads:
                self.starting.setdefault(head[:PREFIX], []).append(index)

    def top_end(self, index, end, name):
        """Where the section headed at line index ends (exclusive)."""
        appendix = name.lower().startswith("appendix")
        level = self.levels[index]
        numbered = self.numbered[index]
        for later in range(index + 1, end):
            if self.blank[later]:
                continue
            if appendix:
                if self.appendix[later]:
                    return later
                continue
            if level is not None:
                if self.levels[later] is not None and self.levels[later] <= level:
                    return later
                continue
            if numbered:
                if self.numbered[later] or self.appendix[later]:
                    return later
                continue
            if self.plain[later] or self.appendix[later]:
                return later
        return end

    def headed(self, start, end, name):
        want = squash(normalise(name))
        if not want:
            return []
        lines = sorted(set(self.starting.get(want[:PREFIX], ()))) if len(want) >= PREFIX else range(start, end)
        return [(index, self.top_end(index, end, name)) for index in lines
                if start <= index < end and _starts_with(self.heads[index], want)]

    def numbered_items(self, start, end, number, headings_only, title=None):
        """(start, end) of item `number` ("4. ...") inside [start, end); with a title, only
        an item whose heading goes on with it ("4. Steps to challenge...")."""
        spans = []
        marker = re.compile(r"^%d\.\s" % number)
        for index in range(start, end):
            if headings_only and self.levels[index] is None:
                continue
            if not marker.match(self.clean[index]):
                continue
            if title and not squash(self.clean[index].split(".", 1)[1]).startswith(squash(normalise(title))):
                continue
            stop = end
            for later in range(index + 1, end):
                if self.levels[later] is not None or (
                        not headings_only and re.match(r"^\s*\d+\.\s", self.lines[later])):
                    stop = later
                    break
            spans.append((index, stop))
        return spans

    def narrow(self, spans, part):
        """The spans within spans that part ("section 4", "step 2", a heading) names."""
        found = []
        section, step = SECTION.match(part), STEP.match(part)
        for start, end in spans:
            if section:
                for number in filter(None, section.groups()[:2]):
                    found += self.numbered_items(start + 1, end, int(number), True, section.group(3))
            elif step:
                first, joined, last = step.groups()
                # "steps 3 and 4": those two; "steps 1 to 3": each from the first to the last.
                numbers = [int(first)] if last is None else (
                    [int(first), int(last)] if joined.lower() == "and" else list(range(int(first), int(last) + 1)))
                for number in numbers:
                    found += self.numbered_items(start + 1, end, number, False)
            else:
                found += self.headed(start, end, part)
        return found

    def spans(self, citation):
        """Every (start, end) line span the citation can mean; () when it cannot be found."""
        if citation not in self._spans:
            self._spans[citation] = self._find(citation)
        return self._spans[citation]

    def _find(self, citation):
        found = []
        for one in places(citation):
            spans = self.headed(0, len(self.lines), one)
            if not spans:
                parts = [part.strip() for part in one.split(",")]
                spans = self.headed(0, len(self.lines), parts[0])
                if not spans and ":" in parts[0]:
                    before, after = parts[0].split(":", 1)
                    spans = self.headed(0, len(self.lines), before)
                    spans = self.narrow(spans, after.strip()) or spans
                for part in parts[1:]:
                    spans = self.narrow(spans, part)
            if not spans:
                return ()  # every place a citation names must be found
            found += spans
        return tuple(found)

    def passages(self, citation):
        """Every passage (normalised text) the citation can mean; () when it cannot be found."""
        if citation not in self._passages:
            self._passages[citation] = tuple(normalise("\n".join(self.lines[start:end]))
                                             for start, end in self.spans(citation))
        return self._passages[citation]


def places(citation):
    """The places a citation names: "a; b" is two, and so is "2.1 and 2.2". Words in brackets
    are a reader's note, not part of a heading."""
    found = []
    for one in citation.split(";"):
        one = re.sub(r"\s*\([^)]*\)", "", one).strip()
        if PARAGRAPHS.match(one):
            found += PARAGRAPH.findall(one)
        elif one:
            found.append(one)
    return found


@functools.lru_cache(maxsize=64)
def document(text):
    return Document(text)


def locate(text, citation):
    """Every passage (normalised text) the citation can mean; [] when it cannot be found."""
    return list(document(text).passages(citation))
