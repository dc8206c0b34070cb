#!/usr/bin/env python3
"""Build and check truth.json for benchmarks/pagequality/fourth (documents in docs/fNN.txt)."""
import hashlib, json, pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent
DOCS = HERE / "docs"


sys.path.insert(0, str(HERE.parent))
from truth_items import A, E, L, S  # noqa: E402

D = E  # a duplicated text


def doc(boilerplate=(), artifact=(), mismatch=(), correct=(), anachronism=False, duplicate=(), clean=False, notes=""):
    return {"boilerplate": list(boilerplate), "artifact": list(artifact), "enumeration_mismatch": list(mismatch),
            "enumeration_correct": list(correct), "anachronism": anachronism, "duplicate_text": list(duplicate),
            "clean": clean, "notes": notes}


ABOUT = (
    "Ground truth for docs/fNN.txt (fourth set, written blind to the tool's code, rules and tests and to the "
    "documents of the other sets), by exact text. boilerplate: kind 'line' = a whole line (covers every line "
    "equal to it), 'span' = a substring (glued furniture; every occurrence). artifact: exact tokens (every "
    "occurrence). enumeration_mismatch: the sentence. enumeration_correct: for reference only (a finding there "
    "is a false positive). anachronism: true/false/'debatable' per document. duplicate_text: the repeated text. "
    "debatable: a reasonable tool could disagree; counted apart. Conventions (as in the held-out set): bylines "
    "(also 'Posted on ... by ...' and comment author/date lines), mastheads and site taglines, nav menus (each "
    "line of a one-item-per-line menu is an item), breadcrumbs, section labels, share/print/social rows (each "
    "single-word social link is an item), read-more/related/most-read/next-previous headers and the headlines "
    "under them, tags, comment-form prompts, cookie/newsletter/app banners, ads and sponsored labels, player "
    "controls, 'Was this page helpful?', footer link rows, copyright/rights/licence and company/charity "
    "registration footers, running headers and page numbers of PDF conversions are boilerplate; plain datelines "
    "without 'Updated' (e.g. 'Published 3 May 2023'), contact blocks and addresses (each line an item), legal "
    "disclaimers and forward-looking statements, 'About the company' paragraphs, cover metadata, footnotes, "
    "reference lists, image captions and sponsor reads inside show notes are debatable. Content that only looks "
    "like furniture ('Home prices ...', 'Share of possession ...', a text about copyright of student work, "
    "lists of products, fixtures, chapters or record sets, event detail lines, spec tables, short body headings "
    "and short closing sentences) is not boilerplate. Clean documents hold a title and body prose only."
)

T = {}

# ---------------------------------------------------------------- f01 obituary
T["f01"] = doc(
    boilerplate=[
        L("Skip to content"),
        L("Wendover Gazette", "masthead"),
        L("News | Sport | What's On | Family Notices | Jobs | Motors | Subscribe"),
        L("Home › Family Notices › Obituaries", "breadcrumb"),
        L("Family Notices", "section label"),
        L("Published 14 January 2022", "plain dateline", True),
        L("Sign the online guestbook"),
        L("Share this notice"),
        L("Facebook"), L("Twitter"), L("Email"),
        L("More obituaries", "related header"),
        L("Harold James Pettifer, 1938 – 2022", "related obituary headline"),
        L("Dorothy May Ellwood, 1927 – 2021", "related obituary headline"),
        L("Remembering Rev. Colin Hartwell, vicar of Halton for 19 years", "related obituary headline"),
        L("Place a notice: call our announcements team on 01296 624 418", "promo"),
        L("Wendover Gazette, 12 Market Square, Wendover, Bucks HP22 6DU", "publisher address (contact block)", True),
        L("Copyright © 2012 Wendover Gazette Ltd. All rights reserved."),
        L("Registered in England and Wales No. 03318842"),
    ],
    artifact=[A("â€™", "mojibake", "right single quote read as cp1252 ('Peggy’s')")],
    correct=["Peggy is survived by her three children, Ruth, Daniel and Simon, by seven grandchildren, and by a great-granddaughter, Isla, born last summer."],
    anachronism=True,
    notes="local-paper obituary; the page's copyright footer says 2012 while the notice is dated 14 January 2022 and "
          "the text cites a death on 3 January 2022 and events of 2017 and 2021 (stale footer = anachronism, as in the "
          "brief). 'Home was always the cottage ...' and the short closing 'She will be greatly missed.' are content; "
          "'Funeral arrangements' and 'Local history' are body headings; 'Hollis &amp; Sons' is an artifact inside content.",
)
T["f01"]["artifact"].append(A("&amp;", "markup", "in the funeral directors' name"))

