"""Page furniture and debris of scraped web pages in the shipped rules: each kind of line the
boilerplate patterns of rules/quality.yaml are for is flagged by the right one, and real
prose that merely looks like furniture is not; the built-in artifact detectors likewise."""

from __future__ import annotations

from pathlib import Path

import pytest

from iicheck.checks import anachronism, artifact, boilerplate, duplicate_text, enumeration_mismatch
from iicheck.models import Finding
from iicheck.ruleset import Ruleset
from iicheck.quality.exclusion import exclude_claims

from .conftest import RULES as RULES_DIR
from .test_quality_checks import corpus_of

ARTICLE = ("Industrial internet platforms connect machines in the factory to cloud services. "
           "The platform collects data from every machine on the production line.")

FURNITURE = [
    ("Home > News > Industry", "menu_line"),
    ("Home | About | Contact", "menu_line"),
    ("Home › Tools › Power Tools › Drills", "menu_line"),
    ("Home / Business / Companies", "menu_line"),
    ("Culture &gt; Food &amp; Drink", "menu_line"),
    ("Investors | News Releases", "menu_line"),
    ("Site map | Accessibility | Contact us", "menu_line"),
    ("Read more", "link_line"),
    ("Back to top", "link_line"),
    ("Back to Search Results", "link_line"),
    ("Skip to main content", "link_line"),
    ("Share this story", "link_line"),
    ("Print this page | Email this page", "link_line"),
    ("Page 2 of 5", "link_line"),
    ("1 2 3 Next", "link_line"),
    ("Continue Reading", "link_line"),
    ("More Company News", "link_line"),
    ("Facebook Twitter LinkedIn Email", "social_line"),
    ("Follow us on Twitter @EastAsiaPolicyLab", "follow_line"),
    ("By Jane Doe | March 3, 2024", "byline_bar"),
    ("By MA SI | China Daily | Updated: 2023-11-14 07:28", "byline_bar"),
    ("By Sarah Kim, Staff Writer", "byline_role"),
    ("Posted by Mark Lee on June 4, 2024 | 5 min read", "posted_by"),
    ("Staff Reporter, Beijing", "staff_line"),
    ("Tags: industrial internet, manufacturing, 5G", "label_line"),
    ("Photo: David Zalubowski/AP", "label_line"),
    ("Next: Provincial fair showcases smart equipment", "label_line"),
    ("Media contact: Kari Berg, +47 22 00 00 00", "label_line"),
    ("SOURCE Nordvik Robotics AS", "wire_source"),
    ("FOR IMMEDIATE RELEASE", "release_tag"),
    ("We use cookies to improve your experience on our site.", "cookie_notice"),
    ("Cookies on GOV.UK", "cookie_notice"),
    ("Sign up for our newsletter", "newsletter"),
    ("Get the latest insights delivered to your inbox every month.", "newsletter"),
    ("Was this page helpful? Yes No", "feedback_prompt"),
    ("Report a problem with this page", "feedback_prompt"),
    ("Advertisement", "ad_label"),
    ("Sponsored by Acme CRM", "ad_label"),
    ("Related articles", "list_header"),
    ("Most Read", "list_header"),
    ("© Crown copyright", "copyright_credit"),
    ("Reproduction interdite &copy; 2024 Lyon Weekly", "copyright"),
    ("Copyright © 2011 JIN SHI", "copyright"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "reproduction_notice"),
    ("All rights reserved.", "rights_reserved"),
    ("Example Media Group Ltd; all rights reserved", "rights_reserved"),
    ("Posted on 3 October 2022 by Media Office", "posted_by"),
    ("Did you find what you were looking for?", "feedback_prompt"),
    ("Related", "list_header"),
    ("Related coverage", "list_header"),
    ("Read Next", "list_header"),
    ("Similar jobs", "list_header"),
    ("Customers who bought this item also bought", "list_header"),
    ("4 minute read", "reading_time"),
    ("Reading time: 6 minutes", "reading_time"),
    ("Updated 2 hours ago", "time_ago"),
    ("Posted 3 days ago", "time_ago"),
    ("Leave a Reply", "comment_ui"),
    ("4 Comments", "comment_ui"),
    ("4 thoughts on “Review: The Salt Orchard”", "comment_ui"),
    ("Font size: A A A", "page_tools"),
    ("[Print] [Close]", "page_tools"),
    ("by dave_k » Sat Mar 09, 2019 8:41 pm", "forum_post_header"),
    ("Download the Northline app for live updates", "app_prompt"),
    ("Registered in England and Wales No. 04417823.", "registration_line"),
    ("WaterBridge International is a registered charity in England and Wales (no. 1093381).", "registration_line"),
    ("ICP No. 05003411", "icp_line"),
    ("京ICP备05003411号", "icp_line"),
    ("ICP License: 020145", "icp_line"),
    ("Registered charity no. 1098765", "registration_line"),
    ("Posted on April 12, 2019 by Harriet | 4 Comments", "posted_by"),
    ("Get our app", "app_prompt"),
]

PROSE = [
    "Home sales rose 5% in March from a year earlier, the association said.",
    "Share prices fell 3% after the results were published.",
    "Read the full report at the ministry's website before the hearing.",
    "By 2025, China will have more than 150 industrial internet platforms with influence.",
    "By March 2024, the number of connected devices had passed 80 million.",
    "Back to work: factories restarted 90% of their lines after the holiday.",
    'My old theme put "Copyright © 2008 Lens & Light Studio" in the footer and I never changed it.',
    "The court said copyright law protects the wording, not the figures, of a report.",
    "The publisher said all rights reserved under the 2019 contract had passed to the author.",
    "All rights reserved is an older phrase that mattered under the Buenos Aires Convention of 1910.",
    "Follow-up inspections found that 12 of the 40 plants had fixed the faults.",
    "Contact between suppliers and buyers moved online during the pandemic.",
    "Photographs of the site show 300 machines connected to the platform.",
    "Input / output devices grew by 20% in the first half.",
    "Beijing, Shanghai and Guangzhou host national top-level nodes.",
    "Next year the ministry plans to add 30 more platforms.",
    "Subscribers to the service rose to 2 million in 2023.",
    "We use sensors to measure the temperature of every furnace.",
    "The Boeing 737 and the A320neo make up most of the fleet.",
    "Staff at the plant were retrained to run the new lines.",
    "Related industries such as logistics grew by 8% in 2023.",
    "Similar platforms in Jiangsu connected 2 million machines.",
    "Three years ago the province had 40 platforms; it now has 120.",
    "The company, registered in England and Wales in 1990, employs 4,000 people.",
    "Download speeds at the plant reached 1 Gbps after the upgrade.",
    "Get the app's data into the platform and the line runs itself, the manager said.",
    "Your answer to the survey helps the ministry plan 30 new nodes.",
]


