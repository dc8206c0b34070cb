"""Map a mention to a metric and definition, using only what the rules declare.

A metric is a candidate when the mention's unit noun is one of its units, none of its
`exclude` phrases is in the figure's clause or earlier in its sentence, no phrase of its
`exclude_scopes` (a province, a company, the world: metrics.yaml `scopes`) is before the figure
in its sentence, and one of its subjects appears: in the mention's
clause (strongest), its sentence, or the sentence before it in the same paragraph (weakest).
The strongest candidate wins; a tie between metrics leaves the figure unmapped rather than
guessing. A rate ("24 5G base stations per 10,000 people") maps to no count. The definition is the most specific one (deepest `within`) whose cues appear in
the clause and whose unit list (if any) admits the unit, of two as specific the one whose
cue stands nearest the figure; else the metric's default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .extract import BASE_LEAD, Mention, Phrases, dateline_end, may_hold, folded, lemma
from .numbers import Twin, has_case_trap, lowered
from .ruleset import Ruleset, phrase_regex
from .ruleset.models import Definition, Metric


@dataclass(frozen=True)
class _CompiledMetric:
    metric: Metric
    units: frozenset[str]
    subjects: Phrases
    exclude: Phrases | None
    scope: _Scope | None
    """The phrases of the metric's `exclude_scopes`: one before the figure vetoes it."""
    cues: tuple[tuple[Definition, re.Pattern[str] | None, frozenset[str], int], ...]


def _depth(defn: Definition, by_id: dict[str, Definition]) -> int:
    depth, node = 0, defn
    while node.within is not None:
        depth, node = depth + 1, by_id[node.within]
    return depth


@lru_cache(maxsize=32)
def _compiled(rules: Ruleset) -> tuple[_CompiledMetric, ...]:
    out = []
    for m in rules.metrics:
        by_id = {d.id: d for d in m.definitions}
        cues = tuple(
            (d, phrase_regex(d.cues) if d.cues else None, frozenset(lemma(u) for u in d.units),
             _depth(d, by_id))
            for d in m.definitions)
        out.append(_CompiledMetric(
            metric=m, units=frozenset(lemma(u) for u in m.match.units),
            # no subjects: the empty pattern, found in every text (no prefilter)
            subjects=(Phrases.of(m.match.subjects) if m.match.subjects
                      else Phrases(Twin.of(""), None)),
            exclude=Phrases.of(m.match.exclude) if m.match.exclude else None,
            scope=_scope_phrases(rules, tuple(m.match.exclude_scopes)), cues=cues))
    return tuple(out)


class _Scope(NamedTuple):
    """The phrases of some scopes, and the longest word of each (`_WORD`s, lower-cased): a
    text holds a phrase only if it holds that word as a whole word (`words` finds them)."""

    pattern: Twin
    words: re.Pattern[str]
    reach: int
    """The most characters before its longest word a phrase's match can start with."""
    tail: int
    """The most characters after its longest word a phrase's match can end with."""
    world: bool = False
    """Whether the scopes include the world (a metric that counts China's, not the world's)."""


_WORD = re.compile(r"[^\W_]+")
_COMMON = frozenset({"a", "an", "the", "of", "and", "to", "in", "on", "at", "s", "two", "both", "other"})


@lru_cache(maxsize=32)
def _scope_phrases(rules: Ruleset, names: tuple[str, ...]) -> _Scope | None:
    """The phrases of the scopes `names` (one object for every metric listing the same scopes,
    so _scope_spans scans a sentence once for all of them)."""
    phrases = [p for name in names for p in rules.scopes[name]]
    if not phrases:
        return None
    # the longest word that is no common one (of two as long, the last: "China Tower" is found
    # by "tower", not by every "China"; "Xi'an" by "xi", not by every "an")
    longest = [max(reversed(_WORD.findall(p.lower())), key=lambda w: (w not in _COMMON, len(w))) for p in phrases]
    where = [p.lower().rindex(w) for p, w in zip(phrases, longest)]
    # whitespace in a phrase matches any run of whitespace: generous bounds
    reach = max(where) * 4 + 8
    tail = max(len(p) - i - len(w) for p, i, w in zip(phrases, where, longest)) * 4 + 8
    words = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, sorted(set(longest), key=len, reverse=True)))
                       + r")(?![^\W_])")
    return _Scope(Twin.of(phrase_regex(phrases)), words, reach, tail, "world" in names)


@lru_cache(maxsize=32)
def _by_unit(rules: Ruleset) -> dict[str, tuple[_CompiledMetric, ...]]:
    """The compiled metrics (in rule order) that list each unit lemma: any other metric has
    strength 0 for a mention with that unit."""
    out: dict[str, list[_CompiledMetric]] = {}
    for cm in _compiled(rules):
        for unit in cm.units:
            out.setdefault(unit, []).append(cm)
    return {unit: tuple(cms) for unit, cms in out.items()}


def _strength(cm: _CompiledMetric, mention: Mention, previous: str, first: int = 0, scoped_author: int = 0) -> int:
    if mention.unit_lemma not in cm.units:
        return 0
    left = mention.sentence.text[:mention.start]
    if cm.exclude is not None and (cm.exclude.search(mention.clause, folded(mention.clause)) or (
            cm.exclude.search(left, folded(left)) and not _names_itself(cm, mention))):
        return 0
    for level, text in ((3, mention.clause), (2, mention.sentence.text), (1, previous)):
        if text and cm.subjects.search(text, folded(text)):
            # another scope is looked for only where a subject makes the metric a candidate
            if cm.scope is not None and _of_another_scope(cm.scope, mention, left, previous, first, scoped_author):
                return 0
            return level
    return 0


def _names_itself(cm: _CompiledMetric, mention: Mention) -> bool:
    """Whether the figure's own noun is a subject of the metric ("including 3.377 million 5G
    base stations" after "mobile communications base stations reached 11.62 million"): an
    `exclude` phrase before its clause then speaks of another figure."""
    text = mention.sentence.text
    own = text[mention.end:mention.end + 48]
    return cm.subjects.pattern.pick(own).match(own, len(own) - len(own.lstrip())) is not None


def _of_another_scope(scope: _Scope, mention: Mention, left: str, previous: str, first: int,
                      scoped_author: int) -> bool:
    """Whether the figure counts another scope's than the metric's: a scope phrase stands before
    it (_other_scope), or the text speaks for a scope (author_scoped) and says "we" or "our"
    before it, with no "our country" there nor "nationwide" in its clause. Never when its own
    noun says "national" ("1,150 of the 8,420 national projects")."""
    if may_hold(mention.sentence.text, "national") and _NATIONAL_NOUN.match(mention.sentence.text, mention.end):
        return False
    if _other_scope(scope, mention.sentence.text, first, mention.start, previous) or _scope_at_figure(scope, mention):
        return True
    if (":" in left or ";" in left) and _NAME_LABEL.search(left, max(0, len(left) - 60)) is not None:
        return True  # "Connected equipment: Tianlian 14.8 million sets; Lingxi 23.5 million"
    text = mention.sentence.text
    if may_hold(text, "of the", "china"):
        share = _SHARE_OF_NATIONAL.search(text, mention.number.end)
        if share is not None and _NATIONAL.search(text, 0, share.start()) is None:
            return True  # "147,000 5G base stations ..., accounting for about 15% of the country's total"
    if "total" in text:
        share = _SHARE_OF_PLACE.search(text, mention.end)
        if share is not None and _OTHER_FIGURE_OR_BREAK.search(text, mention.end, share.start()) is None:
            return True  # "Chuxin alone accounts for 18,600 devices, up 50%, about three in ten of the park's total"
    if scope.world and _MAY_NAME_A_COUNTRY.search(left, max(0, len(left) - 80)) \
            and _FOREIGN_SUBJECT.search(left, max(0, len(left) - 80)) is not None:
        return True  # "At the end of 2023 the US had about 162,000 5G base stations"
    if _NATIONAL.search(mention.clause) is not None or _OUR_COUNTRY.search(left) is not None:
        return False
    end = mention.clause_start + len(mention.clause)
    if "'" in left or "’" in left:
        group = _GROUP_POSSESSIVE.search(left, mention.clause_start)
        if group is not None and _SAYING.search(left, group.end()) is None:
            return True  # "Lanshan Electric Group's Lanshan IndustryOS connected 3.4 million sets"
    if "," in left:
        named = _COMPANY_APPOSITIVE.search(left)
        if named is not None and _RESEARCHER.search(named.group(0)) is None and _DIGIT_OR_BREAK.search(
                left, named.end()) is None and (_SAYING.search(left, named.end()) is None
                                                or _ITS_OWN.search(text, mention.end, end) is not None):
            return True  # "Zhongke Xinlian, the gateway maker, reported 1.35 million sets"
    subject = _NAMED_SUBJECT.match(text)
    if subject is not None and subject.end() <= mention.start and _NOT_A_NAME.search(subject.group("name")) is None \
            and _CLAUSE_BREAK.search(text, subject.end(), mention.start) is None:
        return True  # "- Tianshu Industrial Cloud connected 10.5 million sets (8.2 million a year earlier)"
    if (":" in text[:60] or ":" in previous[:60]) and _speakers_company_we(text, left, previous):
        return True  # "ZHANG WEI (TIANSHU): At the end of last year we connected 10.5 million sets"
    if scoped_author:
        if _FIRST_PERSON.search(left) is not None:
            return True
        return scoped_author >= OWN_VOICE and not _country_named(text, end) and _PUBLIC_SPEAKER.search(text) is None
    return _quoted_company_we(left, mention.clause, text, previous)


