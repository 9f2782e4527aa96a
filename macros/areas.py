"""An area's (a safeguarding partnership's) overview page: its emergency route and front door,
its procedures, its guidance, its contacts and the documents it all comes from; and the list of
procedures the home page shows too.
"""
from stillworried.core.page_ids import contacts_path, guidance_path, procedure_path, vcard_path
from stillworried.core.words import page as page_words, pages, questions as question_words

from macros.front_doors import partnership_emergency
from macros.html import el, join


def procedure_links(ctx, partnership_id=None):
    items = []
    for procedure in ctx.bundle["procedures"].values():
        if partnership_id and procedure["partnership"] != partnership_id:
            continue
        flag = el("strong", {"class": "sw-tag"}, question_words.PAST_REVIEW) if procedure["status"] == "lapsed" else None
        items.append(el("li", None, el("a", {"href": ctx.url(procedure_path(procedure))}, procedure["title"]),
                        " ", flag, el("br"), el("span", None, procedure["for_whom"])))
    return el("ul", {"class": "sw-procedures"}, items)


def partnership_page(ctx, partnership_id):
    partnership = ctx.bundle["partnerships"][partnership_id]
    guidance = ctx.bundle["guidance"]["guidance"].get(partnership_id)
    sources = [source for source in ctx.bundle["sources"].values() if source["partnership"] == partnership_id]
    # The page's own heading names the partnership: the menu calls the page "Overview", which
    # MkDocs would otherwise make its heading (a phone tester on the Wigan page saw only that).
    parts = [el("h1", None, partnership["full_name"]),
             partnership_emergency(ctx, partnership),
             el("h2", None, pages.IF_YOU_DISAGREE),
             el("p", None, pages.CHOOSE_PROCEDURE),
             procedure_links(ctx, partnership_id)]
    if guidance:
        parts += [el("h2", None, pages.LEVELS_AND_GUIDANCE),
                  el("p", None, el("a", {"href": ctx.url(guidance_path(partnership_id))}, guidance["document"]["title"]))]
    parts += [el("h2", None, pages.CONTACTS_HEADING),
              el("p", None, el("a", {"href": ctx.url(contacts_path(partnership_id))},
                               pages.all_contacts(partnership["name"])), pages.OR,
                 el("a", {"href": ctx.url(vcard_path(partnership_id)), "download": True},
                    pages.SAVE_THEM_ALL)),
              el("h2", None, page_words.SOURCES),
              # The documents' titles and dates; their file names are for maintainers (the About page).
              el("ul", None, [el("li", None, el("cite", None, source["title"]), ". ",
                                 source.get("date_note", "")) for source in sources])]
    return join(parts)