def _flagged(corpus, rules: Ruleset) -> dict[str, str]:
    return {e.sentence.strip(): str(f.details["pattern"]) for f in boilerplate.check(corpus, rules)
            for e in f.evidence}


def _found(check: object, tmp_path: Path, rules: Ruleset, lines: str) -> list[Finding]:
    """The findings of a check module on a page of ARTICLE and `lines`."""
    corpus = corpus_of(tmp_path, rules, page=f"{ARTICLE}\n{lines}\n")
    return list(check.check(corpus, rules))  # type: ignore[attr-defined]


def _tokens(tmp_path: Path, rules: Ruleset, lines: str) -> list[tuple[object, object]]:
    return [(f.details["pattern"], f.details["token"]) for f in _found(artifact, tmp_path, rules, lines)]


@pytest.mark.parametrize("line,rule_id", FURNITURE)
def test_page_furniture_is_flagged_by_its_rule(tmp_path: Path, rules: Ruleset, line: str, rule_id: str) -> None:
    corpus = corpus_of(tmp_path, rules, page=f"Industrial internet report\n\n{ARTICLE}\n{line}\n{ARTICLE}\n")
    flagged = _flagged(corpus, rules)
    assert flagged.get(line) == rule_id, flagged


def test_prose_that_looks_like_furniture_is_not_flagged(tmp_path: Path, rules: Ruleset) -> None:
    text = "Industrial internet report\n\n" + "\n".join(f"{ARTICLE} {line}" for line in PROSE) + "\n"
    corpus = corpus_of(tmp_path, rules, page=text)
    assert _flagged(corpus, rules) == {}
    # and as lines of their own
    corpus = corpus_of(tmp_path, rules, page="Industrial internet report\n\n" + "\n".join(PROSE) + "\n")
    assert _flagged(corpus, rules) == {}


@pytest.mark.parametrize("text,rule_id,token", [
    ("The fee is â‚¬5 million this year, the company said.", "mojibake", "â‚¬"),
    ("Ã‰milie Laurent opened the restaurant in 2021.", "mojibake", "Ã‰"),
    ("The ä¸­å›½å·¥ä¸šäº’è”ç½‘ alliance has 2,000 members.", "mojibake", "ä¸\u00adå›½å·¥ä¸šäº’è”ç½‘"),
    ("The plan was issuedï¼Œ and 30 nodes were built.", "mojibake", "ï¼Œ"),
    ("Chinaâ€™s platforms grew quickly last year.", "mojibake", "â€™"),
    ("Read it at https://example.com/report?utm_source=li&utm_medium=social&fbclid=IwAR2x today.",
     "tracking", "?utm_source=li&utm_medium=social&fbclid=IwAR2x"),
    ("window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
     "script", "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}"),
    ("D201138L Since then, the platforms have grown.", "code", "D201138L"),
    ("A number of pilot D201138L demonstration projects were built.", "code", "D201138L"),
    # a code glued to a word or a full stop
    ("The valves suit forestry machinesNKH-PV40-EN and offer smooth control.", "code", "NKH-PV40-EN"),
    ("Each sachet treats one full kettle.KTL-DSC-04", "code", "KTL-DSC-04"),
    ("The platform connects enterprisesD201138L in 31 provinces.", "code", "D201138L"),
    # placeholders, PDF glyph debris, image file names
    ("Certificate: {{film.certificate}}, 118 minutes.", "placeholder", "{{film.certificate}}"),
    ("The total is [object Object] for 2023.", "placeholder", "[object Object]"),
    ("The fund holds 40 stocks (cid:131) across 9 sectors.", "pdf_debris", "(cid:131)"),
    ("\uf0b7 Ongoing charges 0.85% a year.", "pdf_debris", "\uf0b7"),
    ("Harvest workers in the valley, 2024. IMG_4471.JPG", "file_name", "IMG_4471.JPG"),
])
def test_builtin_artifacts(tmp_path: Path, rules: Ruleset, text: str, rule_id: str, token: str) -> None:
    assert (rule_id, token) in _tokens(tmp_path, rules, text)


@pytest.mark.parametrize("text", [
    "The affected products are catalogue numbers MX450123 and MX450124, sold in 2023.",
    "The recalled model XR20001 was sold in 12 countries.",
    "The trial (ClinicalTrials.gov Identifier: NCT05518344) enrolled 214 patients.",
    "The club is a registered sports club. HMRC reference CH41877.",
    "The pâte at the château costs 12 euros.",
    "CAFÉ’S owners said the terrace seats 40.",
    "The function of the platform (a shared data layer) is to connect 300 machines.",
    "Prices rose 5% & wages 3%, according to the bureau's survey of 2,000 firms.",
    # hyphenated names set apart, or glued to fewer than three capitals
    "The SARS-CoV-2 lab meets IEC-62443-3-3 and sells the KTL-DSC-04 kettle filter.",
    "The app needs macOS-14 or iOS-17-2 on the phone.",
    # a register's number in brackets, a file type named in prose
    "Wellspring is a registered charity in England and Wales (1093356) and Scotland (SC047211).",
    "Send the photo as a JPG file of at most 5 MB.",
])
def test_author_text_is_no_artifact(tmp_path: Path, rules: Ruleset, text: str) -> None:
    assert _found(artifact, tmp_path, rules, text) == []


# ------------------------------------------------------------------ anachronism on web pages

STALE = "The 2019 government work report pointed out that industrial internet platforms grew fast."