_NAME_LABEL = re.compile(
    r"[:;]\s*(?:and\s+)?(?!(?:China|Chinese|National|Nationwide|Nationally|Total|Totals|Today|Now|About|Some|Over|Nearly"
    r"|Around|Roughly|Almost|Approximately|More|Less|Fewer|Up|Down|By|In|At|As|Of|On|For|From|To|The|A|An|It|They|This"
    r"|That|These|Those|We|Our|Its|Their|There|All|Only|Just|Also|Another|Further|New|Newly|Added|Built|Target|Goal"
    r"|Plan|Forecast|Estimate|Year|Jan\w*|Feb\w*|Mar\w*|Apr\w*|May|Jun\w*|Jul\w*|Aug\w*|Sep\w*|Oct\w*|Nov\w*"
    r"|Dec\w*|Q[1-4]|H[12]|FY\w*|Everywhere|Overall|Altogether|Nationally|Currently)\b)[A-Z][a-z]+\s+$")
"""Right before a figure in a list (after a colon or semicolon): a proper name, one capitalised
word with no verb, is whose figure it is ("Connected equipment: Tianlian 14.8 million sets; Lingxi 23.5 million"), not
the country's ("Connected equipment: China 96 million sets", "Platforms: About 340")."""


_NAMED_SUBJECT = re.compile(r"\s*(?:[-•*]\s*)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){1,3})\s+(?:now\s+|also\s+)?"
                            r"(?:connected|connects|had|has|links|linked|serves|served|hosts|hosted)"
                            r"\s+(?:(?:about|some|nearly|almost|over|around|roughly|more\s+than|close\s+to)\s+)?(?=\d)")
"""Opening a sentence or a list item: a name of two to four capitalised words as the subject of what
a platform or a company holds ("- Tianshu Industrial Cloud connected 10.5 million sets"): its
figures in that clause are its own, unless the name is the country's or a public body's
(_NOT_A_NAME: "China Academy ...", "The Ministry ...")."""
_NOT_A_NAME = re.compile(r"\b(?:China|Chinese|National|Nation|Country|The|This|These|Ministry|MIIT|CAICT|Government|State"
                         r"|Council|Bureau|Statistics|Alliance|Academy|Association|Institute|Administration|Commission"
                         r"|Industrial\s+Internet\s+Platforms?|Key|All|Its|Their|Our|We|In|By|At|As|On|Premier|Minister"
                         r"|Vice|Spokes\w+|Professor|Director|Chairman|President|Secretary|Agency|News|Global|Daily|Times"
                         r"|Post|Xinhua|Caixin|Nodes|Operators|Infrastructure|Identification|Platforms|Stations|Equipment"
                         r"|Enterprises|Users|Networks|Factories|Projects|Telecom)\b")
_SPEAKER_LABEL = re.compile(r"\s*[A-Z][A-Z .'’-]+\s*\((?P<org>[^)]{2,40})\)\s*:")
"""A transcript's speaker label with the speaker's affiliation ("ZHANG WEI (TIANSHU): ... we
connected 10.5 million sets"): a "we" in that turn is the affiliation's, unless it is a public
body's ("LI MING (MIIT):")."""
_MEDIA_OR_ANALYST = re.compile(r"\b(?:CGTN|CCTV|Xinhua|news|radio|TV|television|broadcast\w*|daily|times|post|host"
                               r"|moderator|reporter|correspondent|anchor|analyst|research|consult\w*|counterpoint|IDC"
                               r"|Gartner|securities|capital|bank|university|professor|editor)\b", re.IGNORECASE)
"""A speaker label's affiliation whose "we" owns no network: a broadcaster, a paper, an analyst or
a research house ("CHEN LI (CGTN): As we reported, 4.25 million ...")."""
_PRONOUN_FIGURE = re.compile(r"\s*(?:A\s+year\s+(?:earlier|before|ago),?\s+)?(?:it|that)\s+(?:was|stood\s+at)\b",
                             re.IGNORECASE)
"""The sentence after a speaker's "we": "A year earlier it was 8.2 million" speaks of the same."""


def _speakers_company_we(text: str, left: str, previous: str) -> bool:
    """Whether a transcript's speaker label (in the sentence, or in the sentence before) names a
    company whose "we" the figure is: a first person before the figure in the labelled turn, or
    "A year earlier it was N" right after a labelled sentence that says "we" and gives a figure."""
    own = _SPEAKER_LABEL.match(text)
    label = own or _SPEAKER_LABEL.match(previous)
    if label is None or _PUBLIC_VOICE.search(label.group("org")) or _MEDIA_OR_ANALYST.search(label.group("org")) \
            or _WE_ALL.search(text):
        return False
    if _FIRST_PERSON.search(left) is not None:
        return True
    return own is None and _FIRST_PERSON.search(previous) is not None and any(c.isdigit() for c in previous) \
        and _PRONOUN_FIGURE.match(text) is not None


def _quoted_company_we(left: str, clause: str, text: str, previous: str) -> bool:
    """Whether the figure stands in a quotation, with "we" or "our" in its clause ("We connected
    300 machines", "695,000 of our base stations"), whose speaker the sentence or the one before
    it names as a company's person (see _COMPANY_SPEAKER): "We connected 300 machines last
    year," after "said Li Na, a manager at a mid-sized auto parts maker in Ningbo." A ministry
    spokesperson's "we" stays national."""
    if '"' not in left and "\u201c" not in left:
        return False
    curly = left.rfind("\u201c")
    if curly > left.rfind("\u201d"):
        opened = curly
    elif left.count('"') % 2 == 1:
        opened = left.rfind('"')
    else:
        return False  # no quotation open at the figure
    if _FIRST_PERSON.search(clause) is None or _WE_ALL.search(text) is not None:
        return False  # "... of the 1,065,000 added across China"; "We as a nation built ..."
    # the speaker the sentence names, else the one the sentence before names
    speaker = text if _SPEECH.search(text) is not None or not previous else previous
    return _COMPANY_SPEAKER.search(speaker) is not None


