#!/usr/bin/env python3
"""Build truth.json for the fifth page-quality set (docs/g01.txt ... g16.txt).

The truth is held below as Python data. The script checks that every truth text occurs in its
document ('line' = an exact full line, 'span' = a substring), that every artifact token,
enumeration sentence and duplicated text occurs (duplicates at least twice), that the files are
valid UTF-8 with Unix line ends, computes sha256 of the file bytes, writes truth.json and prints
counts.

usage: python benchmarks/pagequality/fifth/build_truth.py
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent

sys.path.insert(0, str(HERE.parent))
from truth_build import build  # noqa: E402
from truth_items import A, E, L, S, about, doc, lines  # noqa: E402

ABOUT = about("g", "fifth", "held-out and fourth")

TRUTH = {}

# ---------------------------------------------------------------- g01 regional TV news story
TRUTH["g01"] = doc(
    boilerplate=[
        L("Skip to main content"),
        L("KVRN 7 News", "masthead"),
        *lines(["Watch Live", "News", "Weather", "Traffic", "Sports", "7 Investigates", "Contests"], "menu"),
        L("Home / News / Local", "breadcrumb"),
        L("Local News", "section label"),
        L("By Dana Whitcomb", "byline"),
        L("Published: Apr. 9, 2024 at 7:15 AM CDT", "plain dateline", True),
        L("Updated: Apr. 9, 2024 at 6:42 PM CDT", "updated timestamp"),
        *lines(["Play Video", "0:00 / 2:47", "Mute", "Fullscreen"], "video player controls"),
        L("Crews stack sandbags along Riverside Drive on Tuesday morning. (Photo: KVRN)", "image caption", True),
        L("Advertisement", "ad label"),
        L("LIVE UPDATES", "live-updates box header"),
        L("6:30 PM: Riverside Drive closed between 2nd and 9th streets", "live-updates box entry"),
        L("5:55 PM: Red Cross opens shelter at Millbrook Middle School", "live-updates box entry"),
        L("4:10 PM: County emergency manager to brief reporters at 7 p.m.", "live-updates box entry"),
        L("See all updates"),
        L("Copyright 2024 KVRN. All rights reserved."),
        *lines(["Share", "Facebook", "X", "Email", "Copy link"], "share row"),
        L("Download the KVRN 7 News app for breaking news alerts", "app prompt"),
        L("Related stories", "related header"),
        L("Millbrook council approves $4.2 million for downtown levee repairs", "related headline"),
        L("First Alert Weather: 2 to 3 more inches of rain possible by Wednesday", "related headline"),
        L("Five years on, Riverside Drive businesses look back at the 2019 flood", "related headline"),
        L("KVRN 7", "station name in footer contact block", True),
        L("1200 Broadcast Plaza, Cedar Falls, IA 50613", "station address (contact block)", True),
        L("Newsroom: (319) 555-0177", "contact block", True),
        *lines(["FCC Public File", "EEO Report", "Closed Captioning / Audio Description",
                "Terms of Service", "Privacy Policy"], "footer links"),
    ],
    artifact=[A("?utm_source=kvrn&utm_medium=web&utm_campaign=flood24", "tracking",
                "UTM query string left on a URL in the prose")],
    enumeration_correct=["Sand and empty bags are available at three sites until 8 p.m. each night this week:"],
    anachronism=False,
    notes="regional TV station story with a video player, a live-updates box and a share row. 'Home "
          "insurance policies rarely cover ...' is content; 'Voluntary evacuation south of the tracks' and "
          "'Where to get sandbags' are body headings; the three sandbag sites are an in-body list (three "
          "announced, three given); the short closing 'The river is expected to fall below flood stage by "
          "Sunday.' is content. Dates are consistent (records since 1961, 2008 record, 2019 flood headline, "
          "2024 story and copyright).",
)

# ---------------------------------------------------------------- g02 statistics release
TRUTH["g02"] = doc(
    boilerplate=[
        L("Skip to main content"),
        L("Cookies on the ORS website", "cookie banner"),
        L("We use some essential cookies to make this website work. We would also like to set analytics "
          "cookies to understand how you use the site.", "cookie banner"),
        *lines(["Accept additional cookies", "Reject additional cookies", "View cookies"], "cookie banner buttons"),
        L("Office for Regional Statistics", "masthead"),
        *lines(["Menu", "Search"], "header controls"),
        *lines(["Home", "Economy", "Labour market", "Regional employment"], "breadcrumb, one item a line"),
        L("Statistical bulletin", "section label"),
        L("Release date: 14 February 2024", "plain dateline", True),
        L("Next release: 15 May 2024", "release metadata", True),
        L("Related statistics", "related header"),
        L("Labour market overview, UK: February 2024", "related statistics item"),
        L("Regional gross disposable household income: 1997 to 2022", "related statistics item"),
        L("Public sector employment: December 2023", "related statistics item"),
        L("Contact details for this statistical bulletin", "contact block", True),
        L("Labour Market Team", "contact block", True),
        L("labour.market@ors.gov.example", "contact block", True),
        L("Telephone: +44 1633 455 400", "contact block", True),
        L("Is this page useful?", "feedback prompt"),
        *lines(["Yes", "No"], "feedback prompt"),
        L("Report a problem with this page", "feedback prompt"),
        *lines(["About us", "Careers", "Accessibility", "Privacy notice"], "footer links"),
        L("All content is available under the Open Government Licence v3.0, except where otherwise stated",
          "licence footer"),
        L("© Crown copyright 2024"),
    ],
    artifact=[A("Â£", "mojibake", "pound sign read as cp1252 (three occurrences: Â£682, Â£598, Â£831)")],
    enumeration_mismatch=[E("The estimates in this bulletin give particular attention to four regions in the "
                            "northern half of the country: the North East, the North West, Yorkshire and the "
                            "Humber, the East Midlands and the West Midlands.",
                            "says four regions, lists five")],
    enumeration_correct=["Earnings growth was fastest in three regions: London, the South East and Scotland."],
    anachronism=False,
    notes="government statistical bulletin with cookie banner, breadcrumb one item a line, 'Related "
          "statistics' list and a contact block. The standfirst under the title is content. 'Home working "
          "remained most common in London ...' and 'Related changes to survey weighting ...' are content; "
          "'Main points', 'Employment by region', 'Earnings', 'Data sources and quality' are body headings. "
          "A 2024 release about Oct-Dec 2023 citing a 1997 to 2022 series is consistent.",
)

# ---------------------------------------------------------------- g03 README on a code host
TRUTH["g03"] = doc(
    boilerplate=[
        L("Skip to content"),
        *lines(["Navigation Menu", "Product", "Solutions", "Open Source", "Pricing", "Search or jump to...",
                "Sign in", "Sign up"], "site header/menu"),
        L("tallyhq / pgtally", "repository header"),
        *lines(["Public", "Notifications", "Fork 83", "Star 1.2k"], "repository header controls"),
        *lines(["Code", "Issues 41", "Pull requests 7", "Actions", "Wiki", "Security", "Insights"],
               "repository tabs ('Security' also in the footer row)"),
        *lines(["main", "Go to file", "README.md"], "file browser chrome"),
        L("CI PyPI License: MIT", "badge alt text at the top of the README", True),
        L("About", "repository sidebar header"),
        L("Prometheus exporter for per-table PostgreSQL statistics", "repository sidebar description", True),
        *lines(["Readme", "MIT license", "Activity", "1.2k stars", "19 watching", "83 forks", "Releases 27",
                "v2.4.1 Latest", "Mar 2, 2024", "+ 26 releases", "Contributors 34", "Languages",
                "Python 91.2%", "Shell 6.1%", "Dockerfile 2.7%"], "repository sidebar"),
        L("Footer", "screen-reader footer heading"),
        L("© 2024 GitHub, Inc."),
        *lines(["Terms", "Privacy", "Status", "Docs", "Contact"], "footer links"),
    ],
    artifact=[A("<br>", "markup", "raw HTML line break glued between two sentences")],
    enumeration_correct=["pgtally exports five groups of metrics:"],
    anachronism=False,
    duplicate_text=[E("Running pgtally behind a reverse proxy", "section heading rendered twice")],
    notes="open-source README rendered on a code-hosting page. The README itself (title 'pgtally', "
          "headings, the five-item metrics list, command lines, the paragraph on copyright of contributed "
          "code, and 'Share your dashboards ...') is content. Project started 2016, release Mar 2024, "
          "footer 2024: consistent.",
)

# ---------------------------------------------------------------- g04 union press release (clean)
TRUTH["g04"] = doc(
    enumeration_correct=["The union has set out three demands in a letter to the managing director:"],
    anachronism=False,
    clean=True,
    notes="clean: trade union press release, title and body only. 'What the union is asking for' is a "
          "body heading; the three demands are an in-body list (three announced, three given). 'Home to "
          "most of the company's drivers, ...' and 'Share buybacks and dividends ...' are content; the "
          "closing 'Ballot result: 412 members balloted. Turnout: 78 per cent. ...' is a line of facts.",
)

# ---------------------------------------------------------------- g05 encyclopedia article
TRUTH["g05"] = doc(
    boilerplate=[
        *lines(["Jump to content", "Main menu", "Search", "Donate", "Create account", "Log in"], "site header"),
        *lines(["Contents", "hide", "(Top)", "History", "Route", "Closure and remains", "References"],
               "table-of-contents sidebar (the body headings carry '[edit]', so these exact lines are the sidebar)"),
        L("3 languages", "language switcher"),
        *lines(["Article", "Talk", "Read", "Edit", "View history", "Tools"], "page tabs"),
        L("From Openpedia, the free encyclopedia", "site tagline"),
        S("[edit]", "edit link glued to each section heading"),
        L("References[edit]", "reference list heading", True),
        L("^ Baxter, R. (1978). The Tramways of the Moorshire Hills. Oakwood. p. 14.", "reference list", True),
        L("^ Hallam Moor Lime Company, Annual Report (1861), quoted in Baxter (1978), p. 31.", "reference list", True),
        L("^ \"Old tramway rails sold for war effort\". Moorshire Advertiser. 14 March 1916. p. 3.",
          "reference list", True),
        L("Retrieved from \"https://en.openpedia.example/w/index.php?title=Hallam_Moor_Tramway&oldid=1183311042\""),
        L("Categories: Horse-drawn railways in England | Transport in Moorshire | Railway lines opened in 1847 | "
          "Railway lines closed in 1912", "categories (tags)"),
        L("This page was last edited on 3 November 2023, at 14:12 (UTC).", "last-edited footer"),
        L("Text is available under the Creative Commons Attribution-ShareAlike License 4.0; additional terms may apply.",
          "licence footer"),
        *lines(["Privacy policy", "About Openpedia", "Disclaimers", "Contact Openpedia", "Code of Conduct",
                "Developers", "Mobile view"], "footer links"),
    ],
    artifact=[
        A("Ã©", "mojibake", "é read as cp1252 ('CafÃ©')"),
        A("[1]", "footnote marker", "citation marker in running text", True),
        A("[2]", "footnote marker", "citation marker in running text", True),
        A("[3]", "footnote marker", "citation marker in running text", True),
    ],
    enumeration_correct=["From the quarry sidings the line descended through four intermediate stopping places: "
                         "Top Lane, Scarth Bank, Nether Hallam and Brindle Mill."],
    anachronism=False,
    notes="encyclopedia-like article with '[edit]' glued to headings (span) and a references list "
          "(debatable). Legitimately old subject (1845-1916 events) on a page last edited in 2023: not an "
          "anachronism. 'Home of the company's horses ...' is content; the article title line is content.",
)

# ---------------------------------------------------------------- g06 hotel listing
TRUTH["g06"] = doc(
    boilerplate=[
        L("Stayfinder.com", "masthead"),
        L("We use cookies to give you the best experience and to show you relevant offers. By clicking "
          "\"Accept\" you agree to our use of cookies.", "cookie banner"),
        *lines(["Accept", "Manage settings"], "cookie banner buttons"),
        L("GBP", "currency selector"),
        *lines(["List your property", "Register", "Sign in", "Stays", "Flights", "Car rental", "Attractions",
                "Airport taxis"], "site header/menu"),
        L("Home > Portugal > Porto District > Porto > Casa do Ribeiro Boutique Hotel", "breadcrumb"),
        *lines(["Overview", "Info & prices", "Facilities", "House rules", "Guest reviews (1,248)"], "page tabs"),
        L("Rua da Fonte Taurina 34, Ribeira, 4050-262 Porto, Portugal", "property address", True),
        L("Excellent location – show map", "map link"),
        *lines(["Reserve", "We Price Match"], "booking buttons"),
        L("Couples particularly like the location – they rated it 9.6 for a two-person trip.",
          "templated rating widget sentence", True),
        *lines(["Availability", "Select dates to see this property's availability and prices",
                "Check-in date — Check-out date", "2 adults · 0 children · 1 room", "Search"], "booking widget"),
        *lines(["Fabulous · 8.9", "1,248 reviews", "Staff 9.4", "Cleanliness 9.1", "Location 9.6",
                "Value for money 8.5"], "review score widget", True),
        L("Guest reviews", "reviews widget header", True),
        *lines(["Marta", "Spain", "Stayed in May 2024", "Thomas", "Germany", "Stayed in April 2024"],
               "review author/date lines"),
        L("Read all reviews"),
        L("Did this page help you?", "feedback prompt"),
        *lines(["Yes", "No"], "feedback prompt"),
        *lines(["About Stayfinder", "Customer Service help", "Partner help", "Careers", "Terms & Conditions",
                "Privacy & Cookie Statement"], "footer links"),
        L("Copyright © 1996–2024 Stayfinder™. All rights reserved."),
    ],
    artifact=[A("&quot;", "markup", "HTML entity for quotation marks inside a review (two occurrences)")],
    enumeration_correct=["The hotel offers three room types, all with a private bathroom:"],
    anachronism=False,
    notes="hotel listing on a booking site. The hotel name line, the description, 'Home-made pastries ...', "
          "the 'Most popular facilities' list, the three room-type lines, the review texts and the house "
          "rules are content; 'Room types' and 'House rules at Casa do Ribeiro' are body headings (the tab "
          "'House rules' is a different line); the reviews header 'Guest reviews' is debatable. Building of 1887 restored 2018, reviews "
          "2024, copyright 1996–2024: consistent.",
)

# ---------------------------------------------------------------- g07 pharmacy product page
TRUTH["g07"] = doc(
    boilerplate=[
        L("Free standard delivery on orders over £25", "promo banner"),
        L("Click & Collect from over 300 stores", "promo banner"),
        L("Wellpoint Pharmacy", "masthead"),
        L("Search products, brands and conditions", "search box"),
        *lines(["Sign in", "Basket (0)"], "header controls"),
        *lines(["Health", "Beauty", "Baby & Child", "Vitamins & Supplements", "Prescriptions", "Offers"],
               "menu ('Health' also in the breadcrumb)"),
        *lines(["Home", "Pain Relief", "Ibuprofen"], "breadcrumb, one item a line"),
        L("4.3 out of 5 stars (218 reviews)", "rating widget", True),
        *lines(["Quantity", "1", "Add to basket", "Save to list"], "shop widget"),
        L("This is a pharmacy medicine. You will be asked a few short questions at checkout to make sure it is "
          "suitable for you.", "checkout notice", True),
        L("Always read the label.", "statutory advertising statement / legal disclaimer", True),
        L("Customer reviews", "reviews widget header", True),
        L("4.3 out of 5 stars", "rating widget", True),
        L("Sue, Kent", "review author line"),
        L("Posted 12 February 2024", "review date line"),
        L("Was this review helpful? Yes (14) No (1)", "review feedback prompt"),
        L("Customers also bought", "related header"),
        L("Medira Paracetamol 500mg Tablets – 16 Tablets £0.79", "related product"),
        L("Wellpoint Cold & Flu Relief Capsules – 16 Capsules £2.49", "related product"),
        L("Medira Ibuprofen Gel 5% – 50g £4.25", "related product"),
        *lines(["Help", "Delivery information", "Returns", "Store locator", "Contact us"], "footer links"),
        L("Wellpoint Pharmacy Ltd. Registered in England and Wales, company number 07761234. Registered office: "
          "3 Canal Walk, Reading RG1 3BA.", "company registration footer"),
        L("GPhC registered pharmacy number 9011447. Superintendent Pharmacist: Priya Nandakumar MPharm.",
          "pharmacy registration footer"),
        L("© 2024 Wellpoint Pharmacy Ltd"),
    ],
    artifact=[A("WP1048825", "product code", "item code glued to the end of the description ('swallow.WP1048825')")],
    anachronism=False,
    notes="pharmacy product page. Product name, 'Brand: Medira', prices, description, directions, the "
          "warnings list, ingredients, 'Limited to two packs per order ...' and 'Home delivery of pharmacy "
          "medicines ...' are content; 'Product details', 'Directions', 'Warnings', 'Ingredients' are body "
          "headings; the review title 'Works fast' and review text are content.",
)

# ---------------------------------------------------------------- g08 parish newsletter (PDF)
TRUTH["g08"] = doc(
    boilerplate=[
        L("St Aldhelm's Parish News", "masthead"),
        L("Serving Upper Widcombe, Lower Widcombe and Pensford Green", "masthead tagline"),
        L("Spring 2009 · Issue 112 · Free", "cover metadata", True),
        L("St Aldhelm's Parish News · Spring 2009", "running header of the PDF conversion (twice)"),
        L("Page 2", "page number"),
        L("Page 3", "page number"),
        L("Copy deadline for the Summer issue: Friday 15 May. Contributions to the Parish Office or by email.",
          "editorial notice of the newsletter", True),
        L("Parish Office", "contact block", True),
        L("The Old School, Church Lane, Pensford Green BS39 4AU", "contact block", True),
        L("Tel. 01275 830 216", "contact block", True),
        L("parishoffice@staldhelms.org.uk", "contact block", True),
        L("Open Tuesday and Thursday, 10am to 12 noon", "contact block", True),
        L("St Aldhelm's Parochial Church Council is a registered charity, No. 1131402.", "charity registration footer"),
        L("Printed by Widcombe Print Co., Unit 4, Mill Lane Industrial Estate.", "printer's imprint"),
    ],
    artifact=[A("ﬂ", "ligature", "PDF ligature character U+FB02 in 'ﬂower'/'ﬂowers'; text still readable", True)],
    enumeration_correct=["Soup and bread will be served after the 11 o'clock service on five Wednesdays in Lent, "
                         "with all donations going to the Widcombe Food Bank:"],
    anachronism=False,
    notes="parish newsletter converted from PDF, legitimately old (Spring 2009; weekdays match 2009). The "
          "vicar's letter with 'Dear friends,' and the sign-off, 'Home Communion will continue ...', the "
          "five lunch date lines, 'Registers' with baptism/funeral lines and the short section headings "
          "are content.",
)

# ---------------------------------------------------------------- g09 university research news (clean)
TRUTH["g09"] = doc(
    enumeration_correct=[
        "The study was funded by three bodies: the Coastal Research Council, the Harwell Foundation and the "
        "regional flood authority.",
        "The researchers found two pronounced clusters, one in the late thirteenth and early fourteenth "
        "centuries and another between about 1550 and 1630.",
    ],
    anachronism=False,
    clean=True,
    notes="clean: university research news item, title and body only. 'Related work by the same group, "
          "published in 2022, ...' is content; 'Clusters of storms' and 'What it means for flood planning' "
          "are body headings; the closing 'The team plans to sample two further marshes this summer.' is "
          "content. Historical dates (1953 surge, medieval storms) are legitimate.",
)

# ---------------------------------------------------------------- g10 logistics blog (translated)
TRUTH["g10"] = doc(
    boilerplate=[
        L("Hongtu Supply Chain", "masthead"),
        L("Home | Solutions | Success Cases | News Center | About Us | Contact Us | 中文", "menu"),
        L("Your current location: Home > News Center > Industry News", "breadcrumb"),
        L("Industry News", "section label"),
        L("Release time: 2023-08-16    Source: Marketing Department    Views: 1,326",
          "dateline with source and view counter"),
        L("Figure 1 Overall architecture of the smart warehouse IoT platform", "figure caption", True),
        L("Figure 2 Comparison of key indicators before and after the transformation", "figure caption", True),
        L("Previous: Hongtu Supply Chain won the title of \"Excellent Logistics Enterprise of Jiangsu Province in 2022\"",
          "previous-article link"),
        L("Next: How to choose cold chain packaging for fresh e-commerce? 5 points you must know", "next-article link"),
        L("Related news", "related header"),
        L("Five trends of warehouse automation in 2023", "related headline"),
        L("Hongtu signed a strategic cooperation agreement with a new energy vehicle parts manufacturer",
          "related headline"),
        L("Online Message", "footer widget"),
        L("Tel: 0512-6688 1234", "contact block", True),
        L("Address: No. 88 Suhong East Road, Suzhou Industrial Park, Jiangsu Province", "contact block", True),
        L("Copyright © 2023 Suzhou Hongtu Supply Chain Management Co., Ltd. All Rights Reserved"),
        L("苏ICP备12034567号-1", "website registration (ICP) footer"),
        L("Technical support: Suzhou Web Design", "web designer credit"),
    ],
    artifact=[
        A("<span style=\"font-size:14px;\">", "markup", "stray opening tag glued to the first paragraph"),
        A("</span>", "markup", "stray closing tag at the end of the first paragraph"),
        A("&nbsp;", "markup", "non-breaking-space entity ('Of course,&nbsp;the')"),
    ],
    enumeration_mismatch=[E("The IoT platform brings three major changes to warehouse operations.",
                            "announces three changes; four long parallel paragraphs follow (First ... Fourth)")],
    enumeration_correct=["The smart warehouse IoT platform consists of four layers: perception layer, network layer, "
                         "platform layer and application layer."],
    anachronism=False,
    notes="logistics company blog on industrial IoT in warehouses, translated-from-Chinese style, with "
          "numbered body headings, figure captions (debatable) and a data table (content: 'Indicator | Before "
          "| After' and its rows). 2021 start, 2022 award, 2023 release and copyright: consistent.",
)

# ---------------------------------------------------------------- g11 wire story on a portal
TRUTH["g11"] = doc(
    boilerplate=[
        L("Newsline", "portal masthead"),
        *lines(["Mail", "News", "Finance", "Sport", "Entertainment", "Life", "Weather", "Sign in"], "portal menu"),
        L("Finance › Markets", "breadcrumb"),
        L("Meridian Press", "wire source label"),
        L("Tomasz Wrona and Elise Marchetti", "byline"),
        L("Updated Tue, 10 September 2024 at 4:31 pm", "updated timestamp"),
        L("3 min read", "reading time"),
        S("Advertisement", "ad label glued to the end of a paragraph"),
        L("Story continues", "read-more control"),
        L("(Reporting by Tomasz Wrona in Gdansk and Elise Marchetti in Vilnius; Editing by Mark Dunne)",
          "wire credit line (byline)"),
        L("Sponsored", "ad label"),
        *lines(["Terms and Privacy Policy", "Privacy dashboard"], "portal links"),
        L("Join the conversation", "comment prompt"),
        L("Comments (48)", "comment UI"),
        L("Get the Newsline app for breaking news on the go", "app prompt"),
        L("More from Meridian Press", "more-from header"),
        L("Oil prices edge lower as supply concerns ease", "more-from headline"),
        L("Lithuania's central bank holds key rate at 3.75% for third month", "more-from headline"),
        L("Trending now", "trending header"),
        L("1. Pension triple lock: what the 2025 rise means for you", "trending headline"),
        L("2. Storm warning: 80mph winds forecast for western coasts", "trending headline"),
        L("3. Five supermarket swaps that cut a family's bill by £600 a year", "trending headline"),
        *lines(["About our ads", "Terms", "Privacy", "Help"], "footer links"),
        L("© 2024 Newsline. All rights reserved."),
    ],
    artifact=[A("â€”", "mojibake", "em dash read as cp1252 in the dateline")],
    anachronism=False,
    duplicate_text=[E("The strike had affected about a fifth of container capacity on the Baltic. Shipping lines "
                      "diverted some calls to Rostock and Aarhus, and freight forwarders reported delays of up to "
                      "a week for cargo bound for Poland, Lithuania and Belarus.",
                      "paragraph pasted twice around the 'Story continues' break")],
    notes="wire story syndicated on a portal. 'Share prices of Baltic Container Terminals ...' is content; the "
          "headline is content. 10 September 2024 was a Tuesday; July 2025 pay step, 2022/2023 strikes and "
          "1998 stoppage are consistent.",
)

# ---------------------------------------------------------------- g12 manufacturer results page
TRUTH["g12"] = doc(
    boilerplate=[
        L("Calder Precision Group plc", "masthead"),
        *lines(["About us", "Our businesses", "Investors", "Sustainability", "Careers", "Media"],
               "menu ('Investors' also as section header)"),
        *lines(["Results, reports and presentations", "Regulatory news", "Share price", "Shareholder information",
                "Financial calendar"], "investor sub-menu"),
        L("Home / Investors / Results, reports and presentations", "breadcrumb"),
        L("Published 27 February 2022", "plain dateline (contradicts the 2023 results it dates)", True),
        L("Download the full announcement (PDF, 1.2MB)", "download link"),
        L("Results presentation (PDF, 3.4MB)", "download link"),
        L("Webcast replay", "download link"),
        L("Cautionary statement", "forward-looking statements heading", True),
        L("This announcement contains certain forward-looking statements. These statements are made by the "
          "Directors in good faith based on the information available to them up to the time of their approval "
          "of this announcement, and should be treated with caution due to the inherent uncertainties underlying "
          "any such forward-looking information.", "forward-looking statements", True),
        L("About Calder Precision Group", "about-the-company heading", True),
        L("Calder Precision Group plc is a listed engineering group headquartered in Brighouse, West Yorkshire. "
          "It employs around 2,900 people at 17 sites in nine countries.", "about-the-company paragraph", True),
        L("Latest news", "related header"),
        L("Calder Precision wins £22m actuator contract for regional jet programme", "related headline"),
        L("Directorate change: appointment of Chief Financial Officer", "related headline"),
        L("Investor contacts", "contact block", True),
        L("Calder Precision Group plc: Helen Marsh, Chief Executive; Robert Ashdown, Chief Financial Officer. "
          "Tel: +44 (0)1484 712 000", "contact block", True),
        *lines(["Cookie settings", "Legal notices", "Modern Slavery Statement", "Accessibility"], "footer links"),
        L("© Calder Precision Group plc 2024"),
        L("Registered in England and Wales No. 00412876. Registered office: Calder Works, Huddersfield Road, "
          "Brighouse HD6 1QT.", "company registration footer"),
    ],
    artifact=[A("&amp;", "markup", "HTML entity in 'R&amp;D'")],
    enumeration_correct=["Revenue grew in all three divisions: Motion Systems, Fluid Power and Aerospace Components."],
    anachronism=True,
    notes="manufacturer's full-year results page. Anachronism: the page is dated 'Published 27 February 2022' "
          "but announces results for the year ended 31 December 2023 and reports trading in the first seven "
          "weeks of 2024 (footer © 2024). The highlights list with figures, the subheadline 'Strong second "
          "half and record order book' and body headings are content.",
)

# ---------------------------------------------------------------- g13 museum exhibition (clean)
TRUTH["g13"] = doc(
    enumeration_correct=["The exhibition highlights three objects in particular: a christening shawl made in Unst in "
                         "1908 and used by four generations of the same family; a set of hand-drawn pattern charts "
                         "kept by the knitter Agnes Jamieson between 1931 and 1952; and a cardigan that travelled "
                         "to the Antarctic with a whaling crew in 1949, lent by a private collector."],
    anachronism=False,
    clean=True,
    notes="clean: museum exhibition page, title and body only. 'Home, for many of the makers shown here, ...' "
          "is content; 'Fair Isle and beyond' and 'Three objects to look out for' are body headings; the "
          "short 'The exhibition is suitable for all ages.' and the closing event-detail line 'Dates: ... "
          "Admission: £12 ...' are content. Historical dates 1900-1970s are legitimate.",
)

# ---------------------------------------------------------------- g14 job advert
TRUTH["g14"] = doc(
    boilerplate=[
        L("Jobsbridge", "masthead"),
        *lines(["Find jobs", "Company reviews", "Salary guide", "Career advice", "Post a job", "Sign in"], "menu"),
        L("Back to search results", "navigation link"),
        L("Posted 3 days ago", "plain dateline", True),
        *lines(["Apply now", "Save job"], "job-board buttons ('Apply now' twice)"),
        L("We are an equal opportunities employer and welcome applications from all sections of the community. "
          "We are happy to talk about reasonable adjustments at any stage of the application process.",
          "equal-opportunity statement", True),
        L("Share this job", "share row"),
        *lines(["Facebook", "LinkedIn", "Email"], "share row"),
        L("Report this job"),
        L("Similar jobs", "related header"),
        L("Field Ecologist – Ecology Consultancy, Harrogate – £28,000 – £33,000", "similar job"),
        L("Water Quality Scientist – Northern Rivers Trust, York – £35,000", "similar job"),
        L("Laboratory Technician – Sampling Services Ltd, Bradford – £24,500", "similar job"),
        L("Create a job alert for Environmental Monitoring Technician jobs in Leeds", "alert prompt"),
        L("Jobsbridge is a trading name of Jobsbridge Media Ltd, registered in England and Wales No. 09388120.",
          "company registration footer"),
        L("© 2024 Jobsbridge Media Ltd"),
        *lines(["Terms", "Privacy", "Cookies"], "footer links"),
    ],
    artifact=[A("</li>", "markup", "stray closing list tag at the end of a bullet")],
    enumeration_mismatch=[E("In this role you will have six core responsibilities:",
                            "announces six; five long parallel bullet items follow")],
    enumeration_correct=["The role is based at our two depots, in Leeds and Wakefield, and involves a lot of time "
                         "outdoors in all weathers."],
    anachronism=False,
    notes="job advert on a job board. Job title, employer, location, salary, contract type and 'Job "
          "reference: ...' lines are content (job details); 'Related experience in the water industry ...' is "
          "content; 'Closing date: 30 June. ...' is content; headings 'About the role', 'What you'll do', "
          "'What we're looking for', 'What we offer' are body headings.",
)

# ---------------------------------------------------------------- g15 sports federation (clean)
TRUTH["g15"] = doc(
    enumeration_correct=["Five titles were decided on the final day:"],
    anachronism=False,
    clean=True,
    notes="clean: sports federation announcement, title and body only. 'Results' is a body heading and the "
          "five result lines are content (five announced, five given); 'Home internationals will be played "
          "in Cardiff this year, ...' is content; the last line 'Entries: 612. Clubs represented: 87. "
          "Attendance over six days: 2,104.' is a line of facts, content.",
)

# ---------------------------------------------------------------- g16 recipe blog with comments
TRUTH["g16"] = doc(
    boilerplate=[
        L("Skip to content"),
        L("The Crooked Spoon", "masthead"),
        L("Seasonal cooking from a hillside kitchen", "site tagline"),
        *lines(["Recipes", "Baking", "Preserves", "About", "Contact"], "menu"),
        L("Home » Preserves » Pear Chutney", "breadcrumb"),
        L("Posted on October 9, 2016 by Nell Harrow", "byline with date"),
        L("This post may contain affiliate links. Please read my disclosure policy.", "affiliate disclosure", True),
        *lines(["Jump to Recipe", "Print Recipe"], "recipe buttons"),
        L("ADVERTISEMENT", "ad label"),
        L("Keywords: chutney, pears, preserves, Christmas gifts", "tags"),
        L("Did you make this recipe? Tag @crookedspoonkitchen on Instagram!", "social prompt"),
        *lines(["Share", "Pin", "Tweet", "Email"], "share row"),
        L("Read next", "read-next header"),
        L("Green Tomato Chutney (my 10-minute prep method)", "read-next headline"),
        L("Crab Apple Jelly with Rosemary", "read-next headline"),
        L("The 5 preserves I make every single year", "read-next headline"),
        L("2 Comments", "comment UI"),
        *lines(["Margaret", "October 11, 2016 at 8:14 am", "Nell Harrow", "October 11, 2016 at 7:52 pm"],
               "comment author/date lines"),
        L("Reply", "comment UI (twice)"),
        L("Leave a Reply", "comment form"),
        L("Your email address will not be published. Required fields are marked *", "comment form"),
        *lines(["Comment *", "Name *", "Email *", "Website",
                "Save my name, email, and website in this browser for the next time I comment.", "Post Comment"],
               "comment form"),
        L("Get new recipes in your inbox every Sunday", "newsletter prompt"),
        L("Subscribe", "newsletter prompt"),
        L("As an Amazon Associate I earn from qualifying purchases.", "affiliate disclosure", True),
        L("© 2016 The Crooked Spoon · Privacy Policy"),
    ],
    artifact=[A("Â½", "mojibake", "½ read as cp1252 in the ingredient list")],
    enumeration_correct=["You'll need three things besides the ingredients: a heavy-based pan that holds at least "
                         "four litres, a long wooden spoon and six clean jars with vinegar-proof lids."],
    anachronism=True,
    notes="recipe blog post with comments. Anachronism: posted October 9, 2016 (comments October 2016, footer "
          "© 2016) but the author says she has made the chutney 'every autumn since we moved to the farmhouse "
          "in 2019'. The recipe card (title 'Pear and Ginger Chutney with Chilli', times, yield, ingredients, "
          "instructions) and the comment texts are content; 'A few notes before you start' is a body heading.",
)


# ---------------------------------------------------------------- checks and output
def main():
    return build(HERE, TRUTH, ABOUT, "g")


if __name__ == "__main__":
    sys.exit(main())