# ---------------------------------------------------------------- f02 course catalogue (clean)
T["f02"] = doc(
    correct=["Assessment is by three components: a 1,500-word source commentary submitted in week 6 (30 per cent), a 3,500-word research essay submitted in January (50 per cent) and a 15-minute seminar presentation given in week 9 or 10 (20 per cent)."],
    clean=True,
    notes="university course catalogue entry, clean: title and prose only. Traps: body headings ('Aims', 'Assessment', "
          "'Reading', 'Who teaches it'), a one-line-per-week topic list (including 'Week 6: Home, household ...' and "
          "'Week 7: Reading week'), 'Copyright in the essays ...', 'Students are expected to read more than ...', "
          "'Share of marks by skill' heading. Dates 1150-1450, 1347 and 2023-24 are consistent.",
)

# ---------------------------------------------------------------- f03 airline travel update
T["f03"] = doc(
    boilerplate=[
        L("Skip to main content"),
        L("Aurelia Air", "masthead / logo"),
        L("Book", "menu item"), L("Manage booking", "menu item"), L("Check in", "menu item"),
        L("Flight status", "menu item"), L("Help", "menu item"),
        L("Log in | Join Aurelia Club"),
        L("English (UK)", "language selector"),
        L("Home / Help / Travel updates", "breadcrumb"),
        L("Last updated: 06:40 GMT, 8 February 2024", "dateline with 'updated'"),
        L("Was this page helpful?"), L("Yes"), L("No"),
        L("Related travel updates", "related header"),
        L("Strike action at Paris airports on 15 February", "related headline"),
        L("Lisbon runway works: earlier departures from 1 March", "related headline"),
        L("Get real-time flight alerts on your phone. Download the Aurelia Air app", "app prompt"),
        L("We use cookies and similar technologies to improve your experience, measure performance and show you relevant offers. Accept all | Manage settings"),
        L("About us | Careers | Press | Accessibility | Privacy | Cookie settings | Conditions of carriage", "footer links"),
        L("© 2024 Aurelia Air Limited. Registered in Ireland, company number 482113. Registered office: 1 Harbour Square, Dún Laoghaire, Co. Dublin."),
    ],
    artifact=[A("&nbsp;", "markup"), A("</li>", "markup", "stray closing tag at the end of a paragraph")],
    correct=["Customers booked on flights to or from the four affected airports – Oslo, Bergen, Stockholm Arlanda and Helsinki – between 8 and 10 February can change their travel free of charge, whether or not their own flight has been cancelled."],
    notes="airline travel advisory; the list of cancelled flights (AU 1142 ...) is content, as are the body headings "
          "('Which flights are affected', 'Your options', 'At the airport'); 'Home to our largest Nordic base ...' is content.",
)

# ---------------------------------------------------------------- f04 release notes
T["f04"] = doc(
    boilerplate=[
        L("Tessellate", "project name in docs sidebar"),
        L("latest", "version selector"),
        L("Search docs"),
        L("Installation", "sidebar menu"), L("User guide", "sidebar menu"), L("API reference", "sidebar menu"),
        L("Release notes", "sidebar menu"),
        L("Docs » Release notes » Tessellate 3.8.0", "breadcrumb"),
        L("Edit on GitHub"),
        L("Released 14 June 2016", "plain dateline", True),
        L("Full changelog: compare v3.7.2...v3.8.0", "link line at the end of release notes", True),
        L("Previous"), L("Next"),
        L("© Copyright 2016, The Tessellate Developers. Revision 4f2a9c1e."),
        L("Built with Sphinx using a theme provided by Read the Docs."),
    ],
    artifact=[A("&quot;", "markup", "2 occurrences")],
    correct=["This release drops support for two platforms: 32-bit Windows and macOS 10.8."],
    notes="software release notes from a docs site; legitimately old page (2016 release, 2016 footer, future plan "
          "'early 2017'): no anachronism. The bug-fix item quoting 'Copyright (c) the authors. All rights reserved.' "
          "is content. Section headings (New features, Bug fixes ...) and 'Contributors' are content.",
)