@pytest.mark.parametrize("page", [
    # a copyright notice quoted in a sentence dates nothing; the page's own footer does
    'My old theme put "Copyright © 2008 Lens & Light Studio" in the footer.\nI changed it in 2021.\n'
    "site design / logo © 2024 Stack Exchange Inc; user contributions licensed under CC BY-SA.",
    # a footer's own year is no event of the text
    "The plant opened in 2019.\nCopyright 2019 Example Daily. Updated in 2024 © 2024.",
    # an edition's name, something expected, a forecast
    "Qualification for the 2026 World Cup continues in September.\nCopyright 2024 Sports Daily Online",
    "The new interchange is now expected to open in 2011.\n© 2003-2009 Regional Transport Executive",
    "The company raised its guidance for fiscal 2025 after a strong year.\n© 2024 Cision US Inc.",
    "The second phase is expected in the spring of 2024.\nCopyright 2023 City of Riverton",
    "The plant opened in 2019.\nCopyright © 2005–present JIN SHI",
    # what the present tense schedules
    "The agreement raises basic pay by 9 percent from October and by a further 5 percent in July 2025, "
    "according to a statement from the unions.\nCopyright 2024 Harbour Post",
    "The museum reopens in March 2025 after a two-year refit.\n© 2024 City Museums Trust",
    "The new tariff takes effect on 1 April 2025 for all households.\nCopyright 2024 Example Energy",
    # a past tense before the scheduling verb, and a time of day after it
    "The consultation opened on 9 December 2024 and closes at 11:59pm on 14 March 2025.\n© 2024 Crown copyright",
    # an attribution after the scheduled clause, and a name in -ed
    "The new tariff takes effect on 1 April 2025, the ministry announced.\nCopyright 2024 Example Energy",
    "The United Nations climate summit opens in November 2025 in Belem.\nCopyright 2024 Example News",
    # a scheduling verb's participle after a noun
    "The consultation asks for views on a cost cap, a phased timetable ending in 2030, and an online register."
    "\nPublished 3 December 2024",
    "Councils may join a pilot starting in May 2025.\n© 2024 Local Government Daily",
    # a forecast
    "Analysts forecast that the number of 5G factories could reach 10,000 in 2026.\n© 2024 Example Daily",
    "The ministry's think tank projected 6,000 5G factories in 2025.\n© 2024 Example Daily",
])
def test_no_anachronism_on_pages_whose_dates_agree(tmp_path: Path, rules: Ruleset, page: str) -> None:
    assert _found(anachronism, tmp_path, rules, page) == []


@pytest.mark.parametrize("footer", ["Copyright © 2011 JIN SHI", "site design / logo © 2011 Example Inc"])
def test_a_stale_footer_still_makes_an_anachronism(tmp_path: Path, rules: Ruleset, footer: str) -> None:
    corpus = corpus_of(tmp_path, rules, page=f"{ARTICLE}\n{STALE}\nQualification for the 2030 World Cup continues.\n"
                                             f"The 2023 World Cup final was in Sydney.\n{footer}\n")
    (found,) = anachronism.check(corpus, rules)
    # an edition's name is no event, unless the sentence tells of it in the past
    assert [e.figure for e in found.evidence][1:] == ["2019", "2023"]


@pytest.mark.parametrize("sentence,years", [
    ("Housing starts in 2019 rose 4% on the year before.", ["2019"]),  # "starts" is a noun: "rose" tells the past
    ("The plant opened in 2015 and closes in 2019.", ["2015"]),  # the past before the scheduling verb is its own
    # a participle that opens its clause, or follows a period, tells the past
    ("Starting in 2019, sales grew every year.", ["2019"]),
    ("In the year ending March 2019, recorded crime fell by 4%.", ["2019"]),
])
def test_a_past_tense_after_a_scheduling_verb_reads_its_year_as_past(tmp_path: Path, rules: Ruleset,
                                                                     sentence: str, years: list[str]) -> None:
    corpus = corpus_of(tmp_path, rules, page=f"{ARTICLE}\n{sentence}\nCopyright © 2011 JIN SHI\n")
    (found,) = anachronism.check(corpus, rules)
    assert [e.figure for e in found.evidence][1:] == years


# ------------------------------------------------------------------ enumerations in news prose

@pytest.mark.parametrize("sentence,fires", [
    ("Sales rose in three of the four regions: the Northeast, the Midwest and the West, while the South "
     "was unchanged.", False),
    ("The programme offers three kinds of support: expert advice, match-funded grants of up to £20,000, "
     "and leadership training.", False),
    ("The programme offers four kinds of support: expert advice, grants of up to £20,000, and leadership "
     "training.", True),
    ("Output fell in four of the five provinces: Hebei, Shanxi, Henan and Hubei.", False),
    ("Output fell in three of the five provinces: Hebei, Shanxi, Henan and Hubei.", True),
    # items that state their own counts add up
    ("The first floor has three bedrooms: two doubles and a single, each with sash windows.", False),
    ("The country has five top nodes: two in the east, two in the west and one in the south.", False),
    ("The country has six top nodes: two in the east, two in the west and one in the south.", True),
    ("The plan has four parts: a budget, a timetable and a team.", True),
    # another count of the sentence may be the one the list names
    ("Four sides remain in contention for the two promotion places: Ayr, Hamilton, Clyde and Morton.", False),
    # two items joined by "and" alone are a list after a count in words, not after a model's number
    ("Hat-tricks came from three players this weekend: Dan Osei for Danbury and Lewis Grant for Waltham.", True),
    ("Officials gave two reasons for the delay: rising costs and a shortage of staff.", False),
    ("Listen to our review of the iPhone 11 Pro and 11 Pro Max: battery life and the new cameras.", False),
    # items that open alike ("to ...", "a ...", "the ...") are items however long
    ("Our strategy sets out five goals: to reach every young carer in our area before the age of eleven, to make "
     "every school in the three counties a carer-friendly school, to double the number of young adult carers we "
     "support into work or training, and to secure at least 30 per cent of our income from unrestricted sources.", True),
    ("The Estrel is offered with two powertrains: a 1.0-litre mild hybrid with a manual gearbox, a 1.5-litre full "
     "hybrid and a 1.6-litre plug-in hybrid with a claimed 45 miles of electric range.", True),
    ("The report names four risks: the cost of connecting older machines to the network, the lack of staff who "
     "can analyse the data, and the weak security of small platforms.", True),
    ("The ministry set three tasks: to connect 5,000 factories to industrial internet platforms by 2025, to build "
     "30 identifier resolution nodes in the provinces, and to train 10,000 engineers.", False),
    ("The plan has two goals: to build and operate 30 identifier nodes across the province, and to train 5,000 "
     "engineers in the next three years.", False),
    ("Officials listed three priorities: the upgrade of enterprise networks in the eastern provinces and the west, "
     "the construction of identifier nodes, and the training of engineers.", False),
    # a bound or an estimate is no count of the items
    ("Adults and children over 12 years: swallow one or two caplets with water, up to three times a day.", False),
    ("The plan covers more than five areas: funding, training and standards.", False),
    ("The plan covers five areas: funding, training and standards.", True),
    # "over", "around" before a number word are prepositions; "the" opens appositions too
    ("The festival runs over four days: Friday, Saturday and Sunday.", True),
    ("The strategy is built around four pillars: growth, jobs and climate.", True),
    ("Two sites were chosen: the old gasworks site on the river, the largest in the city, and the former bus "
     "depot in the north of the town.", False),
    # long items that do not open alike stay unread
    ("The plan has two parts: funding for the smaller factories in the eastern and western provinces of the "
     "country, training for engineers and new standards for data exchange.", False),
])
def test_enumerations_in_news_prose(tmp_path: Path, rules: Ruleset, sentence: str, fires: bool) -> None:
    assert bool(_found(enumeration_mismatch, tmp_path, rules, sentence)) == fires


