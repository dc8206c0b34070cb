"""The truth items of the scraped-page sets' build scripts (fourth/ to sixth/ build_truth.py):
each a dict in the held-out truth format; a document's entry and a blind set's conventions
(fifth/, sixth/)."""


def L(text, note="", deb=False):
    """A boilerplate line: the whole line, exactly."""
    return {"kind": "line", "text": text, "debatable": deb, "note": note}


def S(text, note="", deb=False):
    """A boilerplate span: furniture glued into a line (every occurrence)."""
    return {"kind": "span", "text": text, "debatable": deb, "note": note}


def A(token, typ, note="", deb=False):
    """An artifact token (every occurrence)."""
    return {"token": token, "type": typ, "debatable": deb, "note": note}


def E(text, note="", deb=False):
    """An enumeration sentence or a duplicated text."""
    return {"text": text, "debatable": deb, "note": note}


def lines(items, note="", deb=False):
    """A boilerplate line for each of `items` (a menu one item to a line)."""
    return [L(t, note, deb) for t in items]


def doc(boilerplate=(), artifact=(), enumeration_mismatch=(), enumeration_correct=(),
        anachronism=False, duplicate_text=(), clean=False, notes=""):
    return {
        "boilerplate": list(boilerplate),
        "artifact": list(artifact),
        "enumeration_mismatch": list(enumeration_mismatch),
        "enumeration_correct": list(enumeration_correct),
        "anachronism": anachronism,
        "duplicate_text": list(duplicate_text),
        "clean": clean,
        "notes": notes,
    }


def about(prefix, name, same_as):
    """The labelling conventions of a set written blind (its truth.json's "about"), for the
    documents PREFIX01 ... of the set `name`, conventions as in the sets `same_as`."""
    return (
        "Ground truth for docs/{prefix}NN.txt ({name} set, written blind to the tool's code, rules and tests and to "
        "the documents of the other sets), by exact text. boilerplate: kind 'line' = a whole line (covers "
        "every line equal to it), 'span' = a substring (glued furniture; every occurrence). artifact: exact "
        "tokens (every occurrence). enumeration_mismatch: the sentence. enumeration_correct: for reference "
        "only (a finding there is a false positive). anachronism: true/false/'debatable' per document. "
        "duplicate_text: the repeated text. debatable: a reasonable tool could disagree; counted apart. "
        "Conventions (as in the {same_as} sets): bylines (also 'Posted on ... by ...' and comment "
        "or review author/date lines), mastheads and site taglines, nav menus (each line of a "
        "one-item-per-line menu is an item), breadcrumbs, section labels, share/print/social rows (each "
        "single-word social link is an item), read-more/related/more-from/trending/next-previous headers "
        "and the headlines under them, tags/keywords/categories, comment-form prompts, cookie/newsletter/app "
        "banners, ads and sponsored labels, player controls, reading times and view counters, "
        "'Was this page helpful?' prompts, booking and shop widgets (buttons, quantity, date pickers), "
        "repository chrome, footer link rows, copyright/rights/licence and company/charity/website "
        "registration footers, printer's imprints, running headers and page numbers of PDF conversions are "
        "boilerplate; plain datelines without 'Updated' (e.g. 'Published 27 February 2022', 'Posted 3 days "
        "ago'), contact blocks and addresses (each line an item), legal disclaimers, forward-looking "
        "statements, equal-opportunity and affiliate disclosures, 'About the company' paragraphs, cover "
        "metadata, footnote markers, reference lists, image and figure captions, badge alt text and rating "
        "widgets are debatable. Content that only looks like furniture ('Home insurance ...', 'Share prices "
        "...', 'Related work ...', a text about copyright of contributed code, lists of facilities, "
        "sampling sites, results, ingredients or warnings, spec and data tables, event detail lines, short "
        "body headings, sign-offs and short closing sentences, a closing line of facts with figures) is not "
        "boilerplate. Clean documents hold a title and body prose only."
    ).format(prefix=prefix, name=name, same_as=same_as)