# ---------------------------------------------------------------- f05 match report + live sidebar
PRYCE = "Pryce, making only his second league start, was the reason Harbury were still in the game at half-time. He saved smartly from Myles at his near post and then tipped a dipping shot from Ryan Tait over the bar just before the interval."
T["f05"] = doc(
    boilerplate=[
        L("The Northern Post", "masthead"),
        L("Sport", "menu"), L("Football", "menu"), L("Cricket", "menu"), L("Rugby league", "menu"), L("Racing", "menu"),
        L("Football › Northern Premier", "breadcrumb"),
        L("By Tom Eckersley at the Riverside Ground", "byline"),
        L("Saturday 14 October 2023 17:52 BST", "plain dateline", True),
        L("Share"),
        S("Advertisement", "ad label glued to the end of a paragraph"),
        L("Live: Saturday's Northern Premier as it happened", "live-blog sidebar header"),
        L("17:01 Full time at Ossett: Ossett United 0-0 Stalybridge Celtic", "live-blog sidebar entry"),
        L("16:58 Goal! Whitby Town 2-2 Marske United (Hedley 88)", "live-blog sidebar entry"),
        L("16:45 Red card at Guiseley, where Aaron Cole is sent off for a second booking", "live-blog sidebar entry"),
        L("See all updates"),
        L("Get the Northern Post app for live scores and goal alerts", "app prompt"),
        L("Most read", "related header"),
        L("Harbury confirm new 2,000-seat stand plan with £1.2m grant", "most-read headline"),
        L("Caxton striker Myles attracting League Two interest", "most-read headline"),
        L("Northern Premier table: how every club stands after 14 games", "most-read headline"),
        L("Tags: Harbury Town, Caxton Rovers, Northern Premier, Non-league football"),
        L("© The Northern Post 2023"),
    ],
    artifact=[A("&#8217;", "markup", "numeric entity for an apostrophe")],
    correct=["Farrow made three changes from the side that lost at Ossett in midweek: Bray, Kian Holroyd and the 18-year-old goalkeeper Elliot Pryce came in for Danny Shaw, Marcus Webb and the injured Tony Quayle."],
    duplicate=[D(PRYCE, "paragraph pasted twice")],
    notes="match report with a live-blog sidebar; 'Share of possession told the same story ...' is content; the "
          "line-ups and 'Referee: ... Attendance: 3,412.' are content.",
)

# ---------------------------------------------------------------- f06 charity annual review (PDF)
RH = "LARKSPUR TRUST | ANNUAL REVIEW 2018/19"
T["f06"] = doc(
    boilerplate=[
        L("Trustees' report and summary financial statements for the year ended 31 March 2019", "cover metadata", True),
        L("Registered charity number 1093347", "cover registration line"),
        L("2", "page number"), L("3", "page number"), L("4", "page number"), L("5", "page number"), L("6", "page number"),
        L(RH, "running header (4 occurrences)"),
        L("¹ A full list of funders is published in the trustees' report and accounts, available on request or from the Charity Commission website. Summary figures are taken from the audited accounts but are not the full statutory accounts.", "footnote", True),
        L("The Larkspur Trust, Unit 4, Barton Yard, Hereford HR4 0AY", "contact block", True),
        L("Telephone 01432 508 771", "contact block", True),
        L("Registered charity number 1093347. A company limited by guarantee, registered in England and Wales No. 04377120."),
    ],
    artifact=[A("â€“", "mojibake", "en dash read as cp1252 in a heading")],
    mismatch=[E("Our strategy for 2019–2022 sets out five goals: to reach every young carer in our area before the age of eleven, to make every school in the three counties a carer-friendly school, to double the number of young adult carers we support into work or training, and to secure at least 30 per cent of our income from unrestricted sources.", "five stated, four listed")],
    correct=[],
    notes="charity annual review converted from PDF (running headers, page numbers). 'The Larkspur Trust' and "
          "'Annual Review 2018/19' are the title. 'Helen Margetts, Chair of Trustees' is the foreword's signature "
          "(content). 'Share of income from legacies rose ...' is content. Plans to 2022 and a launch in September 2019 "
          "are future dates for a 2018/19 report: no anachronism. Income parts (1.06+0.58+0.43+0.34) sum to the 2.41 total.",
)