def test_the_scraped_page_benchmark_runs_and_keeps_its_figures() -> None:
    """benchmarks/pagequality (README.md's 'after' columns): the development set's boilerplate
    and artifact counts, scored by its own script."""
    import subprocess
    import sys
    import tempfile

    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, str(root / "benchmarks" / "pagequality" / "evaluate.py"), "--set", "dev"],
                             capture_output=True, text=True, check=True, cwd=tmp).stdout
    assert "== artifact: TP 26  FP 0  MISS 0" in out
    assert "== boilerplate: TP 102  FP 2  MISS 21" in out
    assert "== anachronism: TP 3  FP 0  MISS 0" in out
    assert "clean docs with any finding of these kinds: []" in out


# ------------------------------------------------------------------ found in review

REVIEW_PROSE = [
    "(C) The yearbook counted 900 industrial internet platforms with influence in 2021.",
    "(c) Funding for the programme will total 20 billion yuan over five years.",
    "Reporters in Beijing learned that there were 900 industrial internet platforms in 2021.",
    "Our reporter in Shanghai learned that the city had 900 connected factories.",
    "Promoted by the policy, China had 900 industrial internet platforms with influence in 2021.",
    "Sponsored by the ministry, the yearbook counted 900 platforms.",
    "Credit: new loans to manufacturers rose 28.5% in 2022.",
    "Category: large enterprises accounted for 62% of platform spending in 2022.",
    "Follow us as we track the 900 industrial internet platforms with influence in 2021.",
    "The yearbook counted 900 industrial internet platforms with influence in 2021, all rights reserved.",
    "The yearbook (copyright 2021 Example Daily) counted 900 industrial internet platforms in 2021.",
    "Platforms with influence > 900 in 2021.",
]
REVIEW_HEADLINES = ["Economy | GDP grows 5.2% in 2023", "Q3 results | Revenue up 12% to $4.2bn",
                    "By the numbers | China's 5G rollout in 2023", "By sector | Manufacturing output rose 6%",
                    "China | PMI rises to 50.8", "Opinion | The case for 5G factories", "PMI > 50 for 3 months"]


def test_review_cases_are_not_furniture(tmp_path: Path, rules: Ruleset) -> None:
    text = "Industrial internet report\n\n" + "\n".join(f"{ARTICLE} {line}" for line in REVIEW_PROSE)
    assert _flagged(corpus_of(tmp_path, rules, page=text + "\n"), rules) == {}
    # the headlines inside the article (after its last paragraph they would be page_tail)
    text = "Industrial internet report\n\n" + "\n".join([*REVIEW_PROSE, *REVIEW_HEADLINES, ARTICLE])
    assert _flagged(corpus_of(tmp_path, rules, page=text + "\n"), rules) == {}


@pytest.mark.parametrize("footer", ["China Machinery Industry Information Network Copyright © 2011",
                                    "About Us | Contact Us | Site Map | Copyright © 2011 China Industrial Internet Alliance"])
def test_footers_after_a_long_lead_are_copyright_notices(tmp_path: Path, rules: Ruleset, footer: str) -> None:
    corpus = corpus_of(tmp_path, rules, page=f"{ARTICLE}\n{STALE}\n{footer}\n")
    assert _flagged(corpus, rules).get(footer) == "copyright"
    assert len(list(anachronism.check(corpus, rules))) == 1


@pytest.mark.parametrize("sentence", [
    "Due to the epidemic, 5G base stations grew only 10% in 2019.",
    "The plant, which was expected to open in 2015, began production in March 2019.",
    "The line was completed as planned in 2019.",
    "The 2019 Government Work Report pointed out that platforms grew.",
    "In 2019, an estimated 300 million people used 5G phones.",
])
def test_past_events_the_review_found_missed(tmp_path: Path, rules: Ruleset, sentence: str) -> None:
    assert len(_found(anachronism, tmp_path, rules, f"{sentence}\nCopyright © 2011 JIN SHI")) == 1


@pytest.mark.parametrize("text,rule_id,token", [
    ("The platform supports new business models D201138L and services.", "code", "D201138L"),
    ("Enterprises applied for identification codes D201138L in 2021.", "code", "D201138L"),
])
def test_codes_named_by_a_common_noun_are_still_debris(tmp_path: Path, rules: Ruleset, text: str, rule_id: str,
                                                       token: str) -> None:
    assert (rule_id, token) in _tokens(tmp_path, rules, text)


@pytest.mark.parametrize("text", ["“C’est voilà…” he said of the 20 new cafés.",
                                  "The writer Mariama Bâ’s novel sold 2 million copies.",
                                  "Amadou Hampâté Bâ—the Malian writer—wrote 30 books.",
                                  "The ministry issued the document.Officials (speaking anonymously) said 20 firms applied."])
def test_review_text_is_no_artifact(tmp_path: Path, rules: Ruleset, text: str) -> None:
    assert _found(artifact, tmp_path, rules, text) == []


@pytest.mark.parametrize("sentence,fires", [
    ("The policy was set out in Joint Notice No. 5 of the three ministries: MIIT, the NDRC and the Ministry "
     "of Finance.", False),
    ("The ministry named three questions: who, what, when and where.", True),
    # a time of day is no count: "10:15 Opening keynote: ..." announces no 15 items
    ("09:30 – 10:15 Opening keynote: What ten years of linked data taught us, Prof. Ana Ruiz, Northern "
     "University.", False),
])
def test_review_enumerations(tmp_path: Path, rules: Ruleset, sentence: str, fires: bool) -> None:
    assert bool(_found(enumeration_mismatch, tmp_path, rules, sentence)) == fires


