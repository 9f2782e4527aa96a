// The search page (search/): Pagefind's index, searched in this page, with results a person can
// read. Nothing is fetched until someone taps the box; then Pagefind fetches only the parts of the
// index that hold the words. The words are never put in the address, never saved and never sent
// anywhere: the index is searched here, on the phone.
//
// Pagefind has no synonyms, so the data's search words (guidance.yaml, search_words, written
// into the page by the build) say which of the site's own words a person's words mean: a search
// for "allegation against a teacher" also searches for "LADO", and what that finds comes first.
//
// Results are built as text (textContent), never from HTML: Pagefind's excerpts come back as
// escaped text with <mark> around the matches, which are turned into <mark> elements here, and a
// phone number the page's own text holds becomes a tel: link to the E.164 number the build
// worked out for it (sitebuild/site_search.py, "phones" metadata).
(function () {
  "use strict";
  var root = document.querySelector("[data-sw-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var status = root.querySelector(".sw-search__status");
  var list = root.querySelector(".sw-search__results");
  var bundle = new URL(root.getAttribute("data-sw-bundle"), document.baseURI).href;
  var holder = document.getElementById("sw-search-words");
  var WORDS = [];
  try { WORDS = JSON.parse((holder && holder.getAttribute("data-words")) || "[]"); } catch (e) { WORDS = []; }
  var SHOWN = 10;
  var SECTIONS = 2;
  var engine = null;
  var asked = 0;

  root.hidden = false;
  var nojs = document.querySelector("[data-sw-search-nojs]");
  if (nojs) nojs.hidden = true;

  function load() {
    if (!engine) {
      // No worker: the search runs in this page, under this page's Content-Security-Policy.
      engine = import(bundle).then(function (pagefind) {
        return pagefind.options({ noWorker: true, excerptLength: 24 }).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function phonesOf(data) {
    var found = [];
    var meta = (data.meta && data.meta.phones) || "";
    meta.split(";").forEach(function (pair) {
      var at = pair.lastIndexOf("=");
      if (at > 0) found.push({ text: pair.slice(0, at), tel: pair.slice(at + 1) });
    });
    // Longest first, so "0161 603 4500" wins over a shorter number inside it.
    return found.sort(function (a, b) { return b.text.length - a.text.length; });
  }

  // Pagefind's excerpt: text with < and > escaped as &lt; &gt;, and <mark>...</mark> around the
  // matched words. Returns the plain text and the [start, end) ranges of the marks.
  function parseExcerpt(excerpt) {
    var text = "";
    var marks = [];
    var open = null;
    excerpt.split(/(<\/?mark>)/).forEach(function (piece) {
      if (piece === "<mark>") { open = text.length; return; }
      if (piece === "</mark>") { if (open !== null) marks.push([open, text.length]); open = null; return; }
      text += piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    });
    return { text: text, marks: marks };
  }

  function phoneRanges(text, phones) {
    var ranges = [];
    phones.forEach(function (phone) {
      var from = 0;
      var at;
      while ((at = text.indexOf(phone.text, from)) >= 0) {
        var end = at + phone.text.length;
        var clear = !ranges.some(function (r) { return at < r[1] && end > r[0]; });
        var alone = !/\d/.test(text.charAt(at - 1)) && !/\d/.test(text.charAt(end));
        if (clear && alone) ranges.push([at, end, phone.tel]);
        from = end;
      }
    });
    return ranges.sort(function (a, b) { return a[0] - b[0]; });
  }

  // A section's excerpt starts with its heading ("Contacts. two numbers..."), which the result
  // already shows: drop it.
  function withoutHeading(parsed, heading) {
    var lead = heading ? heading + ". " : "";
    if (!lead || parsed.text.indexOf(lead) !== 0 || parsed.text.length === lead.length) return parsed;
    var cut = lead.length;
    return {
      text: parsed.text.slice(cut),
      marks: parsed.marks.filter(function (r) { return r[1] > cut; })
        .map(function (r) { return [Math.max(0, r[0] - cut), r[1] - cut]; })
    };
  }

  // The excerpt as DOM: text, <mark> for the matches, <a href="tel:..."> for phone numbers.
  function excerptNode(excerpt, phones, heading) {
    var parsed = withoutHeading(parseExcerpt(excerpt), heading);
    var text = parsed.text;
    var links = phoneRanges(text, phones);
    var cuts = [0, text.length];
    parsed.marks.concat(links).forEach(function (r) { cuts.push(r[0], r[1]); });
    cuts = cuts.filter(function (c, i) { return cuts.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    var paragraph = document.createElement("p");
    paragraph.className = "sw-result__text";
    var link = null;
    var linkRange = null;
    for (var i = 0; i + 1 < cuts.length; i++) {
      var start = cuts[i];
      var end = cuts[i + 1];
      var inLink = links.filter(function (r) { return start >= r[0] && end <= r[1]; })[0];
      var inMark = parsed.marks.some(function (r) { return start >= r[0] && end <= r[1]; });
      if (inLink && inLink !== linkRange) {
        link = document.createElement("a");
        link.href = "tel:" + inLink[2];
        link.className = "sw-result__call";
        paragraph.appendChild(link);
        linkRange = inLink;
      } else if (!inLink) {
        link = null;
        linkRange = null;
      }
      var parent = link || paragraph;
      var piece = document.createTextNode(text.slice(start, end));
      if (inMark) {
        var mark = document.createElement("mark");
        mark.appendChild(piece);
        parent.appendChild(mark);
      } else {
        parent.appendChild(piece);
      }
    }
    return paragraph;
  }

  function weight(sub) {
    return (sub.weighted_locations || []).reduce(function (sum, l) { return sum + l.weight; }, 0);
  }

  function resultNode(data) {
    var phones = phonesOf(data);
    var title = (data.meta && data.meta.title) || data.url;
    var item = document.createElement("li");
    item.className = "sw-result";
    var heading = document.createElement("h2");
    heading.className = "sw-result__title";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = title;
    heading.appendChild(link);
    item.appendChild(heading);
    if (data.meta && data.meta.area) {
      var area = document.createElement("p");
      area.className = "sw-result__area";
      area.textContent = data.meta.area;
      item.appendChild(area);
    }
    // The sections that hold the words, best first; one of each (the same contact can appear in
    // two lists of a page).
    var seen = {};
    var sections = (data.sub_results || []).filter(function (sub) {
      var key = sub.title + "\n" + sub.excerpt;
      if (sub.title === title || seen[key]) return false;
      seen[key] = true;
      return true;
    }).sort(function (a, b) { return weight(b) - weight(a); }).slice(0, SECTIONS);
    if (!sections.length) {
      item.appendChild(excerptNode(data.excerpt, phones));
      return item;
    }
    // The title opens the page at its best section (a glossary entry, a stage), not at the top.
    link.href = sections[0].url;
    sections.forEach(function (sub) {
      var section = document.createElement("p");
      section.className = "sw-result__section";
      section.appendChild(document.createTextNode("Section: "));
      var to = document.createElement("a");
      to.href = sub.url;
      to.textContent = sub.title;
      section.appendChild(to);
      item.appendChild(section);
      item.appendChild(excerptNode(sub.excerpt, phones, sub.title));
    });
    return item;
  }

  // Lower case, letters and digits only, a space at each end: " allegation against a teacher ".
  function plain(text) {
    return " " + text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim() + " ";
  }

  // The site's own words to search for as well, for the words a person typed: each group whose
  // 'when' is in the search as whole words gives its 'finds' (never the search itself again).
  function siteWords(words) {
    var said = plain(words);
    var found = [];
    WORDS.forEach(function (group) {
      var meant = (group.when || []).some(function (phrase) { return said.indexOf(plain(phrase)) >= 0; });
      if (!meant) return;
      (group.finds || []).forEach(function (finds) {
        if (found.indexOf(finds) < 0 && plain(finds) !== said) found.push(finds);
      });
    });
    return found;
  }

  // The results of each search in turn, each page once: the site's words' first, then the person's.
  function merged(searches) {
    var seen = {};
    var all = [];
    searches.forEach(function (found) {
      found.results.forEach(function (result) {
        if (!seen[result.id]) {
          seen[result.id] = true;
          all.push(result);
        }
      });
    });
    return all;
  }

  function say(words) {
    status.textContent = words;
  }

  function run() {
    var words = input.value.trim();
    var mine = ++asked;
    if (!words) {
      list.replaceChildren();
      say("");
      return;
    }
    say("Searching…");
    var also = siteWords(words);
    load().then(function (pagefind) {
      // The site's phrases searched as they are (Pagefind's exact search: a phrase in quotation
      // marks); a single word as any search is, so it is ranked as a person's search would be.
      var queries = also.map(function (w) { return w.indexOf(" ") > 0 ? '"' + w + '"' : w; }).concat([words]);
      return Promise.all(queries.map(function (w) { return pagefind.search(w); }));
    }).then(function (searches) {
      if (mine !== asked) return null;
      var found = merged(searches);
      return Promise.all(found.slice(0, SHOWN).map(function (r) { return r.data(); }))
        .then(function (all) { return { total: found.length, all: all }; });
    }).then(function (done) {
      if (!done || mine !== asked) return;
      list.replaceChildren.apply(list, done.all.map(resultNode));
      var meaning = also.length ? " Also searched for: " + also.join(", ") + "." : "";
      if (!done.total) {
        say("No pages match." + meaning + " Try fewer or other words, or use the links below.");
      } else if (done.total > SHOWN) {
        say(done.total + " pages match. The best " + SHOWN + " are shown." + meaning);
      } else {
        say((done.total === 1 ? "1 page matches." : done.total + " pages match.") + meaning);
      }
    }).catch(function () {
      if (mine !== asked) return;
      list.replaceChildren();
      say("Search did not load. Check your connection and try again, or use the links below.");
    });
  }

  // Someone who taps the box is about to search: start fetching Pagefind (its script, its
  // WebAssembly and the list of index files, not the index itself) while they type.
  input.addEventListener("focus", function () {
    load().then(function (pagefind) { return pagefind.init(); }).catch(function () {});
  }, { once: true });

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
})();