# ---------------------------------------------------------------- f07 e-commerce listing
T["f07"] = doc(
    boilerplate=[
        L("Free standard delivery on orders over £40 | Click &amp; collect in 2 hours", "promo banner"),
        L("Hartwell &amp; Finch", "masthead"),
        L("Search products, brands and more", "search box"),
        L("Sign in"), L("Basket (0)"),
        L("Home & Garden", "menu"), L("Kitchen", "menu"), L("Small Appliances", "menu"), L("Electricals", "menu"), L("Sale", "menu"),
        L("Home > Kitchen > Small Appliances > Kettles", "breadcrumb"),
        L("Filter"), L("Sort by: Most popular"), L("Showing 1–8 of 38 results"),
        L("Add to basket", "button, 8 occurrences"),
        L("Load more"),
        L("Customers also viewed", "related header"),
        L("Toasters", "related category"), L("Coffee machines", "related category"), L("Tea & coffee storage", "related category"),
        L("Get 10% off your first order when you sign up to our newsletter"),
        L("Enter your email address"), L("Subscribe"),
        L("This site uses cookies. By continuing to browse you agree to our use of cookies. Accept | Find out more"),
        L("Customer services", "footer"), L("Delivery &amp; returns", "footer"), L("Track my order", "footer"),
        L("Store finder", "footer"), L("Gift cards", "footer"),
        L("© 2024 Hartwell & Finch Retail Ltd. Company no. 07713205. VAT no. GB 218 4471 06."),
    ],
    artifact=[A("&amp;", "markup", "4 occurrences (banner, masthead, a product name, footer)"),
              A("KTL-DSC-04", "code", "product code glued to the end of a sentence")],
    mismatch=[E("The Halden range comes in three finishes: matte black, cream, sage green and brushed steel, with matching toasters available in each colour.", "three stated, four listed")],
    notes="e-commerce category page; product names and prices of the tiles are the listing's content; the intro and "
          "the buying guide ('How to choose a kettle', paragraphs led by 'Capacity.', 'Noise.' ...) are content; "
          "'Home cooks in hard-water areas ...' is content, 'Home & Garden' (menu) is not. 'Kettles' is the title.",
)

# ---------------------------------------------------------------- f08 podcast episode
T["f08"] = doc(
    boilerplate=[
        L("The Long Field", "masthead"),
        L("Episodes", "menu"), L("About", "menu"), L("Guests", "menu"), L("Support the show", "menu"),
        L("Episode 112", "episode-number kicker above the title", True),
        L("Play episode", "player"), L("58:14", "player duration"), L("Download (54 MB)", "player"),
        L("Listen on: Apple Podcasts | Spotify | Pocket Casts | Overcast | RSS"),
        L("This episode is sponsored by Corvel Outdoor Clothing. Use the code LONGFIELD for 15% off your first order.", "sponsor read inside the show notes", True),
        L("Support the show on Patreon from £3 a month and get ad-free episodes.", "promo"),
        L("Tags: hedgerows, landscape history, farming, wildlife, Shropshire"),
        L("Previous episode"), L("111: The lost orchards of the Teme valley", "previous-episode headline"),
        L("Next episode"), L("113: Dew ponds and how to build one", "next-episode headline"),
        L("Subscribe to our newsletter"), L("Get new episodes in your inbox every Thursday."),
        L("© 2023 The Long Field Podcast. All rights reserved."),
    ],
    artifact=[A("utm_source=longfield&amp;utm_medium=podcast&amp;utm_campaign=ep112", "tracking"),
              A("&amp;", "markup", "2 occurrences, inside the tracking string")],
    notes="podcast episode page; show notes, the chapter list with timestamps, 'Links mentioned in this episode', the "
          "listener question and the credits are content. 'What we lost after 1945' and the 1822 dispute are "
          "history, not dates of the page.",
)

# ---------------------------------------------------------------- f09 municipal budget (clean)
T["f09"] = doc(
    correct=["The net revenue budget is funded from four sources: council tax (£96.2 million), retained business rates (£38.5 million), government grants (£21.9 million) and fees and charges (£17.4 million)."],
    clean=True,
    notes="municipal budget summary, clean. Traps: 'Home owners and tenants ...', 'Home care for older ...', 'Share of "
          "the budget by service ...', short body headings ('Savings', 'Reserves', 'Looking ahead'), a list of capital "
          "schemes one per line (the 'main schemes', so their sum need not equal £58.5m). The four sources sum to the "
          "£174.0m total. 2026/27 is a forecast, not an anachronism.",
)