def _scope_at_figure(scope: _Scope, mention: Mention) -> bool:
    """Whether a scope phrase stands between the figure and its unit noun ("Five more Suzhou
    factories were named", "390 provincial-level platforms"), or, further on in the figure's
    clause, a place's name or "the province", "the company's" after a preposition ("8 secondary
    nodes were operating in Zhejiang", "connected to the company's platform"); not a list of
    places (the five top nodes "in Beijing, Shanghai, Guangzhou ..." are the country's), not a
    clause that names the country ("nationwide", "in China"), not where something was said or
    happened ("at a press conference in Beijing", "by the end of 2023 in Hangzhou"), not a kind
    of place ("in prefecture-level cities", "in county towns")."""
    text = mention.sentence.text
    n = mention.number
    c_start = mention.clause_start
    c_end = c_start + len(mention.clause)
    unit = None if mention.unit is None else _whole_word(mention.unit).search(lowered(text), n.end, c_end)
    if unit is not None and _NEAR_WORDS.fullmatch(text, n.end, unit.start()):  # the figure's own noun
        if _INDUSTRY.search(text, n.end, unit.start()) is not None:
            return True  # "one of 31 chemical nodes in the country": one industry's
        if (" at " in text or " in " in text or " on " in text or " across " in text) \
                and (_AT_A_NAME.match(text, unit.end()) or _AT_THE_SITE.match(text, unit.end())) \
                and not _country_named(text, c_end):
            return True  # "The 118 stations at Xiyu are a tiny fraction of the 4.251 million", "4,600 devices at the plant"
    spans = [(a, b) for a, b in _scope_spans(scope, text) if n.end <= a]  # (a list may run past the clause)
    in_world = scope.world and "world" in text
    if (not spans or spans[0][0] >= c_end) and not in_world or _NATIONAL.search(text, c_start, c_end) is not None:
        return False
    if in_world and unit is not None and _IN_THE_WORLD.match(text, unit.end()) is not None:
        return True  # "there were about 5.17 million 5G base stations in the world"
    after = n.end if unit is None else unit.end()
    for k, (a, b) in enumerate(spans):
        if a >= c_end:
            break
        if unit is not None and b <= unit.start():
            return True  # "Five more Suzhou factories"
        if a >= after and _WORLD_ADVERB.fullmatch(text, a, b) and not _EVENT_OR_TIME.search(text, after, a):
            return True  # "4.14 million of the approximately 5.4 million 5G base stations worldwide"
        before = (_PLACE_BEFORE.search(text, max(0, a - 16), a) or _AGENT_BEFORE.search(text, max(0, a - 28), a)
                  if a >= after else None)
        if before is None:
            continue
        if before.re is _AGENT_BEFORE and _MORE_AGENTS.match(text, b):
            continue  # "built by China Tower and the three operators": the country's
        name = text[a:b]
        determined = bool(before.group(1)) or name[:4].lower() == "the "
        if not (name[:1].isupper() or determined and _GENERIC_PLACE.fullmatch(re.sub(r"(?i)^the\s+", "", name))):
            continue  # "in prefecture-level cities and above"
        if _EVENT_OR_TIME.search(text, after, a) is not None or not _WHERE_IT_IS.fullmatch(text, after, before.start()):
            continue  # "at a press conference in Beijing", "serve customers in Germany"
        if k + 1 < len(spans) and _LIST_GAP.fullmatch(text, b, spans[k + 1][0]) \
                or k > 0 and _LIST_GAP.fullmatch(text, spans[k - 1][1], a) \
                or before.group(0)[:4].lower() == "from" and _TO_AFTER.match(text, b):
            continue  # "in Beijing, Shanghai and Guangzhou", "from Hubei to the coast"
        return True
    return False


_NEAR_WORDS = re.compile(r"\s+(?:[\w+-]+\s+){0,3}")
"""Between a figure and its unit noun: at most three words ("31 chemical nodes", "4.25 million 5G
base stations"), so that the noun is the figure's own, not a later one of its clause."""
_AT_A_NAME = re.compile(
    r"\s+(?:at|in)\s+(?!(?:China|Chinese|Mainland|The|January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Q[1-4]|H[12]|Service|Operation|Use"
    r"|Total|All|Full|Its|Home|Rural|Urban|Each|Every|Some|Place|Time|Stock|Progress)\b)[A-Z][a-z]+\b"
    r"(?![-'’]|\s+[A-Z]|\s*(?:,|and\b|as\s+well\s+as\b|&|/)\s*[A-Z])")
"""Right after a figure's unit noun: at or in a place the scopes do not list, one capitalised word
("The 118 stations at Xiyu", "4,600 devices in Wuhu"): that place's count; not a month, nor
China, nor a list of places ("two disaster-recovery nodes in Nanjing and Chengdu" are the
country's), nor title case ("in Full Operation", "in Rural Areas")."""


_INDUSTRY = re.compile(r"\b(?:chemical|petrochemical|steel|automotive|auto|textile|pharmaceutical|electronics|machinery"
                      r"|aerospace|shipbuilding|mining|food|logistics|healthcare|medical|agricultural|building-materials"
                      r"|equipment-manufacturing)(?:-industry|-sector)?\b", re.IGNORECASE)
"""Between a figure and its unit noun: one industry's count ("one of 31 chemical nodes", "62
equipment-manufacturing nodes"), not the country's."""


_AT_THE_SITE = re.compile(r"(?:,?\s+[\w-]+){0,4}?,?\s+(?:(?:at|in|inside|on|across)\s+(?:the|this|our|its|their)\s+"
                          r"(?:(?!(?:national|nation['’]s|country['’]s|China['’]s|5G)\b)[\w,-]+\s+){0,2}?"
                          r"(?:plant|factory|workshop|mine|site|port|campus)|on\s+(?:campus|site))\b"
                          r"(?![-'’]|\s+(?:list|lists|catalogue|programme|program|scheme|ranking|standard|sectors?|industr\w*|areas?)\b"
                          r"|\s*(?:and|or|&)\s+[\w-]+\s+(?:sectors?|industr\w*|areas?)\b)",
                          re.IGNORECASE)
"""Right after a figure's unit noun: at one site ("Today 4,600 devices at the plant are
connected", "146 5G base stations on campus"); not a scope phrase before a figure ("According to the plant manager, there were 3.38
million 5G base stations in the country")."""


@lru_cache(maxsize=256)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


_WHERE_IT_IS = re.compile(r"(?:\s+of(?:\s+[\w-]+){1,4}?|\s+with(?:\s+[\w-]+){0,3}?\s+influence)?"
                          r"(?:\s+(?:were|was|are|is|had|have|has|been|being|so\s+far|now|also|already|all|\w+ly))*"
                          r"(?:\s+(?:(?!(?:need|requir|plann|expect|aim|target|hop)ed\b)\w+ed|built|operating|running|operate[sd]?"
                          r"|exist(?:s|ed)?|operational|available|based|located|set\s+up|put\s+into\s+(?:service|use|operation)"
                          r"|in\s+(?:operation|service|use)|belong(?:s|ed)?\s+to(?:\s+[\w-]+){0,3}?)"
                          r"(?:\s+(?:and|or)\s+(?:\w+ed|put\s+into\s+(?:service|use|operation)))?"
                          r"(?:\s+(?:so\s+far|by\s+operators|in\s+total))?)?\s*",
                          re.IGNORECASE)
"""Between a figure's unit noun and the preposition before a place: the rest of its noun phrase
and a verb of where the things are ("8 secondary nodes of identifier resolution were operating
in Zhejiang", "1.35 million sets of industrial equipment were connected to the company's
platform", "3 platforms belong to enterprise of our province"), not another predicate ("serve customers in Germany", "include a steel mill in
Hebei", "were on display in Wuhan")."""
_WORLD_ADVERB = re.compile(r"worldwide|globally|around\s+the\s+world|across\s+the\s+(?:world|globe)", re.IGNORECASE)
_IN_THE_WORLD = re.compile(r"\s+in\s+the\s+world\b(?![-'’])", re.IGNORECASE)
"""Right after a figure's unit noun: the world's count ("5.17 million 5G base stations in the
world"). Not a scope phrase of its own: "the largest 5G network in the world, with 3.38 million
base stations" is China's."""
_PLACE_BEFORE = re.compile(r"\b(?:in|of|at|from|to|on|across|throughout)\s+((?:the|our|this|its)\s+)?$", re.IGNORECASE)
_AGENT_BEFORE = re.compile(r"\b(?:operated|owned|run|managed|maintained|built|constructed|deployed|installed)"
                           r"\s+by\s+((?:the|our|this|its)\s+)?$", re.IGNORECASE)
"""A participle of owning, running or building and "by" before a scope phrase: the figure is the
agent's ("1,372,000 5G base stations operated by China Mobile", "owned by the operator")."""
_MORE_AGENTS = re.compile(r"\s*(?:,|&|\band\b|\bor\b|\bplus\b|\btogether\b|\bwith\b)", re.IGNORECASE)
"""After the agent of "built by ...": more agents, who may be the whole country's."""
_GENERIC_PLACE = re.compile(r"(?:province|city|county|municipality|prefecture|district|park|zone|company['’]s|company|firm['’]s|firm"
                            r"|group['’]s|group|operator['’]s|operator|carrier)", re.IGNORECASE)
"""A scope phrase in lower case that names the one scope the text speaks of ("in the province",
"to the company's platform"), unlike "provincial" or "city" as a kind of place."""
_EVENT_OR_TIME = re.compile(r"\b(?:conference|forum|meeting|briefing|summit|expo|exhibition|ceremony|event|convention"
                            r"|launch|interview|speech|visit|press|said|told|announced|(?:19|20)\d\d|end\s+of|year)\b",
                            re.IGNORECASE)
_TO_AFTER = re.compile(r"\s+to\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*", re.IGNORECASE)
"""Between two places of a list: "in Beijing, Shanghai and Guangzhou"."""