# ------------------------------------------------------------------ datelines with the month by name

@pytest.mark.parametrize("header,day", [
    ("Updated: March 21, 2024 at 10:15 a.m. ET", "2024-03-21"),
    ("Published 12 January 2024", "2024-01-12"),
    ("Posted on June 4, 2024 by Mark Lee", "2024-06-04"),
    ("Last updated: 17 November 2023", "2023-11-17"),
    ("By Jane Doe | March 3, 2024", "2024-03-03"),
    ("Updated: Sept. 5th, 2023", "2023-09-05"),
    ("By MA SI | China Daily | Updated: 2023-11-14 07:28", "2023-11-14"),
    ("On March 3, 2024, the ministry said the plan was ready.", None),  # a sentence, no header
    ("Date: 31 February 2024", None),
    # a weekday or a time of day between the header word and the date
    ("Last updated: 06:40 GMT, 8 February 2024", "2024-02-08"),
    ("Published: Thursday, 8 February 2024", "2024-02-08"),
    ("Posted on Tuesday, March 5, 2024 by Ann Reyes", "2024-03-05"),
    ("Updated 10:15 a.m. ET, March 21, 2024", "2024-03-21"),
    ("First published on Mon 12 Feb 2024 14.30 GMT", "2024-02-12"),
    ("Updated: 9.30pm 12 March 2024", "2024-03-12"),
    ("Updated 10:15 and then 12 March 2024", None),  # no time of day: words between
    # a wire story's dateline: a place in capitals, or with the agency
    ("BEIJING, March 3, 2024 (Xinhua) -- China had 340 platforms.", "2024-03-03"),
    ("NEW YORK, 3 March 2024 - Stocks rose.", "2024-03-03"),
    ("SAN FRANCISCO, Calif., June 4, 2024 — Apple said", "2024-06-04"),
    ("HONG KONG, Oct. 5, 2023 /PRNewswire/ -- The group said", "2023-10-05"),
    ("Beijing, March 3, 2024 (Xinhua) -- China had 340 platforms.", "2024-03-03"),
    ("Beijing, March 3, 2024 - the ministry said", None),  # ordinary case and no agency
    ("In total, March 3, 2024 - the last day", None),
    ("On Sunday, March 3, 2024 (local time) - the ship sailed", None),  # no agency in the brackets
    ("AGM, 14 May 2024 – shareholders are invited to attend", None),  # an acronym is no place
    ("Q1, March 31, 2024 - Revenue rose 5%.", None),
    # a header line is the date before a dateline-like line above it
    ("Annual report\nQ1, March 31, 2024 (Acme) - Revenue rose 5%.\nPublished 5 April 2024", "2024-04-05"),
])
def test_header_dates_with_the_month_by_name(header: str, day: str | None) -> None:
    from iicheck.pubdate import header_date

    found = header_date(f"Industrial internet report\n\n{header}\n\n{ARTICLE}\n")
    assert (found[0].isoformat() if found else None) == day


def test_a_dateline_dates_the_figures_of_its_page(tmp_path: Path, rules: Ruleset) -> None:
    from iicheck.engine import AuditOptions, audit

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "page.txt").write_text(
        "Platforms report\n\nUpdated: March 21, 2024 at 10:15 a.m. ET\n\n"
        "Industrial internet platforms grew to more than 150 this year, the ministry said.\n", encoding="utf-8")
    report = audit(AuditOptions(sources=(tmp_path / "src",), rules=RULES_DIR, jobs=1)).report
    assert (report.sources[0].published.basis, str(report.sources[0].published.end)) == ("header", "2024-03-21")
    (claim,) = report.claims
    assert (str(claim.time.start), str(claim.time.end)) == ("2024-01-01", "2024-03-21")  # "this year", to the dateline


def test_a_dateline_with_the_month_by_name_is_an_anachronism_reference(tmp_path: Path, rules: Ruleset) -> None:
    assert _found(anachronism, tmp_path, rules, STALE) == []  # no dateline: no reference
    corpus = corpus_of(tmp_path, rules, page=f"Platforms report\n\nPublished 12 January 2011\n\n{ARTICLE}\n{STALE}\n")
    (found,) = anachronism.check(corpus, rules)
    assert found.details["reference"] == "publication date (header)" and found.details["reference_year"] == 2011


HOSPITAL_BODY = ("Plans for a new cancer centre at Northfield General Hospital were approved on Monday.\n"
                 "The cancer centre will bring chemotherapy and radiotherapy under one roof.\n"
                 "The trust said the centre would open in 2013, and planning work starts now.\n")


@pytest.mark.parametrize("header,label", [
    # the site's name, a breadcrumb, the headline: the headline follows the breadcrumb
    ("Northfield Hospitals NHS Trust\nHome > News and media > Press releases\n"
     "New cancer centre wins planning approval\n", "Northfield Hospitals NHS Trust"),
    # no breadcrumb: the headline is the heading the body is about
    ("The Crumb Diaries\nNew cancer centre wins planning approval\n", "The Crumb Diaries"),
    # the headline first, as before
    ("New cancer centre wins planning approval\nThe Crumb Diaries\n", "The Crumb Diaries"),
    # a page number is no title, even when the body shares no word with the heading after it
    ("8\nReaching the last mile\n", None),
    # a headline the body echoes stays the title, though a kicker under it is echoed more
    ("Cancer centre approved\nNorthfield Hospitals\n", "Northfield Hospitals"),
])
def test_the_headline_is_found_when_no_title_is_known(tmp_path: Path, rules: Ruleset, header: str,
                                                      label: str | None) -> None:
    """A page without a known title opens with its site's name as often as with its headline:
    the section label is the site's name, never the headline."""
    flagged = _flagged(corpus_of(tmp_path, rules, page=header + HOSPITAL_BODY), rules)
    # the site's name above a breadcrumb is a masthead, a rule of its own
    assert {line for line, rule in flagged.items() if rule in ("section_label", "masthead")} == (
        {label} if label else set())


ROBOT_PAGE = """Factory robots spread across Guangdong

A worker checks a robot arm at a plant in Foshan.
{credit}

Manufacturers in Guangdong installed 52,000 industrial robots in 2023, the statistics bureau said.
The figure was 18% higher than in 2022, when supply chains were still disrupted.
Analysts expect the pace to slow in 2024 as demand for consumer electronics weakens.
"""