# ---------------------------------------------------------------- f10 science news with references
T["f10"] = doc(
    boilerplate=[
        L("Field &amp; Lab News", "masthead"),
        L("Life sciences | Earth | Space | Health | Technology", "menu"),
        L("Earth", "section label"),
        L("By Priya Venkataraman", "byline"),
        L("Published 3 May 2023", "plain dateline", True),
        L("Researchers taking soil cores from one of the heated plots at the Storkälen warming site in northern Sweden. Photo: Lena Sjöberg", "image caption with photo credit", True),
        L("Read more: Arctic permafrost lost 7% of its stored carbon in a decade, model suggests", "read-more link inside the body"),
        L("References", "reference list header", True),
        L("[1] Halvorsen, T. and Price, M. (2012) Trade and reciprocity in mycorrhizal networks. New Phytologist 194, 512–524.", "reference list", True),
        L("[2] Lindqvist, A. et al. (2016) Fungal necromass and the long-term storage of carbon in boreal forest soils. Soil Biology and Biochemistry 98, 41–53.", "reference list", True),
        L("[3] Ekholm, J., Nilsson, S. &amp; Berg, M. (2023) Warming alters the terms of trade in ectomycorrhizal symbioses. Ecology Letters 26, 1122–1134.", "reference list", True),
        L("Tags"), L("Soil", "tag"), L("Fungi", "tag"), L("Climate change", "tag"), L("Forests", "tag"),
        L("Related stories", "related header"),
        L("Peat bogs in Scotland could lock away 2.3 million tonnes more carbon a year", "related headline"),
        L("Why the world's oldest trees are growing faster", "related headline"),
        L("Sign up for the Field &amp; Lab weekly email: the week's best science, every Friday", "newsletter"),
    ],
    artifact=[A("&amp;", "markup", "3 occurrences (masthead, reference 3, newsletter line)"),
              A("<sub>2</sub>", "markup", "subscript tags left in 'CO2'")],
    correct=["The team compared three treatments: unheated control plots, plots warmed by 1.5C, and plots warmed by 3C, using buried heating cables that have run continuously since 2011."],
    notes="science-news article with a reference list; the standfirst under the headline is content; citation "
          "markers [1]-[3] in the text are content. References from 2012-2023 and an experiment since 2011 are "
          "consistent with a May 2023 article: no anachronism.",
)

# ---------------------------------------------------------------- f11 food blog review with comments
MAINS = "For mains I had hake with mussels, leeks and a cider sauce, and my partner had the fish and chips, which is the dish everyone comes for. The batter was thin and crisp, the fish was pollock rather than cod, which the menu explains is the more sustainable choice locally, and the chips were cut thick, cooked in beef dripping and properly salted. They are the best chips I have had in years, and I have had a lot of chips."
T["f11"] = doc(
    boilerplate=[
        L("Second Helpings", "masthead"),
        L("eating out, eating in, and eating too much", "site tagline"),
        L("Home", "menu"), L("Reviews", "menu"), L("Recipes", "menu"), L("About", "menu"), L("Contact", "menu"),
        L("Posted on 22 April 2023 by Nell", "byline and date"),
        L("The Net Loft, The Quay, Porthlevan, Cornwall TR13 4QL. Open Wednesday to Sunday, lunch and dinner. Booking recommended.", "the reviewed restaurant's address and hours: part of the review, but contact-like", True),
        L("Filed under: Reviews, Cornwall, Seafood", "tags"),
        L("Share this:"), L("Facebook"), L("Pinterest"), L("Email"),
        L("Like this:"), L("Like Loading..."),
        L("Related", "related header"),
        L("Three days in the Scillies: where we ate", "related headline"),
        L("Bake Off week 6: saffron buns, attempted", "related headline"),
        L("3 thoughts on “The Net Loft, Porthlevan: crab, cider and the best chips on the south coast”", "comments header"),
        L("Jess Pellow 23 April 2023 at 8:12 am", "comment byline"),
        L("Nell 23 April 2023 at 9:40 am", "comment byline"),
        L("Martin H 25 April 2023 at 6:55 pm", "comment byline"),
        L("Reply", "3 occurrences"),
        L("Leave a Reply"),
        L("Your email address will not be published. Required fields are marked *"),
        L("Comment *"), L("Name *"), L("Email *"), L("Website"), L("Post Comment"),
        L("Blog at WordPress.com."),
    ],
    artifact=[A("Ã©", "mojibake", "'café' in a comment")],
    duplicate=[D(MAINS, "paragraph pasted twice")],
    notes="food-blog restaurant review with comments; comment bodies are content; 'Home-made brown bread ...' is "
          "content; 'The verdict' and its scores line are content; the short closing 'We'll be back.' is content. "
          "The body's 'café next door' is correctly encoded.",
)

# ---------------------------------------------------------------- f12 central bank (clean)
T["f12"] = doc(
    correct=["The Committee judged that three risks to the inflation outlook deserve particular attention: that pay growth remains high for longer than expected, that the weakness of productivity growth keeps firms' costs rising, and that disruption to shipping routes pushes up the price of imported goods."],
    clean=True,
    notes="central-bank policy statement, clean. Traps: 'Home prices have stabilised ...', 'Share prices have risen ...', "
          "body headings ('Risks to the outlook', 'The decision'). Projections to 2025/2026 and future publication "
          "dates are not anachronisms; 2022 peak is past.",
)