_SHARE_OF_NATIONAL = re.compile(
    r"(?:\baccounting\s+for|\bmaking\s+up|\brepresenting|,\s+or|,)\s+"
    r"(?:(?:about|around|nearly|almost|roughly|over|more\s+than|less\s+than|some|just\s+over|just\s+under)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|percent\b)|(?:a|one|two)\s+(?:third|quarter|fifth|tenth|half|thirds|fifths|tenths)\b)"
    r"\s+of\s+(?:the\s+country['’]s|the\s+nation['’]s|China['’]s|the\s+national|the\s+nationwide|all\s+of\s+China['’]s)"
    r"\s+total\b",
    re.IGNORECASE)
"""After a figure in its sentence: the figure is a share of the country's total, so another
scope's ("147,000 5G base stations had been opened, ..., accounting for about 15% of the
country's total of 961,000"); not of the world's ("China's 3.38 million, 60% of the world's
total"), nor where the country is named before it ("China had 3.377 million 5G base stations,
accounting for 29.1 percent of the country's 11.62 million mobile base stations", "2.225
million were in service nationwide, ...")."""


_PRONOUN_START = re.compile(r"(?:It|Its|They|Their)\b")
"""A sentence opening so speaks of what the sentence before it names ("China Mobile reported
its results. It had 1.9 million 5G base stations")."""


def _other_scope(scope: _Scope, text: str, first: int, at: int, previous: str) -> bool:
    """Whether a scope phrase stands before the figure at `at` in its sentence `text` (not a
    wire dateline's place), or anywhere in the sentence before it when this one opens with
    "It", "Its", "They" or "Their": "Guangdong had built 324,000", "Haier's platform has
    connected 8.6 million", "The company is based in Jinan. It had 1.2 million sets connected".
    A phrase after the sentence's first figure (at `first`) is another clause's when a clause
    mark stands between it and this figure: "The five top nodes in Beijing, Shanghai ...,
    while more than 90 secondary nodes" (the places are the five's)."""
    spans = [(start, end) for start, end in _scope_spans(scope, text) if end <= at]
    if spans and _NATIONAL.search(text, spans[-1][1], at) is not None:
        return False  # "Speaking in Beijing, the minister said China had built 240"
    for start, end in spans:
        if end <= first or _CLAUSE_BREAK.search(text, end, at) is None:
            return True
    return (bool(previous) and _PRONOUN_START.match(text) is not None and bool(_scope_spans(scope, previous))
            and _NATIONAL.search(text, 0, at) is None)


_NATIONAL = re.compile(r"\b(?:(?:China|the\s+country|our\s+country|the\s+nation)\s+(?:now\s+|alone\s+)?"
                       r"(?:had|has|have|built|reached?|ranks|added|is|was|were)\b|nationwide\b|in\s+China\b"
                       r"|across\s+the\s+country\b|(?:China|the\s+country)['’]s\s+(?:total|national|5G|industrial)\b"
                       r"|\bacross\s+China\b)",
                       re.IGNORECASE)
"""Between a scope phrase and a figure: the figure is the country's after all ("According to
a report by Huawei, China had 2.94 million", "Guangdong leads; nationwide, China had 300")."""


_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|added|according\s+to|asked|explained|noted)\b", re.IGNORECASE)
_WE_ALL = re.compile(r"\b(?:we,?\s+as\s+a\s+(?:nation|country|whole|industry)|our\s+(?:industry|sector|nation)"
                     r"|across\s+the\s+(?:industry|sector|country)|the\s+whole\s+(?:industry|country))\b", re.IGNORECASE)
"""A "we" or "our" that speaks for more than one company: "We as a nation built ...", "Our
industry now counts 340 platforms", "Across the industry, we added ..."."""
_COMPANY_SPEAKER = re.compile(
    r"\b(?:(?:manager|chief\s+executive|CEO|founder|co-founder|chairman|chairwoman|owner|boss|engineer"
    r"|(?:managing\s+|technical\s+|production\s+)?director)\s+(?:at|of|for)\s+(?:(?:a|an|the|his|her|their)\s+)?"
    r"(?:[\w-]+\s+){0,5}?(?:maker|company|firm|factory|plant|manufacturer|supplier|enterprise|business|start-?up"
    r"|mill|works|workshop|producer|group|carmaker|automaker)\b"
    r"|(?:plant|factory|workshop|site|production|general)\s+manager\b|chief\s+(?:executive|financial|operating)\s+officer\b"
    r"|\b(?:CEO|CFO|COO)\b(?!\s+(?:of|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:ministry|MIIT|CAICT|academy|alliance"
    r"|association|institute|commission|bureau|administration)))", re.IGNORECASE)
"""A company's person named as a quotation's speaker ("a manager at a mid-sized auto parts
maker", "chief executive of the firm", "founder of a Suzhou start-up", "said plant manager Zhou
Weiming", "Chairman and Chief Executive Officer", "the CFO")."""
_GROUP_POSSESSIVE = re.compile(r"\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*\s+(?:Group|Corporation|Corp\.?|Holdings|Co\.,?\s+Ltd\.?"
                               r"|Inc\.?|Ltd\.?)['’]s\s")
"""In a figure's clause before it, a named company's possessive ("Lanshan Electric Group's Lanshan
IndustryOS connected 3.4 million sets"): the company's figure. Case as written: "the industry
group's latest count" or "a working group's report" name no company."""
_COMPANY_APPOSITIVE = re.compile(
    r"\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:maker|company|firm|manufacturer"
    r"|supplier|operator|carrier|producer|start-?up|developer|vendor|carmaker|automaker|conglomerate),")
"""A company named with what it is, before a figure ("Zhongke Xinlian, the gateway maker, reported
1.35 million sets on its platform"): the company's figure."""
_DIGIT_OR_BREAK = re.compile(r"\d|[;:]")
"""Between that name and the figure: another figure or a clause break."""
_SAYING = re.compile(r"\b(?:said|says|told|estimates?|estimated|according|counted|counts|tallied|tallies|noted|notes"
                     r"|cited|cites|reckons?|believes?|reports?|reported|puts?|found|finds|shows?|showed)\b")
"""Between that name and the figure, a verb of saying or counting: what the company says or
counts may be the country's figure ("Canalys, a market research firm, counts 3.38 million"),
unless the figure is on the company's own ("reported 1.35 million sets on its XL-Cloud
platform", _ITS_OWN)."""
_ITS_OWN = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:platform|network|factory|plant|customers"
                      r"|clients|base\s+stations|nodes|systems?|cloud)\b", re.IGNORECASE)
_RESEARCHER = re.compile(r"\b(?:research|consult|consultancy|consulting|analyst|analytics|think|data|rating|statistics)",
                         re.IGNORECASE)
"""A company named as a researcher, whose figures are anyone's ("IDC, the market research firm")."""
_OUR_COUNTRY = re.compile(r"\bour\s+(?:country|nation)\b", re.IGNORECASE)
"""Before a figure, in a text by a company, a province or another scope (see author_scoped):
"As at 31 December 2021, we had over 501,000 5G base stations" counts the author's own."""


SCOPED = 1
"""author_scope: the title names a scope; the text's "we" and "our" are that scope's."""
OWN_VOICE = 2
"""author_scope: the title is a company's own document (an earnings call, its operating data, a
letter to shareholders): every figure is the company's unless the country is named before it or
in its clause ("Nationally, platforms connect 81 million sets", "the national total of ...")."""


_COUNTRY_NAMED = re.compile(r"\b(?:nationally|in\s+the\s+country|national\s+total|the\s+country['’]s"
                            r"|China['’]s\s+(?:total|5G|industrial|identifier|key|overall)|industry-wide"
                            r"|at\s+the\s+national\s+level|(?:throughout|all\s+over|across)\s+(?:China|the\s+nation)"
                            r"|the\s+whole\s+country|the\s+country\s+(?:now\s+)?(?:boasts|counts|had|has|built|reached))\b",
                            re.IGNORECASE)
"""Besides _NATIONAL's phrases, what names the country before a figure or in its clause where a
company's or a place's own document or one platform would otherwise claim it ("Nationally,
platforms connect 81 million sets"; "48.0 per cent of the 3.37 million 5G base stations in the
country"; "China's 5G base stations reached 4.25 million", "At the national level, ..."). Not a
scope test elsewhere: "platforms based in our city are recognised nationally" counts the city's."""


