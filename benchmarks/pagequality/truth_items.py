"""The truth items of the scraped-page sets' build scripts (fourth/, fifth/ build_truth.py):
each a dict in the held-out truth format."""


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