# ---------------------------------------------------------------- f13 car review
T["f13"] = doc(
    boilerplate=[
        L("DriveLine", "masthead"),
        L("New cars | Used cars | Reviews | Electric | Advice | Sell your car", "menu"),
        L("Reviews > Family SUVs > Varda", "breadcrumb"),
        L("Words: Callum Reyes | Photography: Nadia Fenn | 14 September 2023", "byline"),
        L("Advertisement"),
        L("Continue reading below", "ad-break label"),
        L("Share this review"), L("Facebook"), L("X"), L("WhatsApp"), L("Email"),
        L("Sponsored"),
        L("Compare car finance quotes from 12 lenders in 60 seconds", "sponsored link"),
        L("Read next", "related header"),
        L("Varda Estrel prices cut by £1,500 for 2024 model year", "related headline"),
        L("Best family SUVs 2023: our top 10 tested", "related headline"),
        L("Mazda CX-5 review: still the driver's choice?", "related headline"),
        L("We and our partners use cookies to personalise content and ads. Accept all | Reject all | Preferences"),
        L("© 2023 DriveLine Media Ltd. All rights reserved. Prices correct at time of publication."),
    ],
    artifact=[A("&nbsp;", "markup"), A("</td>", "markup", "stray table-cell tag in the spec table")],
    mismatch=[E("The Estrel is offered with two powertrains: a 1.0-litre mild hybrid with a manual gearbox, a 1.5-litre full hybrid and a 1.6-litre plug-in hybrid with a claimed 45 miles of electric range.", "two stated, three listed")],
    notes="car review; 'Our rating: 4 out of 5', the 'Verdict' and the 'Specifications' lines (Price:, Engine:, "
          "Power: ...) are content. Model names (Kia Sportage, Mazda CX-5) are content.",
)

# ---------------------------------------------------------------- f14 energy results
T["f14"] = doc(
    boilerplate=[
        L("Halvard Energy", "masthead"),
        L("About us | Our business | Sustainability | Investors | Media | Careers", "menu"),
        L("Investors > Results and reports > Quarterly results", "breadcrumb"),
        L("Regulatory news", "section label"),
        S("Download PDF (412 KB)", "download link glued to the headline"),
        L("26 October 2023, 07:00 GMT", "plain dateline", True),
        L("Enquiries", "contact block header", True),
        L("Investor relations: Maria Lund, +44 20 7946 0321", "contact block", True),
        L("Media: Tom Ashby, +44 20 7946 0388", "contact block", True),
        L("About Halvard Energy", "company 'about' header", True),
        L("Halvard Energy plc is an independent energy company producing oil and gas from the UK and Norwegian North Sea and generating electricity from offshore wind. It is listed on the London Stock Exchange and employs around 3,100 people.", "company 'about' paragraph", True),
        L("Forward-looking statements", "legal disclaimer header", True),
        L("This announcement contains certain forward-looking statements with respect to the financial condition, results and business of the Group. These statements involve risk and uncertainty because they relate to events and depend on circumstances that will occur in the future. Actual results may differ materially from those expressed or implied.", "legal disclaimer", True),
        L("Related news", "related header"),
        L("Halvard Energy plc: half year 2023 results", "related headline"),
        L("Ardlow wind farm reaches full power, 18 months after first turbine installed", "related headline"),
        L("Sign up for email alerts"),
        L("Cookie policy | Privacy notice | Terms of use | Modern slavery statement", "footer links"),
        L("© 2014 Halvard Energy plc. Registered in England and Wales No. 08832174. Registered office: 30 Finsbury Circus, London EC2M 7DT."),
    ],
    artifact=[A("&amp;", "markup")],
    correct=["Capital expenditure in the quarter was £398 million and was focused on three projects: the Skarv North tie-back, the Ardlow wind farm and the Teesmouth hydrogen pilot plant, which took its final investment decision in September."],
    anachronism=True,
    notes="energy company quarterly results release; the copyright footer says 2014 while the release reports Q3 2023 "
          "and compares with Q3 2022: anachronism. 'Share buyback. The £150 million ...' and 'Share prices of European "
          "integrated energy companies ...' are content; 'Highlights' bullet lines are content; the standfirst "
          "'Strong production and disciplined spending ...' is content.",
)