def _country_named(text: str, end: int) -> bool:
    """Whether `text` names the country before `end` (a figure's clause end): _NATIONAL or
    _COUNTRY_NAMED."""
    return _NATIONAL.search(text, 0, end) is not None or _COUNTRY_NAMED.search(text, 0, end) is not None


@lru_cache(maxsize=32)
def _home_phrases(rules: Ruleset) -> Phrases | None:
    return Phrases.of(rules.home) if rules.home else None


def names_home(text: str, rules: Ruleset) -> bool:
    """Whether `text` holds a phrase of metrics.yaml's `home` (the scope the metrics count: "China",
    "nationwide", "the country", "MIIT" ...); always False when the rules declare none."""
    home = _home_phrases(rules)
    return home is not None and bool(text) and home.search(text, folded(text))


def counts_home(metric: Metric, rules: Ruleset) -> bool:
    """Whether a figure of `metric` is the home scope's by default: the rules declare `home` phrases
    and the metric excludes other scopes (`match.exclude_scopes`), so whether its source names the
    home scope near the figure is worth saying (Claim.scope_basis)."""
    return bool(rules.home) and bool(metric.match.exclude_scopes)


def author_scope(rules: Ruleset, titles: tuple[str, ...], opening: str = "") -> int:
    """OWN_VOICE, SCOPED or 0 for a text's title (`titles`: its metadata title, its first line)
    and its first body sentence (`opening`: a press release's "<Company> today announced")."""
    if any(text and _COMPANY_VOICE.search(text) and not _PUBLIC_VOICE.search(text) for text in titles):
        return OWN_VOICE
    if any(text and (named_review := _IN_NUMBERS.match(text)) is not None and _PUBLIC_VOICE.search(text) is None
           and _GENERIC_NAME.search(named_review.group("name")) is None for text in titles):
        return OWN_VOICE  # "HengLink 2024 in Numbers: 4.1 Million Devices": the platform's own review
    release = _PRESS_RELEASE.search(opening) if opening else None
    if release is not None:
        # who announces: the opening less its dateline ("HEFEI, China -- Hengrun Group ... today announced")
        if not _PUBLIC_VOICE.search(opening, _opening_dateline_end(opening), release.start()):
            return OWN_VOICE
    scope = _scope_phrases(rules, tuple(rules.scopes))
    named = scope is not None and any(text and (_scope_spans(scope, text) or _INTERVIEWEE.search(text)) for text in titles)
    if named and scope is not None and any(text and _OWN_REPORT.search(text) and _NOT_OWN_REPORT.search(text) is None
                                           and _owns_report(scope, text) for text in titles):
        return OWN_VOICE  # "Government Work Report of Lingxi County": the county's own figures
    return SCOPED if named else 0


_OWN_REPORT = re.compile(r"\b(?:government\s+work\s+report|report\s+on\s+the\s+work\s+of\s+the\s+government"
                         r"|work\s+(?:report|summary)|statistical\s+communiqu[eé]|statistical\s+bulletin)\b",
                         re.IGNORECASE)
"""In a title that names a place of the scopes: that place's own report ("Government Work Report of
Lingxi County", "Hexi Economic and Technological Development Zone: 2024 Work Summary", "Wuxi
Statistical Communiqué"), in which a figure is the place's unless the country is named."""
_NOT_OWN_REPORT = re.compile(r"\b(?:MIIT|ministry|ministry['’]s|national(?!\s+economic)|State\s+Council|premier|delivered\s+in|hosts?"
                             r"|press\s+conference|experts?|reviews?|key\s+points|news|daily|times|says|said)\b",
                             re.IGNORECASE)
"""In such a title: the report is not the place's own ("Report on the Work of the Government,
delivered in Beijing"; a "Statistical Bulletin of Suzhou on the 2024 National Economic and Social
Development" is Suzhou's), "Beijing hosts press conference on MIIT's work summary", "Shanghai
Securities News: key points of the 2025 government work report")."""
_REPORT_OWNER = re.compile(r"(?:\bof\s+|^\s*(?:Title:\s*)?(?:the\s+)?)(?:(?:[A-Z][\w'’-]*|and|of)\s+)*$")
"""Before the first place of a report's title: nothing but capitalised words, or "of" and them
(the report is the place's: "Hexi Economic and Technological Development Zone: ...", "Work Report
of Lingxi County")."""


def _owns_report(scope: _Scope, title: str) -> bool:
    """Whether a place of the scopes owns the report the title names: the title opens with it
    ("Sichuan communications industry statistical bulletin", "Hexi ... Development Zone: 2024
    Work Summary") or the report is "of" it ("Government Work Report of Lingxi County")."""
    spans = _scope_spans(scope, title)
    if not spans:
        return False
    return _REPORT_OWNER.search(title[:min(a for a, _ in spans)]) is not None


_IN_NUMBERS = re.compile(r"\s*(?:Title:\s*)?(?P<name>[A-Z][a-z]+[A-Z][\w&'’-]*)\s+(?:(?:19|20)\d\d\s+)?"
                         r"(?:[Ii]n\s+[Nn]umbers|[Bb]y\s+the\s+[Nn]umbers|[Yy]ear\s+in\s+[Rr]eview|[Aa]nnual\s+[Rr]eview)\b")
"""A title that is a named platform's or company's own review of its year, the name one brand-like
word with a capital inside ("HengLink 2024 in Numbers", "ForgeLink Year in Review"); not a topic
("Smart Ports 2024 by the Numbers", "Five Years in Numbers"), nor the country's ("China's 5G in Numbers", "Industrial Internet 2024 in Numbers":
_PUBLIC_VOICE and _GENERIC_NAME)."""
_GENERIC_NAME = re.compile(r"\b(?:China|Chinese|National|Industrial|Internet|Digital|Telecom|Telecoms|Mobile|Networks?"
                           r"|Year|Annual|Economy|Manufacturing|Industry|Sector|Our|Key|The|Its|Identifier|Platforms?"
                           r"|Equipment|Factory|Factories|Infrastructure|Connectivity)\b|5G", re.IGNORECASE)
_PRESS_RELEASE = re.compile(r"\b(?:today|this\s+week)\s+(?:announced|reported|released|unveiled)\b"
                            r"|\b(?:announced|reported)\s+today\b", re.IGNORECASE)
"""A press release's first sentence ("Hefei, 16 January 2025 — Lanshan Electric Group today
announced that ..."): the text is the announcer's own document, unless a public body announces
(_PUBLIC_VOICE before it: "The MIIT today announced ...")."""
_MAY_NAME_A_COUNTRY = re.compile(r"U\.?S|America|States|Korea|Japan|Germany|India|EU|Europe|UK|Britain|France")
"""What _FOREIGN_SUBJECT needs (case as written): a cheap scan before it."""
_FOREIGN_SUBJECT = re.compile(
    r"\b(?:the\s+US|the\s+U\.S\.|America|the\s+United\s+States|Korea|South\s+Korea|Japan|Germany|India|the\s+EU"
    r"|the\s+European\s+Union|Europe|the\s+UK|Britain|France)(?:['’]s\s+(?:operators|carriers))?\s+(?:now\s+|then\s+|still\s+)?"
    r"(?:had|has|have|built|counted|deployed|operated|reached|added)\s+"
    r"(?:(?:about|some|more\s+than|nearly|over|around|roughly|just\s+over|fewer\s+than)\s+)?$")
"""Right before a figure: another country as the subject of its verb ("the US had about 162,000
5G base stations"), so the world's part, not China's. Only as the subject: "American analysts
estimate that 3.38 million ..." or "Despite the US sanctions, ..." name no scope."""
_PUBLIC_SPEAKER = re.compile(r"\b(?:MIIT|ministry|CAICT|bureau|the\s+government|official\s+(?:data|figures|statistics)"
                             r"|officials?)\b", re.IGNORECASE)
"""In a company's own document, a public body as the source of a sentence's figures ("The MIIT
said 3.38 million 5G base stations were in service", "..., the ministry said"): the country's."""
_PUBLIC_VOICE = re.compile(
    r"\b(?:MIIT|ministry|national|nationwide|industry|sector|China\b(?!\s+(?:Mobile|Telecom|Unicom|Tower|Broadnet))"
    r"|China['’]s|Chinese|programme|program|pilot|project|government|bureau|statistic\w*|press\s+conference"
    r"|council|commission|province|provincial|city|municipal|alliance|association|institute|academy|CAICT|federation"
    r"|society|administration|agency|office)", re.IGNORECASE)
"""In a title, a public body or the country: no company's own document ("MIIT releases 2023
telecom industry operating data", "Full-year 2023 results: how China built ...", "National
industrial internet pilot programme: interim results")."""