@pytest.mark.parametrize("credit", ["© 2015 Reuters/Bobby Yip", "Photo: © 2015 Reuters", "File photo © 2015 Xinhua",
                                    "© 2019 AFP / Getty Images"])
def test_an_image_credit_dates_nothing_of_the_page(tmp_path: Path, rules: Ruleset, credit: str) -> None:
    corpus = corpus_of(tmp_path, rules, page=ROBOT_PAGE.format(credit=credit))
    assert list(anachronism.check(corpus, rules)) == []


def test_a_page_notice_still_dates_the_page_and_expectations_are_no_events(tmp_path: Path, rules: Ruleset) -> None:
    corpus = corpus_of(tmp_path, rules, page=ROBOT_PAGE.format(credit="") + "© 2015 Example Robotics News\n")
    (found,) = anachronism.check(corpus, rules)
    # 2023 and 2022 happened; "expect the pace to slow in 2024" is no event
    assert [e.figure for e in found.evidence] == ["© 2015", "2023", "2022"]


# ------------------------------------------------------------------ page_tail

PAGE_BODY = ("Airbus lifts A320neo output target as engine backlog eases\n"
             "Airbus said on Thursday it would raise production of its A320neo family to 75 jets a month by 2026.\n"
             "The planemaker delivered 49 aircraft in February, up from 39 a year earlier, the company said.\n"
             "Airbus has a backlog of more than 7,000 single-aisle jets, roughly ten years of production.\n")


def test_the_lines_after_the_last_paragraph_are_page_tail(tmp_path: Path, rules: Ruleset) -> None:
    tail = ["Reporting by Claire Fontaine; Editing by David Okafor", "Read Next",
            "Boeing 737 MAX deliveries slip again in February", "Exports rise 4.2% in March",
            "Twitter", "Facebook", "Ends"]
    corpus = corpus_of(tmp_path, rules, page=PAGE_BODY + "\n".join(tail) + "\n")
    flagged = _flagged(corpus, rules)
    assert flagged == {**dict.fromkeys(tail, "page_tail"), "Read Next": "list_header"}
    found = [f for f in boilerplate.check(corpus, rules) if f.details["pattern"] == "page_tail"]
    assert "after the page's last paragraph of prose" in found[0].message


def test_page_tail_never_hides_a_figure(tmp_path: Path, rules: Ruleset) -> None:
    """A sentence after the last paragraph is page_tail only when it holds no figure (a
    heading's figures are never claims): a fact line, a long related headline or a closing
    line with a figure stays the article's, and its figure is compared."""
    tail = ["Exports rise 4.2% in March as factories across the Pearl River Delta reopen after the long holiday",
            "Industrial internet platforms (2022): 240.", "90 industrial internet platforms were added in 2023.",
            "The ministry expects the number of industrial internet platforms with influence to reach 300 in 2025.[3]", "Half-time: 1-0."]
    corpus = corpus_of(tmp_path, rules, page=PAGE_BODY + "\n".join(tail) + "\n")
    found = list(boilerplate.check(corpus, rules))
    assert _flagged(corpus, rules) == {}
    assert not [c for c in exclude_claims(corpus.claims, found) if c.excluded == "boilerplate"]
    assert {c.figure for c in corpus.claims} >= {"4.2%", "240", "90", "300"}


def test_pattern_furniture_and_page_tail_share_the_tail(tmp_path: Path, rules: Ruleset) -> None:
    """A line the patterns flag keeps its pattern; the lines around it are page_tail, and a
    cookie banner that reads like prose does not end the tail."""
    tail = "Share this article\nWhatsApp\nWe use cookies to improve your experience. Some are essential.\nMore from us\n"
    flagged = _flagged(corpus_of(tmp_path, rules, page=PAGE_BODY + tail), rules)
    assert flagged["Share this article"] == "link_line"
    assert flagged["WhatsApp"] == "page_tail" and flagged["More from us"] == "page_tail"


@pytest.mark.parametrize("ending", [
    "The trial continues.",  # an article's own short closing line
    "Referee: Daniel Whitlock.\nAttendance: 3,412.",  # a match report's facts
    "The plan names four tasks:\n• upgrading enterprise networks\n• building 30 identifier nodes\n- training 5,000 engineers",
    "A final decision is expected in the spring of 2024, the council said on Tuesday.",
])
def test_an_article_that_ends_in_its_own_words_has_no_page_tail(tmp_path: Path, rules: Ruleset, ending: str) -> None:
    assert _flagged(corpus_of(tmp_path, rules, page=PAGE_BODY + ending + "\n"), rules) == {}


def test_page_tail_needs_an_article(tmp_path: Path, rules: Ruleset) -> None:
    """Fewer than three lines of prose: a list, a table or notes, not an article with a tail."""
    page = ("Platform statistics\nThe yearbook counted 900 industrial internet platforms with influence in 2021.\n"
            "Platforms with influence\n900\nConnected equipment\n40 million sets\n")
    assert _flagged(corpus_of(tmp_path, rules, page=page), rules) == {}


def test_furniture_glued_to_the_last_paragraph_leaves_the_paragraph_alone(tmp_path: Path, rules: Ruleset) -> None:
    page = PAGE_BODY + ("Engineers chose hydrogen over batteries because packs could not give a bus enough range. "
                        "Copyright © 2004 The Regents of the University of Eastmoor\n")
    flagged = _flagged(corpus_of(tmp_path, rules, page=page), rules)
    assert list(flagged.values()) == ["copyright"], flagged


def test_running_page_numbers_of_a_pdf_turned_into_text(tmp_path: Path, rules: Ruleset) -> None:
    page = ("Annual Report 2017\n8\n" + PAGE_BODY + "– 9 –\n" + PAGE_BODY + "Page 10\n" + PAGE_BODY
            + "12\n" + PAGE_BODY)
    flagged = _flagged(corpus_of(tmp_path, rules, page=page), rules)
    assert {line: rule for line, rule in flagged.items() if rule == "page_number"} == {
        "8": "page_number", "– 9 –": "page_number", "Page 10": "page_number", "12": "page_number"}


@pytest.mark.parametrize("lines", [("8",), ("8", "15"), ("2019", "2023"), ("2020", "2021", "2022")])
def test_a_number_alone_is_no_page_number(tmp_path: Path, rules: Ruleset, lines: tuple[str, ...]) -> None:
    page = "".join(f"{line}\n{PAGE_BODY}" for line in lines)
    assert "page_number" not in _flagged(corpus_of(tmp_path, rules, page=page), rules).values()