# ---------------------------------------------------------------- f15 library event (old page)
T["f15"] = doc(
    boilerplate=[
        L("Castlebridge Libraries", "masthead"),
        L("Text only | A A A | Contact us", "accessibility toolbar"),
        L("Home | Find a library | Catalogue | eBooks & eAudio | What's on | Local studies | Your account", "menu"),
        L("You are here: Home > What's on > Talks and workshops", "breadcrumb"),
        L("Add to calendar"), L("Book now"),
        L("Other events you may like", "related header"),
        L("Introduction to online family history, Tuesday 10 November", "related event"),
        L("Reading group: The Road Home, Wednesday 18 November", "related event"),
        L("Storytime for under-fives, every Friday at 10.30am", "related event"),
        L("Print this page"), L("Email a friend"),
        L("Follow us"), L("Facebook"), L("Twitter"), L("Flickr"),
        L("Castlebridge Libraries is a service of Castlebridge County Council.", "footer organisation line", True),
        L("Local Studies, Central Library, Victoria Square, Castlebridge CB1 4RQ", "contact block", True),
        L("Accessibility | Privacy | Terms and conditions | Site map", "footer links"),
        L("© Castlebridge County Council 2009"),
    ],
    artifact=[A("</div>", "markup", "stray closing tag on its own line")],
    correct=["The session covers four record sets: civil registration indexes from 1864, Catholic parish registers, Griffith's Valuation of the 1840s and 1850s, and the tithe applotment books."],
    notes="library event listing, legitimately old (event 17 November 2009, footer 2009): no anachronism; history dates "
          "(1864, 1887-1962, 1922) are the topic. Event detail lines (Date:, Time:, Venue:, Cost:, Suitable for:) are "
          "content; 'How to book' with its phone number and email is body content, not a contact footer.",
)

# ---------------------------------------------------------------- f16 translated Chinese industry news (clean)
T["f16"] = doc(
    correct=["For the next stage, the province will focus on three tasks: first, to accelerate the construction of 5G-A and gigabit optical networks in industrial parks; second, to cultivate a batch of industrial internet platforms with international influence; third, to deepen the application of artificial intelligence large models in research and development design, production manufacturing and operation management."],
    clean=True,
    notes="translated Chinese provincial industry news in stilted English, clean (no source/editor lines). Traps: "
          "quoted slogans ('1+N', 'No. 1 Project'), short body headings, many figures ('312 5G factories'). A target "
          "for the end of 2025 is a plan, not an anachronism.",
)

# ---------------------------------------------------------------- f17 trade-fair exhibitor page
PROFILE = "Nordkap Hydraulics designs and builds compact hydraulic power units, proportional valves and control systems for mobile machinery. Founded in 1974 in Ålesund as a repair workshop for fishing-boat winches, the company now supplies manufacturers of cranes, forestry machines and agricultural equipment in more than 30 countries."
T["f17"] = doc(
    boilerplate=[
        L("INTERMACH 2024", "masthead"),
        L("16–19 April 2024 | Exhibition Centre Leipzig-Nord", "masthead dates and venue"),
        L("Visit | Exhibit | Exhibitors & Products | Programme | Press | Tickets", "menu"),
        L("Deutsch | English", "language selector"),
        L("Exhibitor directory > N > Nordkap Hydraulics AS", "breadcrumb"),
        L("Add to my planner"), L("Contact exhibitor"), L("Show on hall plan"),
        L("Contact", "contact block header", True),
        L("Nordkap Hydraulics AS, head office", "contact block", True),
        L("Skansekaia 14, 6002 Ålesund, Norway", "contact block", True),
        L("Phone: +47 70 31 22 80", "contact block", True),
        L("www.nordkap-hydraulics.no", "contact block", True),
        L("Exhibitor data supplied by the exhibitor. The organiser accepts no liability for the accuracy of the information.", "legal disclaimer", True),
        L("Other exhibitors in Hall 6", "related header"),
        L("Brevik Fluid Power GmbH", "related exhibitor"),
        L("Castellan Seals S.p.A.", "related exhibitor"),
        L("Hydrotec Polska Sp. z o.o.", "related exhibitor"),
        L("Back to exhibitor directory"),
        L("Newsletter: stay up to date about INTERMACH"),
        L("Imprint | Data protection | Terms and conditions | Cookie settings", "footer links"),
        L("© Leipzig-Nord Exhibition GmbH 2024"),
    ],
    artifact=[A("NKH-PV40-EN", "code", "document/product code glued into a sentence")],
    correct=["On the stand visitors can see three product launches: the HPU-220X electro-hydraulic power unit, the PV-40 proportional valve series and the NordControl 3 machine controller."],
    duplicate=[D(PROFILE, "teaser paragraph repeated under 'Company profile'")],
    notes="trade-fair exhibitor page; 'Nordkap Hydraulics AS' is the title; 'Hall 6, Stand C42' is the exhibitor's "
          "stand (content); product names HPU-220X, PV-40, NordControl 3 and the 'Product categories' list are content; "
          "'What we are showing at INTERMACH 2024' is a body heading. Founded 1974 is history: no anachronism.",
)