def author_scoped(rules: Ruleset, titles: tuple[str, ...]) -> bool:
    """Whether a text's title (`titles`: its metadata title, its first line) names a scope of
    the rules' `scopes` ("China Unicom announces 2022 interim results", "Shandong Province:
    Report on the Work of the Government"): its "we" and "our" are then that scope's, not the
    country's, unless the figure's clause names the country ("we have built 3.38 million 5G
    base stations nationwide") or "our country" stands before it. A ministry's "we will build
    600,000 5G base stations" under a title naming no scope stays national."""
    return _scope_phrases(rules, tuple(rules.scopes)) is not None and author_scope(rules, titles) > 0


_COMPANY_VOICE = re.compile(
    r"\b(?:(?:earnings|results|investor|analyst)\s+call|operating\s+data|shareholders?\s+letter"
    r"|letter\s+(?:from\s+the\s+(?:chairman|chairwoman|CEO|chief\s+executive)|to\s+(?:our\s+)?shareholders)"
    r"|(?:Q[1-4]|first[- ]quarter|second[- ]quarter|third[- ]quarter|fourth[- ]quarter|first[- ]half|half[- ]year"
    r"|full[- ]year|annual|interim|quarterly)\s+(?:(?:FY\s?)?20\d\d\s+)?(?:results|earnings))\b(?!\s+of\b)", re.IGNORECASE)
"""In a title, a company's own voice, whatever its name: "Kunlun Netcom Q3 2024 earnings call
transcript", "... reports 2023 operating data", "Letter from the Chairman to Shareholders", "Q3
results". Not a ministry's "reports 2023 figures"."""


_INTERVIEWEE = re.compile(r"(?:\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?|['’]s\s+)(?:chief\s+executive|CEO|founder|chairman"
                          r"|chairwoman|president|plant\s+manager|factory\s+manager|general\s+manager|managing\s+director)"
                          r"\b(?!\s+(?:delegation|summit|forum|council|club|roundtable|survey|of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
                          r"(?:China\b(?!\s+(?:Mobile|Telecom|Unicom|Tower))|MIIT|ministry|State|National|CAICT|Academy|Alliance"
                          r"|Association|Institute|Federation|Society|Council|Commission|Bureau|Administration|Center|Centre)))",
                          re.IGNORECASE)
"""In a title, a company's person whose words the text gives ("a conversation with Hanlin
Yunzhi's chief executive", "a Changzhou plant manager on life inside a 5G factory"): the
interviewee's "we" is the company's. Not "meets CEO delegation"."""


_DASH_DATELINE = re.compile(r"[A-Z][A-Z.'\- ]{1,30}(?:,\s+[A-Z][\w.' ]{1,30})?\s*(?:\u2014|\u2013|--)\s")
"""A wire dateline of a place in capitals and a dash: "BEIJING — ", "SHENZHEN, Guangdong -- "."""


def _opening_dateline_end(text: str) -> int:
    """Where a dateline opening `text` ends (0: none): a wire dateline (extract.dateline_end, with
    or without its year), else a place in capitals and a dash (_DASH_DATELINE). The dash form is
    read here only, for scopes and for who announces: extract's dateline also decides which time
    expressions date figures, which a place without a date does not change."""
    end = dateline_end(text, year=False)
    if end or not text[:2].isupper():
        return end
    dash = _DASH_DATELINE.match(text)
    return 0 if dash is None else dash.end()
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but|and)\b|\s(?:while|whereas)\s", re.IGNORECASE)


@lru_cache(maxsize=256)
def _scope_spans(scope: _Scope, text: str) -> tuple[tuple[int, int], ...]:
    """The scope phrases in `text`, after a wire dateline opening it (one scan per sentence, not
    one per figure and metric). The pattern is tried only from shortly before a word that is
    some phrase's longest (compared lower-cased; everywhere on a text with a case trap): a
    phrase's match holds its longest word, at most `scope.reach` characters in."""
    begin = _opening_dateline_end(text)
    pattern = scope.pattern.pick(text)
    if has_case_trap(text):
        return tuple(m.span() for m in pattern.finditer(text, begin))
    spans: list[tuple[int, int]] = []
    for word in scope.words.finditer(lowered(text), begin):
        if not spans or word.start() >= spans[-1][1]:
            # a match holding this word lies within `reach` before it and `tail` after it; one
            # character more lets the pattern see what follows a match at the window's end
            m = pattern.search(text, max(begin, word.start() - scope.reach, spans[-1][1] if spans else 0),
                               min(len(text), word.end() + scope.tail + 1))
            if m is not None:
                spans.append(m.span())
    return tuple(spans)


def _definition(cm: _CompiledMetric, mention: Mention, level: tuple[str | None, str | None] | None = None) -> str | None:
    """The deepest definition whose cues are in the figure's clause (or whose units it has);
    of two as deep, the one with a cue nearest the figure ("five national top nodes and 320
    secondary nodes": 320 is secondary, not top); else, for a comparison's base whose clause
    names none ("50 cross-industry platforms in 2023, up from 28 in 2022"), that of the level
    it is compared with (`level`: its metric and definition); else the default. Distances are
    measured only between definitions that tie on depth (a whole scan of the clause per cue)."""
    hits: list[tuple[int, str, re.Pattern[str] | None]] = []  # (depth, id, cue) of the definitions found
    default = None
    clause = mention.clause
    for defn, cue, units, depth in cm.cues:
        if units and mention.unit_lemma not in units:
            continue
        if defn.default:
            default = defn.id
        if (cue is None and units) or (cue is not None and cue.search(clause)):
            hits.append((depth, defn.id, cue))
    if not hits:
        if level is not None and level[0] == cm.metric.id and level[1] is not None and BASE_LEAD.match(clause):
            return level[1]
        return default
    deepest = max(depth for depth, _, _ in hits)
    tied = [(defn_id, cue) for depth, defn_id, cue in hits if depth == deepest]
    if len(tied) == 1:
        return tied[0][0]
    at = clause.find(mention.number.text)
    at_end = at + len(mention.number.text)

    def distance(cue: re.Pattern[str] | None) -> int:
        if cue is None or at < 0:
            return 0
        return min(max(m.start() - at_end, at - m.end(), 0) for m in cue.finditer(clause))
    return min(tied, key=lambda t: distance(t[1]))[0]  # the first listed of equal distance


_RATE = re.compile(r"[^,;:.]{0,60}?\b(?:per|for every|for each)\s+(?:[\d,]+|a|an|one|each|every|ten|hundred|thousand"
                   r"|capita|head|person|persons|people|resident|residents|inhabitant|inhabitants|household"
                   r"|households|employee|employees|worker|workers|enterprise|enterprises|company|companies)\b"
                   r"|\s+(?:(?!(?:density|densities|rents?|prices?|costs?|speeds?|with|as|and|of\s+any)\b)[\w-]+\s+){0,6}?"
                   r"(?:per|for\s+every|for\s+each)\s+(?:square|sq|km(?:2|²)?|kilomet(?:re|er)s?|hectares?|mu|firm|respondent|member"
                   r"|plant|factory)\b",
                   re.IGNORECASE)
"""After a figure in its clause: it is a rate ("24 5G base stations per 10,000 people", "60.8
base stations per square kilometre"), not a count of the metric's units; "per cent" is none."""


_DENOMINATOR = re.compile(r"(?:(?<![\d.,])(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?(?:\s+(?:thousand|million|billion|trillion))?"
                          r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?:out\s+)?of\s+"
                          r"(?:(?P<world>the\s+world['’]s\s+)|the\s+|all\s+|its\s+|their\s+)?$", re.IGNORECASE)
"""Right before a figure: it is the whole a count is part of ("covering 47 of the 97 major
categories", "4.14 million of the world's approximately 5.4 million"): for kinds (_KINDS) and
the world's, not what the metric counts. Not a year ("a target for 2025 of 3.6 million")."""
_THE_WORLDS = re.compile(r"\b(?:the\s+)?world['’]s\s+(?:total\s+(?:of\s+)?)?$", re.IGNORECASE)
"""Right before a figure (its qualifier included): the world's count ("65 per cent of the world's
roughly 6.54 million 5G base stations"), whoever's share stands before it."""
_GDP_BEFORE = re.compile(r"\b(?:gross\s+domestic\s+product|GDP)(?:\s*\([^)]*\))?,?\s+(?:(?:which|that)\s+)?"
                         r"(?:stood\s+at|was|were|reached|totalled|totaled|of|at|came\s+to)\s+$", re.IGNORECASE)
