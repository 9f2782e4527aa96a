"""Find the part of a source document that a data entry cites, so a test can check that a
quote is in the section it names and not only somewhere in the file.

A citation is what the data writes in `section:`, for example "3.3 Stage 2",
"Appendix 2, section 4, step 2", "Step 2: Line Manager to Line Manager" or, for words drawn
from two places, "Principles of concerns resolution; Appendix 2: Stage 1 Useful Contacts".
The sources are text taken from PDFs: Markdown headings in the .md files, numbered
paragraphs (1.4, 3.2), and in Wigan's .txt plain heading lines. A section runs from its
heading to the next heading of its kind. The rules are deliberately plain; a citation they
cannot find is reported as not found, never guessed.
"""
import re

HTML_TAG = re.compile(r"<[^>]+>")
NUMBERED = re.compile(r"^(\d+)\.(\d+)?\s*")
STEP = re.compile(r"^(?:steps?|points?)\s+(\d+)(?:\s+and\s+(\d+))?$", re.I)
SECTION = re.compile(r"^sections?\s+(\d+)(?:\s+and\s+(\d+))?$", re.I)


def normalise(text):
    """Whitespace, bold marks, HTML tags and curly quotes do not count."""
    text = HTML_TAG.sub(" ", text).replace("**", "").replace("\\_", "_")
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-")):
        text = text.replace(curly, straight)
    return " ".join(text.split())


def cleaned(line):
    """A line as a heading reads: without Markdown marks, bullets' dashes or HTML."""
    line = normalise(line)
    line = re.sub(r"^[#*\s]+", "", line)
    line = re.sub(r"^- (?=\d)", "", line)
    return line.strip("* ")


def squash(text):
    return re.sub(r"\s+", "", text).lower()


def starts(line, name):
    """The line is headed by name ("3.2 Stage 1" matches "3.2 Stage1: Involving...")."""
    head, want = squash(cleaned(line)), squash(name)
    if not head.startswith(want):
        return False
    rest = head[len(want):]
    return not (want[-1:].isdigit() and rest[:1].isdigit())


def markdown_level(line):
    match = re.match(r"^(#+)\s", line)
    return len(match.group(1)) if match else None


def plain_heading(line):
    """A heading line in a plain-text source: short, capitalised, no bullet and no full stop."""
    text = normalise(line)
    return (0 < len(text.split()) <= 10 and text[0].isupper() and "\t" not in line
            and not line.lstrip().startswith(("-", "\u00b7", "\u2022", "|", "<"))
            and not text.endswith((".", ",", ":", ";")))


def top_end(lines, index, end, name):
    """Where the section headed at lines[index] ends (exclusive)."""
    line = lines[index]
    for later in range(index + 1, end):
        other = lines[later]
        if not other.strip():
            continue
        if name.lower().startswith("appendix"):
            if cleaned(other).lower().startswith("appendix"):
                return later
            continue
        level = markdown_level(line)
        if level is not None:
            other_level = markdown_level(other)
            if other_level is not None and other_level <= level:
                return later
            continue
        if NUMBERED.match(cleaned(line)):
            if NUMBERED.match(cleaned(other)) or cleaned(other).lower().startswith("appendix"):
                return later
            continue
        if plain_heading(other) or cleaned(other).lower().startswith("appendix"):
            return later
    return end


def numbered_items(lines, start, end, number, headings_only):
    """(start, end) of item `number` ("4. ...") inside [start, end)."""
    spans = []
    for index in range(start, end):
        line = lines[index]
        if headings_only and markdown_level(line) is None:
            continue
        if re.match(r"^%d\.\s" % number, cleaned(line)):
            stop = end
            for later in range(index + 1, end):
                other = lines[later]
                if markdown_level(other) is not None or (not headings_only and re.match(r"^\s*\d+\.\s", other)):
                    stop = later
                    break
                if headings_only and re.match(r"^\d+\.\s", cleaned(other)) and markdown_level(other) is not None:
                    stop = later
                    break
            spans.append((index, stop))
    return spans


def headed(lines, start, end, name):
    return [(index, top_end(lines, index, end, name)) for index in range(start, end) if starts(lines[index], name)]


def narrow(lines, spans, part):
    """The spans within spans that part ("section 4", "step 2", a heading) names."""
    found = []
    section, step = SECTION.match(part), STEP.match(part)
    for start, end in spans:
        if section or step:
            match = section or step
            for number in filter(None, match.groups()):
                found += numbered_items(lines, start + 1, end, int(number), headings_only=bool(section))
        else:
            found += headed(lines, start, end, part)
    return found


def locate(text, citation):
    """Every passage (normalised text) the citation can mean; [] when it cannot be found."""
    lines = text.splitlines()
    passages = []
    for one in citation.split(";"):
        one = re.sub(r"\s*\([^)]*\)", "", one).strip()
        spans = headed(lines, 0, len(lines), one)
        if not spans:
            parts = [part.strip() for part in one.split(",")]
            spans = headed(lines, 0, len(lines), parts[0])
            if not spans and ":" in parts[0]:
                before, after = parts[0].split(":", 1)
                spans = headed(lines, 0, len(lines), before)
                spans = narrow(lines, spans, after.strip()) or spans
            for part in parts[1:]:
                spans = narrow(lines, spans, part)
        passages += [normalise("\n".join(lines[start:end])) for start, end in spans]
    return passages