# ---------------------------------------------------------------- f18 sports club news / fixtures
T["f18"] = doc(
    boilerplate=[
        L("Ashcombe Vale Hockey Club", "masthead"),
        L("Home | Teams | Fixtures & Results | Juniors | Social | Join us | Shop | Contact", "menu"),
        L("Log in to members' area"),
        L("Latest news", "section label"),
        L("Posted by Club Secretary on 2 September 2023", "byline"),
        L("News, Club, Seniors", "post categories (tags)"),
        L("Share on Facebook"), L("Share on X"),
        L("Older posts"), L("Newer posts"),
        L("Our sponsors", "sponsor block header"),
        L("Ashcombe Brewery", "sponsor"), L("Vale Motors", "sponsor"), L("Tremlett & Daughters Solicitors", "sponsor"),
        L("Ashcombe Vale Hockey Club is a registered Community Amateur Sports Club (CASC). HMRC reference CH41877.", "registration footer"),
        L("Affiliated to England Hockey and the West Region Hockey Association.", "footer affiliation line", True),
        L("Vale Park, Station Road, Ashcombe BS25 6LN", "contact block", True),
        L("Website by ClubSites. Privacy policy | Cookie policy"),
    ],
    artifact=[A("&#039;", "markup", "2 occurrences")],
    correct=["The club runs four senior sides this season: Men's 1s, Men's 2s, Ladies&#039; 1s and Ladies&#039; 2s."],
    notes="sports club news post with fixtures; 'Home games are played at Vale Park ...' is content; the fixture "
          "lines (Sat 9 Sep: ...) and last season's results are content; short closing 'See you on the pitch.' is "
          "content; body headings ('Senior teams', 'Subs and fees', 'Social') are content.",
)


def main():
    out = {"about": ABOUT, "docs": "docs", "documents": {}}
    ok = True
    names = sorted(p.stem for p in DOCS.glob("f*.txt"))
    assert names == sorted(T), (names, sorted(T))
    print(f"{'doc':4} {'bp':>3} {'deb':>3} {'art':>3} {'mis':>3} {'cor':>3} {'ana':>5} {'dup':>3} clean")
    for name in names:
        raw = (DOCS / f"{name}.txt").read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            print(name, "NOT UTF-8", e); ok = False; continue
        if b"\r" in raw or not raw.endswith(b"\n"):
            print(name, "line ends"); ok = False
        lines = text.split("\n")
        t = T[name]
        for b in t["boilerplate"]:
            if b["kind"] == "line":
                if b["text"] not in lines:
                    print(name, "LINE NOT FOUND:", b["text"]); ok = False
            elif b["text"] not in text:
                print(name, "SPAN NOT FOUND:", b["text"]); ok = False
        for a in t["artifact"]:
            if a["token"] not in text:
                print(name, "TOKEN NOT FOUND:", a["token"]); ok = False
        for k in ("enumeration_mismatch", "duplicate_text"):
            for e in t[k]:
                n = text.count(e["text"])
                if n < (2 if k == "duplicate_text" else 1):
                    print(name, k, "count", n, e["text"][:60]); ok = False
        for s in t["enumeration_correct"]:
            if s not in text:
                print(name, "CORRECT ENUM NOT FOUND:", s[:60]); ok = False
        if t["clean"] and (t["boilerplate"] or t["artifact"] or t["enumeration_mismatch"] or t["duplicate_text"] or t["anachronism"]):
            print(name, "clean doc has findings"); ok = False
        seen = set()
        for b in t["boilerplate"]:
            key = (b["kind"], b["text"])
            if key in seen:
                print(name, "duplicate truth item", b["text"]); ok = False
            seen.add(key)
        t["sha256"] = hashlib.sha256(raw).hexdigest()
        out["documents"][name] = t
        nd = sum(not b["debatable"] for b in t["boilerplate"])
        dd = sum(b["debatable"] for b in t["boilerplate"])
        print(f"{name:4} {nd:>3} {dd:>3} {len(t['artifact']):>3} {len(t['enumeration_mismatch']):>3} "
              f"{len(t['enumeration_correct']):>3} {str(t['anachronism']):>5} {len(t['duplicate_text']):>3} {t['clean']}")
    docs = out["documents"].values()
    print("total boilerplate non-debatable", sum(not b["debatable"] for d in docs for b in d["boilerplate"]),
          "debatable", sum(b["debatable"] for d in docs for b in d["boilerplate"]),
          "| artifacts", sum(len(d["artifact"]) for d in docs),
          "| mismatches", sum(len(d["enumeration_mismatch"]) for d in docs),
          "| correct enums", sum(len(d["enumeration_correct"]) for d in docs),
          "| anachronisms", sum(d["anachronism"] is True for d in docs),
          "| duplicates", sum(len(d["duplicate_text"]) for d in docs),
          "| clean", sum(d["clean"] for d in docs))
    if not ok:
        print("PROBLEMS FOUND; truth.json not written"); return 1
    (HERE / "truth.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", HERE / "truth.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