"""Right before a figure (its qualifier included): the economy's output ("gross domestic product,
which stood at RMB134.9 trillion"), no industry's value added."""
_KINDS = frozenset({"category", "sector"})
"""Units whose whole is the set of kinds there are, not what a metric counts: "47 of the 97
major categories" counts 47 reached; "three of the 240 platforms" keeps 240 a count of
platforms."""


def _names_another_subject(cm: _CompiledMetric, clause: str, rules: Ruleset) -> bool:
    """Whether a figure's own clause names the subject of another metric than `cm`, which only
    the sentence before names: the subject does not carry over ("The security monitoring
    system served 200,000 enterprises. These are not the same 410,000 enterprises that use the
    identifier system")."""
    fold = folded(clause)
    return any(other is not cm and other.metric.id != cm.metric.id and other.subjects.search(clause, fold)
               for other in _compiled(rules))


_ONE_PLATFORM = re.compile(
    r"(?:\b(?:a|an|its|their|each|one|the\s+company['’]s)"
    r"|(?<![\w-])(?!(?:China|MIIT|CAICT|AII|Today|Industry|Nation|Country|World)['’]s)[A-Z][\w-]*['’]s)\s+"
    r"(?:(?!national\b)[\w-]+\s+){0,2}?"
    r"(?:industrial\s+internet|industrial|IIoT|IoT)\s+platform\b(?![s-])"
    r"(?!\s+(?:for|of|that\s+serves\s+the\s+nation|report|list|guidelines?|study|landscape|adoption|campaign|plan"
    r"|catalogue|evaluation|rankings?|system|development|economy|policy|policies))"
    r"|\beach\s+platform\b"
    r"|\b(?:to|on|into)\s+its\s+(?:own\s+)?(?:plant|factory|in-house|internal|private|workshop)\b"
    r"|\bconnected\s+to\s+the\s+platform\b(?!s|\s+(?:economy|layer|tier|system|level|of)\b)"
    r"|\bto\s+(?:a\s+single|one|its\s+own)\s+(?:[\w-]+\s+){0,2}?network\b", re.IGNORECASE)
"""Before a figure of what platforms connect, one platform or one company's own network: "ForgeLink,
an industrial internet platform that had 1.8 million sets of equipment connected", "its industrial
internet platform "CloudLoom" had connected 420,000 devices", "connected 12,400 devices to its
plant network": that platform's or company's count, not the country's."""


_IT_SUBJECT = re.compile(r"\bit\s+(?:[a-z]+ly\s+|has\s+|had\s+)?(?:connected|connects|serves|served|had|has|links|linked)\s+"
                         r"(?:(?:about|some|more\s+than|over|nearly)\s+)?$", re.IGNORECASE)
"""Right before a figure: "it" as the subject of what a platform does."""


def _one_platforms(mention: Mention, previous: str = "") -> bool:
    """Whether the figure counts what one platform or one company's own network holds (see
    _ONE_PLATFORM): such a phrase in its sentence before it or in its clause, or in the sentence
    before when "it" is the figure's subject ("HengLink, Hengrun's industrial internet platform,
    ... At the end of 2023 it connected 3.4 million devices"), and the country named in neither."""
    text = mention.sentence.text
    end = mention.clause_start + len(mention.clause)
    if previous and _IT_SUBJECT.search(text, mention.clause_start, mention.start) and may_hold(previous, "platform") \
            and not may_hold(previous, "national", "country") and _ONE_PLATFORM.search(previous) is not None \
            and _NATIONAL.search(text, 0, end) is None:
        return True
    if not may_hold(text, "platform", " its "):
        return False
    return _ONE_PLATFORM.search(text, 0, end) is not None and not _country_named(text, end)


_OTHER_FIGURE_OR_BREAK = re.compile(r";|,\s*and\b|\b(?:while|whereas|but|of\s+which)\b"
                                    r"|(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d,.]*(?!\s*(?:%|per\s*cent|percent)|[\d,.]|G\b)",
                                    re.IGNORECASE)
"""Between a figure and a share phrase after it: another figure (not a percentage, "up 50%") or a
clause of its own ("..., while Suzhou's 1.2 million made up nearly half of the province's
total", "...; in Shenzhen they made up more than half of the city's total")."""
_SHARE_OF_PLACE = re.compile(r"\bof\s+(?:the|its|their)\s+(?:park|district|city|province|county|zone|company|group"
                             r"|firm|operator)['’]s\s+total\b", re.IGNORECASE)
"""After a figure: it is a share of a place's or a company's total, so that part's own."""
_AVERAGE_BEFORE = re.compile(r"(?:\b(?:the|an?)\s+(?:average|typical)|^\s*on\s+average,?\s+(?:[\w-]+\s+){0,3}?|\beach)\s+"
                             r"(?:[\w-]+\s+){0,3}?(?:firm|company|enterprise|respondent|member|factory|plant|platform|SME"
                             r"|operator|province|city|user|business|customer|mine|site)s?\b", re.IGNORECASE)
_ON_AVERAGE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:on\s+average|apiece"
                         r"|each(?=\s*[,.;:)]|\s+(?:at\s+the\s+end|in\s+(?:19|20)\d\d|by\s+the\s+end|compared|against|while|but|than)\b))\b",
                         re.IGNORECASE)
"""Before a figure in its sentence, "the average", "On average, each" or "each" and a kind of unit
("the average member firm connected 1,150 machines", "On average, each enterprise user connected
about 42 devices"), or after its noun "on average", "apiece" or an "each" that ends the phrase
("SMEs connected 420 machines on average", "roughly 350,000 sets each at the end of 2024"): an
average, no count. Not "2,000 base stations each year", "average speeds", "the world average", "serving each county"."""
_SUPPLIED_BEFORE = re.compile(r"\b(?:shipped|sold|supplied|ships|sells|supplies)\s+"
                              r"(?:(?:a\s+total\s+of|some|about|around|nearly|almost|more\s+than|over|roughly)\s+)?$",
                              re.IGNORECASE)
"""Right before a figure: what a supplier shipped or sold ("Kunlun Netcom shipped 301,000 5G base
stations", "Qianfeng shipped about 270,000 5G base stations in China last year"), not the count of
the things in service."""
_NATIONAL_SUPPLIER = re.compile(r"\b(?:China|the\s+country|the\s+nation|operators|carriers)\s+(?:have\s+|has\s+|had\s+)?$",
                                re.IGNORECASE)
"""Right before "shipped" or "supplied": the country or its operators as the subject (what was
deployed nationwide), no single supplier."""
_IN_EVERY_AFTER = re.compile(r"\s+(?:[\w-]+\s+){1,3}?(?:in|out\s+of|for)\s+every\s+[\d,]+\b", re.IGNORECASE)
"""After a figure: the numerator of a proportion ("one machine in every 56", "roughly one
connected machine in every 56", "one base station for every 420 inhabitants")."""
_NATIONAL_NOUN = re.compile(r"\s+(?:national|nationwide)\s+(?:total|count|tally|figure|projects|base\s+stations"
                            r"|platforms|nodes|enterprises|sets)\b", re.IGNORECASE)
"""Right after a figure: the country's count ("the 8,420 national projects"); not a rank ("78
national 5G factories", "78 national-level 5G factories" of a province)."""
_TIMES_AFTER = re.compile(r"\s+times\b", re.IGNORECASE)
_CITED_FIGURE = re.compile(r"\s+(?:figure|number|estimate|tally)\b(?!\s+of\b)", re.IGNORECASE)
"""Right after a figure: the figure is spoken of ("The 3.4 million figure counts connected
devices"), not stated as a count."""
_ONE_NETWORK = re.compile(r"\b(?:a|an|its|their|the\s+(?:mine|plant|factory|port|company)['’]s)\s+(?:[\w-]+\s+){1,3}?"
                          r"network\s+of\s+(?:(?:about|some|more\s+than|over|nearly)\s+)?$", re.IGNORECASE)
"""Right before a figure: one network's or system's size ("a 5G network of 86 explosion-proof base
stations"), not the country's."""
_OUT_OF_EVERY = re.compile(r"\b(?:out\s+of(?:\s+every)?|in\s+every)\s+$", re.IGNORECASE)
"""Right before a figure: the denominator of a proportion ("seven out of every ten", "one in
every five"), no count."""