def test_a_long_last_line_is_read_in_linear_time(tmp_path: Path, rules: Ruleset) -> None:
    """One regular expression for "a short sentence of its own" backtracked cubically on a
    long line without a full stop (a 1,000-word line took seconds); it is tested piece by piece."""
    import time

    line = "Related " + "coverage of the platform " * 2000
    corpus = corpus_of(tmp_path, rules, page=PAGE_BODY + line + "\n")
    started = time.process_time()
    flagged = _flagged(corpus, rules)
    assert time.process_time() - started < 0.5
    assert set(flagged.values()) == {"page_tail"}


# a review of the ninth session's patterns: news prose each of them matched
REVIEW9_PROSE = [
    "Published on Tuesday by the ministry, the yearbook counted 240 industrial internet platforms.",
    "Posted on 3 May by a user, the video was viewed 2 million times.",
    "The company is recalling 2,400 cases from lot number 211045, sold in Texas.",
    "Companies House records show the company (number 09876543) was dissolved in 2021 owing £2.3 million.",
    "The charity, number 1093381, raised £4.2 million last year.",
    "The firm was registered in England and Wales in 1990 as company number 02468101, and employs 4,000 people.",
    "Foreign firms need an ICP licence to host websites in China, and 4,000 were issued in 2023.",
    "ICP license holders rose 12% to 5,000 in 2023.",
    "The ICP Northwest board approved £2.3 million for 240 clinics.",
    "Download the ministry's app and you can see that 240 platforms are now certified.",
    "Install the new app update before March 1, when the old version stops working for 2 million users.",
    "Download the NHS App to book a booster; 2 million people did so in the first week.",
    "3 thoughts on why 240 platforms may be too many for China.",
    "Related parties",
    "Similar projects",
]


def test_review9_prose_is_not_furniture(tmp_path: Path, rules: Ruleset) -> None:
    text = "Industrial internet report\n\n" + "\n".join([*REVIEW9_PROSE, ARTICLE]) + "\n"
    assert _flagged(corpus_of(tmp_path, rules, page=text), rules) == {}


def test_a_short_sentence_with_a_footnote_mark_is_a_sentence() -> None:
    """A line of fewer than 15 words is a heading unless it ends as a sentence; a footnote
    mark after the full stop ("... in 2025.[3]") no longer hides that, so its figure is read."""
    from iicheck.segment import split_sentences

    text = ("Goals[edit]\nThe ministry expects 300 platforms with influence in 2025.[3]\n"
            "Revenue reached $5.2 million in 2025.[2, 4]\nExports rose to 1,200 tonnes.[3][a]\n")
    assert [s.kind for s in split_sentences("d", text)] == ["heading", "body", "body", "body"]


def test_a_short_line_repeated_three_times_is_furniture(tmp_path: Path, rules: Ruleset) -> None:
    """A running header or a button under every item: a short heading three times or more. A
    headline printed twice, and a sentence repeated, are duplicate_text's, not furniture."""
    products = "".join(f"Halden kettle, model {n}\n£29.99\nAdd to basket\n{PAGE_BODY}" for n in range(3))
    flagged = _flagged(corpus_of(tmp_path, rules, page="Kettles\n" + PAGE_BODY + products), rules)
    assert flagged.get("Add to basket") == "repeated_line"
    assert "repeated_line" not in {rule for line, rule in flagged.items() if line != "Add to basket"}
    twice = "Airbus lifts output\n" + PAGE_BODY + "Airbus lifts output\n" + PAGE_BODY
    assert "repeated_line" not in _flagged(corpus_of(tmp_path, rules, page=twice), rules).values()
    answers = "".join(f"{PAGE_BODY}- Not yet compliant\n" for _ in range(3))
    assert "repeated_line" not in _flagged(corpus_of(tmp_path, rules, page=answers), rules).values()
    said = "".join(f"{PAGE_BODY}The trial continues.\n" for _ in range(3))
    assert "repeated_line" not in _flagged(corpus_of(tmp_path, rules, page=said), rules).values()


def test_a_running_header_is_reported_as_furniture_not_as_a_duplicate(tmp_path: Path, rules: Ruleset) -> None:
    """A PDF's running header on every page is boilerplate's repeated_line, not also a
    duplicate_text finding; the same heading twice (a headline printed twice) is a duplicate."""
    header = "St Aidan's Newsletter – Spring Term 2009"
    pages = "".join(f"{header}\n{PAGE_BODY}" for _ in range(4))
    corpus = corpus_of(tmp_path, rules, page=pages)
    assert _flagged(corpus, rules).get(header) == "repeated_line"
    duplicates = [f.evidence[0].sentence for f in duplicate_text.check(corpus, rules)]
    assert duplicates and header not in duplicates  # the page bodies are repeated too
    twice = corpus_of(tmp_path, rules, page=f"{header}\n{PAGE_BODY}{header}\n{PAGE_BODY}")
    assert [f.details["occurrences"] for f in duplicate_text.check(twice, rules)
            if f.evidence[0].sentence == header] == [2]


@pytest.mark.parametrize("row", ["Inventory accuracy | 97.2% | 99.8%", "Nutrition: 412 kcal | Carbs: 52g | Fat: 21g",
                                 "Steel | 1,200 | 1,350"])
def test_a_row_of_figures_is_data_not_a_menu(tmp_path: Path, rules: Ruleset, row: str) -> None:
    """Bars make a table row look like a menu: a row with two figures (a decimal point, a
    percent or currency sign, a unit, three digits) is the page's data, inside the article or
    after it."""
    inside = _flagged(corpus_of(tmp_path, rules, page=f"{PAGE_BODY}{row}\n{PAGE_BODY}"), rules)
    after = _flagged(corpus_of(tmp_path, rules, page=f"{PAGE_BODY}{row}\n"), rules)
    assert row not in inside and row not in after
    # menus and footers with numbers in them stay furniture
    lines = ["2024 | 2023 | 2022 | Archive", "1D | 5D | 1M | 6M | YTD | 1Y | 5Y | Max",
             "© 2024 Acme Media | Tel: 02079460958 | Fax: 02079460959"]
    menus = _flagged(corpus_of(tmp_path, rules, page=PAGE_BODY + "".join(f"{line}\n{PAGE_BODY}" for line in lines)), rules)
    assert set(menus) == set(lines), menus


OBITUARY_BODY = ("Margaret Ashdown, known to three generations of Wendover schoolchildren as Mrs A, died on Monday.\n"
                 "She taught at the village school for 31 years and kept bees on the allotments behind it.\n"
                 "Her funeral will be held at St Mary's Church on 28 January, the family said.\n")


@pytest.mark.parametrize("header,labels", [
    # a menu long enough to read as a sentence does not end the header; the breadcrumb's
    # middle item repeated is the section's name, and the headline follows it
    ("Wendover Gazette\nNews | Sport | What's On | Family Notices | Jobs | Motors | Subscribe | Contact us\n"
     "Home › Family Notices › Obituaries\nFamily Notices\nMargaret Ashdown, teacher and beekeeper\n",
     {"Wendover Gazette", "Family Notices"}),
    # the breadcrumb's last item is the page itself
    ("Careers\nJobs > Teaching > Village school teacher\nVillage school teacher\n", {"Careers"}),
])
def test_the_header_runs_past_a_long_menu_and_a_section_name(tmp_path: Path, rules: Ruleset, header: str,
                                                             labels: set[str]) -> None:
    flagged = _flagged(corpus_of(tmp_path, rules, page=header + OBITUARY_BODY), rules)
    assert {line for line, rule in flagged.items() if rule in ("section_label", "masthead")} == labels


@pytest.mark.parametrize("navigation", [True, False])
def test_navigation_is_a_pattern_s_own_setting(tmp_path: Path, navigation: bool) -> None:
    """What a navigation pattern may not flag (a row of a table of figures) follows the rule's
    `navigation: true` in rules/quality.yaml, not its id."""
    import shutil

    from iicheck.ruleset import load_ruleset

    shutil.copytree(RULES_DIR, tmp_path / "rules")
    quality = tmp_path / "rules" / "quality.yaml"
    text = quality.read_text(encoding="utf-8").replace(
        "boilerplate:\n", "boilerplate:\n  - id: price_rows\n    pattern: '^Steel \\|'\n    description: my rows\n"
        f"    navigation: {str(navigation).lower()}\n", 1)
    quality.write_text(text, encoding="utf-8")
    custom = load_ruleset(tmp_path / "rules")
    (tmp_path / "docs").mkdir()
    flagged = _flagged(corpus_of(tmp_path / "docs", custom, page=f"{PAGE_BODY}Steel | 1,200 | 1,350\n{PAGE_BODY}"), custom)
    assert flagged == ({} if navigation else {"Steel | 1,200 | 1,350": "price_rows"})


# ------------------------------------------------------------------ masthead

@pytest.mark.parametrize("header", [
    "Halvard Energy\nAbout us | Our business | Sustainability | Investors\n",  # a menu line a pattern flags
    "KVRN 7 News\nWatch Live\nNews\nWeather\n",  # a menu one item to a line
    "Castlebridge Libraries\nHome | Find a library | eBooks & eAudio | What's on\n",  # a row no pattern flags
    "Field &amp; Lab News\nLife sciences | Earth | Space\n",  # an HTML entity in the name
    "Huaxin Intelligent Equipment Co., Ltd.\nHome  Products  Solutions  News  Contact\n",  # a company's name
    "Skip to content\nJobsbridge\nFind jobs\nSalary guide\nCareer advice\n",  # after a line a pattern flags
])
def test_the_sites_name_above_its_menu_is_a_masthead(tmp_path: Path, rules: Ruleset, header: str) -> None:
    corpus = corpus_of(tmp_path, rules, page=header + PAGE_BODY)
    name = next(line for line in header.splitlines() if line != "Skip to content")
    assert _flagged(corpus, rules)[name] == "masthead"
    (found,) = [f for f in boilerplate.check(corpus, rules) if f.details["pattern"] == "masthead"]
    assert "the site's name above its menu" in found.message


@pytest.mark.parametrize("header", [
    "",  # the page opens with its headline
    "date 2022-04-13\nNav Search\n",  # a dateline is the page's date
    "INTERMACH 2024\nVisit | Exhibit | Programme | Press\n",  # four digits: read as a date, left alone
    "Halvard Energy\nInvestors relations and the annual report\n",  # no menu under it
    "Oil hits two-year high\nBy Jane Doe\nReuters\n",  # a byline and an agency are no menu
])
def test_no_masthead_without_the_sites_name_above_a_menu(tmp_path: Path, rules: Ruleset, header: str) -> None:
    corpus = corpus_of(tmp_path, rules, page=header + PAGE_BODY)
    assert "masthead" not in _flagged(corpus, rules).values()


def test_a_headline_above_a_share_row_is_no_masthead(tmp_path: Path, rules: Ruleset) -> None:
    """An article that opens with its headline, a share row and then its text: the headline
    has no other headline after it, so it is the title."""
    lines = PAGE_BODY.splitlines()
    page = "\n".join([lines[0], "Share | Tweet | Email", *lines[1:]]) + "\n"
    assert "masthead" not in _flagged(corpus_of(tmp_path, rules, page=page), rules).values()


def test_a_line_sharing_a_word_with_the_recorded_title_is_no_masthead(tmp_path: Path, rules: Ruleset) -> None:
    (tmp_path / "sources.yaml").write_text(
        "version: 1\nsources:\n  - file: page.txt\n    id: page\n    title: Airbus production report\n",
        encoding="utf-8")
    page = "Airbus Newsroom\nAbout us | Products | Investors\n" + PAGE_BODY
    assert "masthead" not in _flagged(corpus_of(tmp_path, rules, page=page), rules).values()
    page = "Aviation Weekly\nAbout us | Products | Investors\n" + PAGE_BODY
    assert _flagged(corpus_of(tmp_path, rules, page=page), rules)["Aviation Weekly"] == "masthead"


def test_a_tagline_between_the_sites_name_and_its_menu_is_masthead_too(tmp_path: Path, rules: Ruleset) -> None:
    header = "Wellspring International\nClean water. Healthy lives.\nOur work\nWhere we work\nGet involved\n"
    flagged = _flagged(corpus_of(tmp_path, rules, page=header + PAGE_BODY), rules)
    assert [flagged.get(line) for line in ("Wellspring International", "Clean water.", "Healthy lives.")] == [
        "masthead"] * 3
    # a line with a figure is no tagline: the name is then no masthead either
    header = "Wellspring International\nFounded in 1984 by nurses\nOur work\nWhere we work\n"
    assert "masthead" not in _flagged(corpus_of(tmp_path, rules, page=header + PAGE_BODY), rules).values()