_RATE_BEFORE = re.compile(r"\b(?:per|every|for\s+every|for\s+each)\s+(?:(?:[\d,.]+|ten|a\s+hundred|one\s+hundred|hundred"
                          r"|a\s+thousand|thousand)(?:\s+(?:thousand|million))?\s+)?(?:people|persons|residents|inhabitants"
                          r"|households)\b", re.IGNORECASE)
_RATE_OPENING = re.compile(rf"\s*(?:{_RATE_BEFORE.pattern}),", re.IGNORECASE)
"""Before a figure since the last comma, or opening its sentence before a comma, with no clause break
between: it is a rate per head ("every 10,000 people own about 32 5G base stations", "Per 10,000
people, the country had 24"), no count; "..., and China had 3.38 million" after it is a count
again, and so is "Per capita figures aside, China had 3.38 million"."""


_NO_COUNT_HINTS = ("every", "out of", "average", "typical", "apiece", "each", "ship", "sold", "sell", "suppl", "figure",
                   "number", "estimate", "tally", "times", "network", "per ")
"""The words one of _counts_nothing's tests needs (lower-cased)."""


@lru_cache(maxsize=64)
def _hints(text: str) -> frozenset[str]:
    """Which of _NO_COUNT_HINTS a sentence holds: looked for once per sentence, not per figure
    (all of them on a text with a case trap, where lower-casing may differ from the patterns')."""
    if has_case_trap(text):
        return frozenset(_NO_COUNT_HINTS)
    low = lowered(text)
    return frozenset(h for h in _NO_COUNT_HINTS if h in low)


def _counts_nothing(mention: Mention, hints: frozenset[str]) -> bool:
    """Whether the figure is no count of anything here: a proportion, an average, a supplier's
    sales, a figure spoken of, a multiple, one network's size (`hints`: the sentence's _hints)."""
    text, start, end = mention.sentence.text, mention.start, mention.end
    every = "every" in hints or "out of" in hints
    if every and (_OUT_OF_EVERY.search(text, max(0, start - 16), start) or _IN_EVERY_AFTER.match(text, end)):
        return True  # "nearly seven out of every ten 5G base stations", "roughly one machine in every 56"
    if "every" in hints or "per " in hints:
        since = max(text.rfind(", ", 0, start), text.rfind("; ", 0, start), text.rfind(": ", 0, start)) + 1
        rate = _RATE_BEFORE.search(text, since, start) or _RATE_OPENING.match(text, 0, start)
        if rate is not None and _CLAUSE_BREAK.search(text, rate.end(), start) is None:
            return True  # "every 10,000 people own about 32 5G base stations": a rate per head
    if not hints.isdisjoint(("average", "typical", "apiece", "each")) and (
            _AVERAGE_BEFORE.search(text, mention.clause_start, start) or _ON_AVERAGE.match(text, end)):
        return True  # "The average responding member firm connected 1,150 machines"
    supplied = _SUPPLIED_BEFORE.search(text, max(0, start - 40), start) \
        if not hints.isdisjoint(("ship", "sold", "sell", "suppl")) else None
    if supplied is not None and _NATIONAL_SUPPLIER.search(text, max(0, supplied.start() - 20), supplied.start()) is None:
        return True  # "Kunlun Netcom shipped 301,000 5G base stations": a supplier's sales
    if not hints.isdisjoint(("figure", "number", "estimate", "tally")) and _CITED_FIGURE.match(text, end):
        return True  # "The 3.4 million figure counts connected devices": a figure spoken of
    if "times" in hints and _TIMES_AFTER.match(text, end):
        return True  # "China has ten times Korea's 5G base stations": a multiple
    return ("network" in hints and not may_hold(text[:start], "china", "country", "national")
            and _ONE_NETWORK.search(text, max(0, start - 60), start) is not None
            and _NATIONAL.search(mention.clause) is None)  # "a 5G network of 86 explosion-proof base stations"


_PART_OF_A_TOTAL = re.compile(r"(?P<between>[^;.]{0,70}?),\s+out\s+of\s+(?:a\s+total\s+of\s+)?\d[\d,.]*"
                              r"(?:\s+(?:thousand|million|billion))?\s+(?:in\s+total|in\s+all)\b",
                              re.IGNORECASE)
"""After a figure in its sentence: the whole it is a part of, in the same unit ("Ports are the
smallest of the four sectors, with 410 projects at end-2023, out of 8,420 in total"): a part, not
the country's count; not "3.38 million 5G base stations, out of 11.62 million mobile base
stations", whose whole counts another thing, nor where the sentence names the country ("China
had 4.25 million 5G base stations, out of 12.65 million in total"), nor a figure with another
figure between it and the whole."""


_A_FIGURE = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\d,.]|G\b)")
"""A figure, not a year nor "5G": between a figure and the whole after it, another figure is the
part the whole belongs to."""


def _in_parentheses_of_another(cm: _CompiledMetric, mention: Mention) -> bool:
    """Whether the figure opens a parenthesis that counts what the words before it name, and
    neither those words nor the parenthesis name the metric's subject or the country: "a sector
    second only to equipment manufacturing (62 nodes)" counts that sector's nodes; "5G base
    stations (3.38 million)" and "the country (3.38 million 5G base stations)" keep the figure."""
    text = mention.sentence.text
    head = text[:mention.start].rstrip()
    if not head.endswith("("):
        return False
    close = text.find(")", mention.end)
    inside = text[mention.start:close if close >= 0 else len(text)]
    before = text[max(0, len(head) - 48):len(head) - 1]
    if cm.subjects.search(inside, folded(inside)) or _country_named(inside, len(inside)):
        return False
    return not (cm.subjects.search(before, folded(before)) or _NATIONAL_WORD.search(before))


_NATIONAL_WORD = re.compile(r"\b(?:China|Chinese|country|nation|national|nationwide|total)\b", re.IGNORECASE)


def map_mention(mention: Mention, previous_sentence: str, rules: Ruleset,
                level: tuple[str | None, str | None] | None = None, first: int = 0,
                scoped_author: int = 0) -> tuple[str | None, str | None]:
    """(metric id, definition id) for a mention, or (None, None) when no rule covers it: a
    rate of the unit (_RATE) is no count of it. `level`: the mapping of the figure before it in
    its sentence, which a comparison's base takes its definition from (see _definition);
    `first`: where the sentence's first figure starts (see _other_scope); `scoped_author`: the
    text is a company's, a province's... (author_scope: SCOPED, OWN_VOICE or 0)."""
    text = mention.sentence.text
    if may_hold(text, "per", "for e") and _RATE.match(text, mention.end):
        return None, None
    hints = _hints(text)
    if hints and _counts_nothing(mention, hints):
        return None, None
    if "world" in text and _THE_WORLDS.search(text, max(0, mention.start - 24), mention.start) is not None:
        return None, None  # "about 65 per cent of the world's roughly 6.54 million 5G base stations"
    if ("domestic product" in text or "GDP" in text) \
            and _GDP_BEFORE.search(text, max(0, mention.start - 60), mention.start) is not None:
        return None, None  # "1.1% of gross domestic product, which stood at RMB134.9 trillion"
    if "of" in text[max(0, mention.start - 24):mention.start].lower():
        whole = _DENOMINATOR.search(text, max(0, mention.start - 60), mention.start)
        if whole is not None and (mention.unit_lemma in _KINDS or whole.group("world")):
            return None, None  # "47 of the 97 major categories": 97 is what the 47 are counted among
    candidates = _by_unit(rules).get(mention.unit_lemma, ()) if mention.unit_lemma is not None else ()
    scored = [(s, cm) for cm in candidates if (s := _strength(cm, mention, previous_sentence, first, scoped_author))]
    if not scored:
        return None, None
    top = max(s for s, _ in scored)
    winners = [cm for s, cm in scored if s == top]
    if len(winners) > 1:
        return None, None
    cm = winners[0]
    if top == 1 and _names_another_subject(cm, mention.clause, rules):
        return None, None  # "these are not the same 410,000 enterprises that use the identifier system"
    if "platform" not in cm.units and _one_platforms(mention, previous_sentence):
        return None, None  # "its industrial internet platform, Lanshan IndustryOS, had connected 4.1 million sets"
    part = _PART_OF_A_TOTAL.match(text, mention.end) if "out of" in text else None
    if part is not None and _A_FIGURE.search(part.group("between")) is None and not _country_named(text, len(text)):
        return None, None  # "with 410 "5G + industrial internet" projects at end-2023, out of 8,420 in total"
    if "(" in text and _in_parentheses_of_another(cm, mention):
        return None, None  # "a sector second only to equipment manufacturing (62 nodes)"
    return cm.metric.id, _definition(cm, mention, level)
