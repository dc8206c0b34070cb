#!/usr/bin/env python3
"""Build truth.json for the sixth page-quality set (docs/h01.txt ... h16.txt).

The truth is held below as Python data. The script checks that every truth text occurs in its
document ('line' = an exact full line, 'span' = a substring), that every artifact token,
enumeration sentence and duplicated text occurs (duplicates at least twice), that the files are
valid UTF-8 with Unix line ends, computes sha256 of the file bytes, writes truth.json and prints
counts.

usage: python benchmarks/pagequality/sixth/build_truth.py
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent

sys.path.insert(0, str(HERE.parent))
from truth_build import build  # noqa: E402
from truth_items import A, E, L, S, about, doc, lines  # noqa: E402

ABOUT = about("h", "sixth", "held-out, fourth and fifth")

TRUTH = {}

# ---------------------------------------------------------------- h01 local court report, regional paper
TRUTH["h01"] = doc(
    boilerplate=[
        L("Skip to content"),
        L("The Wensleydale Courier", "masthead"),
        L("Your Dales, your news since 1884", "site tagline"),
        *lines(["Subscribe", "Sign in"], "account links"),
        *lines(["News", "Sport", "What's On", "Property", "Jobs", "Announcements"], "menu"),
        L("Home › News › Crime & Courts", "breadcrumb"),
        L("Crime & Courts", "section label"),
        L("By Harriet Oakes, Court Reporter", "byline"),
        L("Published 14 November 2024", "plain dateline", True),
        L("Updated 15 November 2024, 9:02am", "updated timestamp"),
        L("3 min read", "reading time"),
        L("The bus shelter on Harmby Road after the crash. Picture: North Yorkshire Police", "image caption", True),
        L("Advertisement", "ad label"),
        L("Share this article", "share row"),
        *lines(["Facebook", "X", "WhatsApp", "Email"], "share row"),
        L("Tags", "tags header"),
        *lines(["Leyburn", "Teesside Crown Court", "Drink driving"], "tags"),
        L("More from Crime & Courts", "more-from header"),
        *lines(["Bedale man fined £660 for fly-tipping sofa in Thornton Watlass lane",
                "Hawes shop owner cleared of selling out-of-date baby formula",
                "Police appeal after quad bike stolen from farm near Askrigg"], "more-from headline"),
        L("Comments are closed on court reports for legal reasons.", "comment-section notice"),
        L("Get the Courier's morning briefing in your inbox", "newsletter banner"),
        L("Sign up", "newsletter banner button"),
        L("© 2024 Dales Media Group Ltd. Registered in England and Wales No. 04417795. Registered office: 12 "
          "Market Place, Leyburn DL8 5BD", "copyright and company registration footer"),
        *lines(["Contact us", "Advertise", "Privacy", "Terms & Conditions", "IPSO regulated"], "footer links"),
    ],
    artifact=[
        A("&#8217;", "html_entity", "numeric entity for a right single quote in 'Ellwood's'"),
        A("<em>", "markup", "stray opening tag left in the text"),
        A("</em>", "markup", "stray closing tag left in the text"),
    ],
    enumeration_mismatch=[
        E("He admitted four offences: dangerous driving, driving with excess alcohol and failing to stop after a "
          "collision.", "four announced, three listed"),
    ],
    enumeration_correct=[
        "Judge Alison Farrar said three things aggravated the offence: the level of alcohol, the fact that he was "
        "driving for work, and his decision to leave the scene.",
    ],
    anachronism=False,
    duplicate_text=[
        E("Mitigating, Peter Haines said his client had been sober for five months and had lost his job with the "
          "courier firm that employed him. He said Ellwood had written a letter of apology to North Yorkshire "
          "Council and offered to pay for the shelter in instalments.", "mitigation paragraph pasted twice"),
    ],
    notes="court report in a regional paper. Traps: 'Related charges of driving without insurance were left to lie "
          "on file.' is content (starts like a related-articles header); 'fitted with an electronic tag' is content "
          "(not a tags block); the tags block ('Tags', 'Leyburn', ...) is furniture. The driving-without-insurance "
          "charge does not repair the 'four offences' sentence (it was not admitted). Dates consistent: paper since "
          "1884, previous conviction 2016, crash 2 June 2024, sentence and copyright November 2024.",
)

# ---------------------------------------------------------------- h02 estate agent's monthly market update
TRUTH["h02"] = doc(
    boilerplate=[
        L("We use cookies to give you the best experience on our website. By continuing to browse you agree to our "
          "use of cookies.", "cookie banner"),
        *lines(["Accept all", "Manage settings"], "cookie banner buttons"),
        L("Hartwell & Crane Estate Agents", "masthead"),
        L("Sales, lettings and valuations across north Bristol", "site tagline"),
        L("Call 0117 496 0321", "header call button (contact)", True),
        L("Book a valuation", "header button"),
        *lines(["Buy", "Rent", "Sell", "Landlords", "About us", "Blog", "Contact"], "menu"),
        L("Blog / Market updates", "breadcrumb"),
        L("Posted on 8 January 2025 by Sophie Crane", "byline"),
        L("Market updates", "category label"),
        L("4 min read", "reading time"),
        L("Share this post", "share row"),
        *lines(["Facebook", "LinkedIn", "Email"], "share row"),
        L("Previous post: Why November's rate cut matters for Bristol landlords", "previous/next link"),
        L("Next post: Five questions to ask before you instruct an estate agent", "previous/next link"),
        L("Get our monthly market update by email", "newsletter banner"),
        L("Your email address", "newsletter form field"),
        L("Subscribe", "newsletter button"),
        L("Hartwell & Crane Estate Agents, 214 Gloucester Road, Bristol BS7 8NU", "address", True),
        L("Hartwell & Crane is a trading name of H&C Property Services Ltd, registered in England and Wales No. "
          "09876512.", "company registration footer"),
        L("Member of The Property Ombudsman. Client money protected by Propertymark.",
          "redress-scheme membership line in the footer", True),
        L("© 2024 Hartwell & Crane. All rights reserved.", "copyright"),
        *lines(["Privacy policy", "Cookie policy", "Complaints procedure"], "footer links"),
    ],
    artifact=[
        A("Â£", "mojibake", "UTF-8 pound sign decoded as Latin-1 (every price in the body)"),
        A("&nbsp;", "html_entity", "non-breaking-space entity in '34&nbsp;days'"),
    ],
    enumeration_correct=[
        "Three areas outperformed the wider market: Horfield, Bishopston and Westbury-on-Trym.",
        "We expect two things to shape the spring market: the stamp duty deadline on 1 April and the usual surge of "
        "new listings after the Christmas break.",
    ],
    anachronism="debatable",
    notes="estate agent's monthly market blog. Anachronism debatable: posted 8 January 2025 while the footer says "
          "© 2024 (a footer not yet rolled over in early January; a tool could flag it or not). The 1 April 2025 stamp "
          "duty change is a future scheduled date, not an anachronism. Traps: 'Share of first-time buyers', 'Mortgage "
          "rates', 'How the neighbourhoods compared' and 'What this means for sellers' are body headings; the closing "
          "'If you are thinking of selling this spring, ...' is a content sign-off, not the 'Book a valuation' button.",
)

# ---------------------------------------------------------------- h03 government public consultation page
TRUTH["h03"] = doc(
    boilerplate=[
        L("This website uses cookies. Some are essential to make the site work; others help us understand how people "
          "use it.", "cookie banner"),
        *lines(["Cookie settings", "OK"], "cookie banner buttons"),
        L("Skip to main content"),
        L("Department for Homes and Energy Efficiency", "masthead"),
        *lines(["Search", "Menu"], "header controls"),
        L("Home › Housing, local and community › Landlord and tenant rights", "breadcrumb"),
        L("Consultation", "section label"),
        L("From: Department for Homes and Energy Efficiency", "organisation byline"),
        L("Published 9 December 2024", "plain dateline", True),
        L("Last updated 16 December 2024 — added an easy read version", "updated timestamp"),
        L("This consultation closes at 11:59pm on 14 March 2025", "status banner (also an event detail line)", True),
        L("Respond online", "button (top and bottom)"),
        L("Documents", "attachment block header", True),
        L("Raising minimum energy efficiency standards in the private rented sector: consultation document",
          "attachment link title", True),
        L("PDF, 1.4 MB, 72 pages", "attachment metadata", True),
        L("Print this page", "print link"),
        L("Share this page", "share link"),
        L("Is this page useful?", "helpful prompt"),
        *lines(["Yes", "No"], "helpful prompt buttons"),
        L("Report a problem with this page", "helpful prompt link"),
        *lines(["Help", "Privacy", "Cookies", "Accessibility statement", "Contact", "Terms and conditions"],
               "footer links"),
        L("All content is available under the Open Government Licence v3.0, except where otherwise stated",
          "licence footer"),
        L("© Crown copyright", "copyright"),
    ],
    artifact=[
        A("&#160;", "html_entity", "numeric non-breaking-space entity in '4.6&#160;million'"),
    ],
    enumeration_correct=[
        "The consultation asks for views on four proposals: raising the minimum standard to EPC band C, a cost cap "
        "of £10,000 per property, a phased timetable ending in 2030, and a single online exemptions service.",
        "Responses can be submitted in three ways: by completing the online survey, by email, or by post to the "
        "address given in the consultation document.",
    ],
    anachronism=False,
    notes="government consultation page. Traps: 'Consultation description', 'What we are proposing', 'Who we want to "
          "hear from', 'How to respond' and 'What happens next' are body headings, not menu items; 'Print copies of "
          "the consultation document ...' is content, not the 'Print this page' link; the paragraph on how responses "
          "are published is part of the consultation, not a privacy footer. The title line is content even though the "
          "attachment title repeats most of it. Future dates (closes 14 March 2025, standards from 2028 and 2030, "
          "regulations in 2026) are scheduled, not anachronisms; the 9 December publication date matches the prose.",
)

# ---------------------------------------------------------------- h04 cinema weekly listings
TRUTH["h04"] = doc(
    boilerplate=[
        L("Regent Picturehouse Whitby", "masthead"),
        L("Whitby's independent cinema since 1931", "site tagline"),
        L("Members sign in", "account link"),
        L("Basket (0)", "shop widget"),
        *lines(["What's On", "Coming Soon", "Events", "Membership", "Gift Cards", "Hire Us", "Visit"], "menu"),
        L("Select date", "date picker"),
        *lines(["Fri 13", "Sat 14", "Sun 15", "Mon 16", "Tue 17", "Wed 18", "Thu 19"], "date picker"),
        L("Filter by: All films | Kids | Subtitled | Relaxed screenings", "filter widget"),
        L("Book now", "booking button (after every film)"),
        L("Watch trailer", "player button (after every film)"),
        L("Get our weekly listings by email", "newsletter banner"),
        L("Sign up", "newsletter button"),
        L("Regent Picturehouse, 3 Baxtergate, Whitby YO21 1BW", "address", True),
        L("Box office: 01632 960418", "contact", True),
        L("Registered charity no. 1187342", "charity registration footer"),
        L("© 2024 Regent Picturehouse Whitby CIO", "copyright"),
        *lines(["Accessibility", "Privacy", "Terms of booking"], "footer links"),
    ],
    artifact=[
        A("<br>", "markup", "line-break tag glued between two sentences"),
        A("{{film.certificate}}", "template_placeholder", "unfilled template variable in place of the certificate"),
        A("&amp;", "html_entity", "escaped ampersand in 'Q&amp;A'"),
    ],
    enumeration_mismatch=[
        E("This week's Silver Screen matinee for over-60s offers three classics on the big screen: Brief Encounter on "
          "Tuesday, The Third Man on Wednesday, Kind Hearts and Coronets on Thursday and The Ladykillers on Friday.",
          "three announced, four films listed (one title contains 'and')"),
    ],
    anachronism=False,
    notes="cinema listings page. The film blocks are content: titles with certificates, the genre/running-time/director "
          "lines and the screening-time lines are event detail lines. Traps: 'Silver Screen', 'Relaxed screening' and "
          "'Christmas at the Regent' are body headings ('Relaxed screening' differs from the filter line); the "
          "paragraph on gift vouchers and the accessibility paragraph ('Screenings marked ST ...') are content, not "
          "the 'Gift Cards' menu item or the 'Accessibility' footer link. Dates consistent (since 1931, projector run "
          "14 years, week of 13-19 December 2024, copyright 2024; Christmas programme to 5 January is scheduled).",
)

# ---------------------------------------------------------------- h05 NGO fundraising appeal
TRUTH["h05"] = doc(
    boilerplate=[
        L("Wellspring International", "masthead"),
        L("Clean water. Healthy lives.", "site tagline"),
        *lines(["Donate", "Our work", "Where we work", "Get involved", "Stories", "About us", "Shop"], "menu"),
        L("Home > Get involved > Appeals > Northern Kenya drought", "breadcrumb"),
        S("Donate now", "donate button: a line of its own and glued to the end of a paragraph"),
        L("Amina carries water back to her village near Lodwar, Turkana County. Photo: Wellspring/Joseph Ekal",
          "image caption", True),
        L("Make a donation", "donation widget header"),
        *lines(["Monthly", "One-off", "£10", "£25", "£60", "£150", "Other amount"], "donation widget"),
        L("Yes, I am a UK taxpayer and would like Wellspring International to treat this and all my future donations "
          "as Gift Aid donations.", "Gift Aid declaration checkbox of the donation widget", True),
        L("Continue to payment", "donation widget button"),
        L("Thank you. Every donation, whatever its size, reaches families who need it. If we raise more than we need "
          "for this emergency, we will use your gift wherever it is most needed across our programmes.",
          "standard fundraising disclosure under the widget", True),
        L("Follow us", "social row"),
        *lines(["Facebook", "Instagram", "YouTube"], "social row"),
        L("Wellspring International is a registered charity in England and Wales (1093356) and Scotland (SC047211). "
          "Company limited by guarantee no. 4387219.", "charity and company registration footer"),
        L("© 2025 Wellspring International", "copyright"),
        *lines(["Contact us", "Privacy notice", "Fundraising promise"], "footer links"),
    ],
    artifact=[
        A("&quot;", "html_entity", "escaped double quotes around Amina's words"),
        A("?gclid=Cj0KCQiA4Y-sBhC6ARIsAGXF1g7Tq9mW", "tracking", "Google Ads click id left on a URL in the prose"),
    ],
    enumeration_correct=[
        "In the first month, your gift will help us do three things: truck clean water to 40 villages, repair 25 "
        "broken boreholes and screen 12,000 children for malnutrition.",
        "Since 2019 we have worked in four counties: Turkana, Marsabit, Wajir and Mandera.",
    ],
    anachronism=False,
    notes="NGO appeal with a donation widget. Traps: the three '£25 pays for ...' / '£60 keeps ...' / '£150 pays "
          "for ...' lines under 'Where your money goes' are content (a list of what gifts buy), unlike the bare widget "
          "amounts '£25', '£60', '£150'; the Gift Aid sentence in the prose ('There is no government match funding "
          "...') is content; the standfirst 'The rains have failed ...' is content. Dates consistent (since 2019, "
          "poor seasons since 2022, rains October-November 2024, January interview, copyright 2025).",
)

# ---------------------------------------------------------------- h06 primary school newsletter (PDF)
TRUTH["h06"] = doc(
    boilerplate=[
        L("St Aidan's C of E Primary School", "letterhead", True),
        L("Church Lane, Hexley, HX4 7PQ", "letterhead address (contact block)", True),
        L("Tel: 01632 960233", "letterhead contact block", True),
        L("Email: office@staidans-hexley.example.sch.uk", "letterhead contact block", True),
        L("NEWSLETTER", "cover label", True),
        L("Issue 14 – Friday 27 March 2009", "cover metadata / plain dateline", True),
        L("St Aidan's Newsletter – Spring Term 2009", "PDF running footer on every page"),
        *lines(["Page 1 of 4", "Page 2 of 4", "Page 3 of 4", "Page 4 of 4"], "PDF page numbers"),
    ],
    artifact=[
        A("(cid:131)", "pdf_extraction", "unmapped font glyph id where the PDF had a bullet"),
        A("ﬁ", "ligature", "U+FB01 'fi' ligature kept from the PDF in 'ﬁnal'", True),
    ],
    enumeration_correct=[
        "Congratulations to the four pupils who won places in the county art exhibition: Ellie Matthews (Y6), Josh "
        "Kaur (Y5), Amira Patel (Y4) and Sam O'Neill (Y3).",
        "Please bring two things on the trip: a packed lunch in a named bag and a waterproof coat.",
        "Year 6 will be sitting their SATs papers on three mornings: Tuesday 12, Wednesday 13 and Thursday 14 May.",
    ],
    anachronism=False,
    duplicate_text=[
        E("Please remember that school gates open at 8:40am and close at 8:55am. Children arriving after 8:55am must "
          "be signed in at the office by an adult.", "reminder paragraph repeated on page 1 and page 2"),
    ],
    notes="primary school newsletter converted from PDF (2009). Legitimately old page: every date fits March 2009 "
          "(snow in February, Ofsted 10-11 March, gala 17 March, future diary dates in April-October 2009, site since "
          "1874, last classroom 1971). Traps: the diary-date lines are event detail lines (content); 'Dear Parents and "
          "Carers,', the sign-off 'Mrs J. Whitlow, Headteacher' and 'Have a happy and peaceful Easter.' are content; "
          "the '(cid:131) ...' lines are body headings with a debris token. 'two things ... a packed lunch in a named "
          "bag and a waterproof coat' is correct (two items, the first with an inner 'in a named bag').",
)

# ---------------------------------------------------------------- h07 conference programme page
TRUTH["h07"] = doc(
    boilerplate=[
        L("NHDS 2025", "masthead / logo text"),
        L("Northern Health Data Summit", "masthead"),
        L("17&ndash;18 June 2025 · Leeds Dock Conference Centre", "site header strap (event detail line)", True),
        L("Register now", "button (header and after the tickets paragraph)"),
        *lines(["About", "Programme", "Speakers", "Venue & travel", "Sponsors", "FAQs"], "menu"),
        L("Home / Programme", "breadcrumb"),
        L("Last updated: 3 March 2025", "updated timestamp"),
        L("The programme below is provisional and may change. Session rooms will be confirmed in May.",
          "provisional-programme notice", True),
        L("18:00 – 20:00 Drinks reception (sponsored by Calder Analytics)",
          "programme line naming a sponsor (event detail vs sponsored label)", True),
        L("Platinum partner", "sponsor label"),
        L("Calder Analytics", "sponsor logo text"),
        L("Gold partners", "sponsor label"),
        L("Pennine Cloud Services · Northway Health Informatics", "sponsor logo text"),
        L("Sign up for summit news", "newsletter banner"),
        L("Email address", "newsletter form field"),
        L("Subscribe", "newsletter button"),
        L("© 2025 Northern Health Data Network CIC. Company no. 12904417.", "copyright and company footer"),
        *lines(["Privacy", "Code of conduct", "Contact the organisers"], "footer links"),
    ],
    artifact=[
        A("&ndash;", "html_entity", "en-dash entity in the header date range"),
        A("[object Object]", "script_debris", "JavaScript object stringified into the text"),
    ],
    enumeration_correct=[
        "This year's programme is organised in four tracks: Data Infrastructure, Clinical AI, Public Health "
        "Analytics and Patient Safety.",
        "The Clinical AI track includes two practical workshops, each limited to 40 places: one on evaluating a "
        "vendor's model before procurement and one on monitoring model performance after go-live.",
    ],
    anachronism=False,
    notes="conference programme page, last updated 3 March 2025 for a summit on 17-18 June 2025: the future dates "
          "(April, May, June 2025 deadlines and sessions) are scheduled, not anachronisms. Traps: the timed programme "
          "lines are event detail lines (content), including '10:15 – 11:00 Panel: Sharing data safely ...' (starts "
          "like a share row) and 'Break and exhibition'; 'Summit programme', 'Tuesday 17 June', 'Parallel sessions', "
          "'Poster prize', 'Accessibility' and 'Tickets' are body headings; the ticket prices paragraph is content. "
          "Only the drinks-reception line names a sponsor and is debatable.",
)

# ---------------------------------------------------------------- h08 restaurant review, city guide (CLEAN)
TRUTH["h08"] = doc(
    enumeration_correct=[
        "We tried three of the small plates: salt and pepper squid, lamb and apricot skewers, and cheese and onion "
        "croquettes.",
        "Ashworth bakes two loaves a day, a rye and a seeded sourdough, and a thick slice of each arrives with "
        "cultured butter for £4.50.",
    ],
    anachronism=False,
    clean=True,
    notes="clean restaurant review. Traps: the headline mentions 'sharing' and a 'cookie' (a dessert, not a cookie "
          "banner); 'Booking is essential at weekends ...' is content, not a booking widget; the closing line 'Open "
          "Tuesday to Saturday, ... about £85 for two with a bottle of wine.' is a closing line of facts with figures "
          "(content). Enumerations with inner 'and' ('salt and pepper squid, lamb and apricot skewers, and cheese and "
          "onion croquettes' = three; 'two loaves ..., a rye and a seeded sourdough, and a thick slice ...' = two) are "
          "correct. Dates consistent (1980s workshop, opened September 2024, visit in February).",
)

# ---------------------------------------------------------------- h09 electricity network power-cut notice
TRUTH["h09"] = doc(
    boilerplate=[
        L("We'd like to set optional cookies to help us improve our website. You can change your choice at any "
          "time.", "cookie banner"),
        *lines(["Accept optional cookies", "Reject optional cookies"], "cookie banner buttons"),
        L("Northern Counties Power Networks", "masthead"),
        L("In a power cut? Call 105", "site header banner"),
        *lines(["Power cuts", "Report a power cut", "Power cut map", "Planned work", "Priority Services Register",
                "Connections", "Help & advice"], "menu"),
        L("Home > Power cuts > Power cut map > INC-25-018204", "breadcrumb"),
        L("Last updated: 21 January 2025 at 14:52", "updated timestamp"),
        L("Refresh", "widget button"),
        L("Was this page helpful?", "helpful prompt"),
        *lines(["Yes", "No"], "helpful prompt buttons"),
        L("Follow us for power cut updates", "social row"),
        *lines(["X", "Facebook"], "social row"),
        L("Northern Counties Power Networks plc. Registered in England and Wales No. 02366981. Registered office: "
          "Lister House, Canal Wharf, Leeds LS11 5PS.", "company registration footer"),
        L("© Northern Counties Power Networks 2025", "copyright"),
        *lines(["Accessibility", "Privacy", "Cookies", "Modern slavery statement"], "footer links"),
    ],
    artifact=[
        A("KB0012931", "reference_code", "knowledge-base article id pasted after a paragraph"),
        A("Ã©", "mojibake", "UTF-8 'é' decoded as Latin-1 in 'cafÃ©s'"),
    ],
    enumeration_correct=[
        "While the power is off, please follow these three steps: switch off any appliances that were on when the "
        "power went, leave one light on so you know when the supply is back, and check on elderly or vulnerable "
        "neighbours if it is safe to do so.",
    ],
    anachronism=False,
    notes="power-cut notice page. The incident block (title line, 'Incident reference: INC-25-018204', 'Status: ...', "
          "'Type: Unplanned', 'Started: ...', 'Properties affected: 1,146', 'Estimated restoration: ...') is a data "
          "table (content; the INC reference is a real field, not debris). Traps: 'Planned work in this area' (body "
          "heading) and 'Planned work: Thursday 30 January 2025, 09:00 to 15:00' (event detail line) differ from the "
          "'Planned work' menu item; the Priority Services Register sentences are content. 30 January 2025 is "
          "scheduled work after the 21 January page date, not an anachronism.",
)

# ---------------------------------------------------------------- h10 investment fund factsheet (PDF)
TRUTH["h10"] = doc(
    boilerplate=[
        L("Monthly factsheet | 31 March 2011", "cover metadata", True),
        L("For professional investors and advisers only", "audience restriction (legal)", True),
        L("Source: Northgate, mid to mid, net income reinvested, R Accumulation shares, in sterling, to 31 March "
          "2011.", "source note under the performance table", True),
        L("Past performance is not a guide to future returns. The value of investments and the income from them can "
          "fall as well as rise and you may not get back the amount originally invested.", "risk warning (legal "
          "disclaimer)", True),
        L("Northgate UK Equity Income Fund – Factsheet – March 2011", "PDF running footer"),
        L("1", "PDF page number"),
        L("2", "PDF page number"),
        L("Issued by Northgate Asset Management Limited, authorised and regulated by the Financial Services "
          "Authority. Registered in England No. 2871140. Registered office: 40 Lothbury Court, London EC2R 7HJ.",
          "issuer and company registration footer"),
        L("© Northgate Asset Management 2011", "copyright"),
    ],
    artifact=[
        A("\uf0b7", "pdf_extraction", "private-use Symbol-font bullet (U+F0B7) before each holding"),
        A("â€“", "mojibake", "UTF-8 en dash decoded as Windows-1252 in the sector breakdown"),
    ],
    enumeration_mismatch=[
        E("The manager sold out of two holdings during the quarter: Tesco, Aviva and Lloyds Banking Group.",
          "two announced, three listed"),
    ],
    enumeration_correct=["Top 10 holdings (% of fund)"],
    anachronism=False,
    notes="fund factsheet converted from PDF, dated 31 March 2011: a legitimately old page. Every date and name fits "
          "2011 (launch 1998, Q1 2011 oil price and Japan earthquake, GlaxoSmithKline, the Financial Services "
          "Authority, inflation 4.4%, distribution to be paid 30 April 2011). Traps: 'Fund objective', 'Key facts', "
          "'Performance (%)', 'Manager's commentary', 'Top 10 holdings', 'Sector breakdown' are body headings; the "
          "key-facts, performance, holdings (ten listed) and sector lines are data tables (content); the title line "
          "'Northgate UK Equity Income Fund' is the document title.",
)

# ---------------------------------------------------------------- h11 parliamentary debate summary (CLEAN)
TRUTH["h11"] = doc(
    enumeration_correct=[
        "She set out three asks of the minister: a guaranteed minimum service for every village with more than 500 "
        "residents, a ring-fenced fund for school and college routes, and a ten-year settlement for bus funding so "
        "that councils could sign longer contracts with operators.",
    ],
    anachronism=False,
    clean=True,
    notes="clean debate summary. Traps: 'three asks' has inner 'and' in two items and is correct; 'Eleven backbench "
          "Members spoke, from four parties' and 'seven separate pots over five years' are counts without lists; the "
          "closing 'The motion, that this House has considered rural bus services, was agreed without a division.' "
          "is content. Dates consistent (since 2010, debate 22 January 2025, bill introduced December 2024, fare cap "
          "to December 2025 and 2025-26 funding are scheduled).",
)

# ---------------------------------------------------------------- h12 student newspaper article
TRUTH["h12"] = doc(
    boilerplate=[
        L("The Kestrel", "masthead"),
        L("Independent student journalism at the University of Mercia since 1962", "site tagline"),
        *lines(["News", "Comment", "Features", "Culture", "Sport", "Puzzles", "Join us"],
               "menu ('News' also the section label line)"),
        L("By Priya Ramaswamy, News Editor", "byline"),
        L("Posted 14 October 2019", "plain dateline", True),
        L("Posted in News, Campus | Tagged library, Students' Union, cuts", "categories and tags"),
        L("Share this:", "share row"),
        *lines(["Twitter", "Facebook", "WhatsApp"], "share row"),
        L("Related", "related header"),
        *lines(["SU elections: record turnout as 31% of students vote",
                "Accommodation review finds 1 in 8 rooms had damp last year",
                "Opinion: The library isn't a luxury, it's a lifeline"], "related headline"),
        L("3 comments", "comment counter"),
        *lines(["Tom W. on October 14, 2019 at 6:41 pm", "Hannah on October 15, 2019 at 9:03 am",
                "Library staff member on October 15, 2019 at 1:17 pm"], "comment author/date line"),
        L("Reply", "comment reply link"),
        L("Leave a Reply", "comment form"),
        L("Your email address will not be published. Required fields are marked *", "comment form"),
        L("Post Comment", "comment form button"),
        L("© 2019 The Kestrel. The Kestrel is published by the University of Mercia Students' Union, a registered "
          "charity (No. 1143072). The views expressed are those of the authors.", "copyright and charity footer"),
    ],
    artifact=[
        A("&#39;", "html_entity", "numeric entity for the apostrophes around the spokesperson's quote"),
        A("?fbclid=IwAR3kT9qLmX2vPz8dYcR1", "tracking", "Facebook click id left on a URL in the prose"),
    ],
    enumeration_mismatch=[
        E("The union's motion made three demands: reinstating 24-hour opening during exam periods, extra study space "
          "in the Harrison Building, free sanitary products in library toilets and a student seat on the library "
          "committee.", "three announced, four listed"),
    ],
    anachronism=True,
    notes="student newspaper article with comments. Anachronism: posted 14 October 2019 (comments October 2019, "
          "footer © 2019) but the text refers to 'the 2021 refurbishment of the ground floor' and 'the 2022 rent "
          "strike' as past events. Traps: 'Students who subscribe to the library's text alert service ...' is content; "
          "the comment texts are content; 'Read the full motion at ...' is a content sentence carrying a tracking "
          "token.",
)

# ---------------------------------------------------------------- h13 weekend amateur sports round-up
TRUTH["h13"] = doc(
    boilerplate=[
        L("Chelmer Valley Sport", "masthead"),
        L("Grassroots sport across mid-Essex", "site tagline"),
        *lines(["Home", "Football", "Rugby", "Netball", "Hockey", "Results", "Fixtures", "Contact"], "menu"),
        L("By Gary Pettit", "byline"),
        L("Monday 10 March 2025", "plain dateline", True),
        L("Updated Monday 10 March 2025, 11:20", "updated timestamp"),
        L("Don't forget: results, scorers and photos can be sent to sport@chelmervalley.example.co.uk by 9am on "
          "Monday for the next round-up.", "standing call for contributions", True),
        L("Share", "share row"),
        *lines(["Facebook", "X", "Email"], "share row"),
        L("Advertisement", "ad label"),
        L("Sponsored: Chelmsford Physio & Sports Injury Clinic, 10% off for club members", "sponsored ad"),
        L("More weekend round-ups", "more-from header"),
        *lines(["Weekend round-up: Writtle Albion win at the death as snow wipes out half the programme",
                "Weekend round-up: Springfield Storm make it 11 from 11"], "more-from headline"),
        L("Chelmer Valley Sport is an independent community website. © 2025 Chelmer Valley Sport. Photos may not be "
          "reproduced without permission.", "copyright footer"),
    ],
    artifact=[
        A("&#8211;", "html_entity", "en-dash entity in every score"),
        A("\ufffd", "mojibake", "replacement character where an apostrophe was lost in 'Chelmer Park's'"),
    ],
    enumeration_mismatch=[
        E("Hat-tricks came from three players this weekend: Dan Osei for Danbury Reserves and Lewis Grant for Little "
          "Waltham.", "three announced, two named"),
    ],
    enumeration_correct=[
        "Four sides remain in contention for the two promotion places: Springfield Storm, Chelmer Flyers, Danbury "
        "Diamonds and Broomfield Belles.",
    ],
    anachronism=False,
    notes="amateur sport round-up. Traps: the five result lines under \"Sunday's results: Premier Division\" are a "
          "results list (content); 'Home side Great Leighs ...' starts like the 'Home' menu item but is content; the "
          "sport headings ('Football: Chelmsford Sunday League', 'Rugby: Essex Merit League', ...) are body "
          "headings, not the one-word menu items; 'Next weekend's fixtures include ...' is content (future date 16 "
          "March, not an anachronism). 'three matches decided by a single goal' is a count without a list.",
)

# ---------------------------------------------------------------- h14 clinic health Q&A (CLEAN)
TRUTH["h14"] = doc(
    enumeration_correct=[
        "There are four things to bring to your appointment: your travel itinerary, your vaccination record, a list "
        "of any medicines you take, and your passport if you need a yellow fever certificate.",
        "Seek medical help straight away, and mention where you have travelled, if you develop any of these five "
        "warning signs within a year of returning from a malaria area: a fever of 38°C or above, shivering or "
        "sweats, headache with muscle aches, vomiting or diarrhoea, or yellowing of the skin or eyes.",
    ],
    anachronism=False,
    clean=True,
    notes="clean clinic Q&A: title, question lines (body headings) and answers. Traps: 'Will my information be "
          "shared with my GP?' and 'How far ahead should I book?' look like share/booking furniture but are "
          "questions; the price answer is content; the five warning signs have inner 'or'/'with' and are correct; "
          "'We stock three types of tablet' is a count without a list; the closing line with opening hours and "
          "'2,140 travellers' is a closing line of facts (content). Date: 11 July 2016 is a real past date.",
)

# ---------------------------------------------------------------- h15 Chinese provincial release, translated (CLEAN)
TRUTH["h15"] = doc(
    enumeration_correct=[
        'According to the relevant responsible person of the Department, the province focused on the "three '
        'transformations" of manufacturing, namely intelligent transformation, digital transformation and networked '
        'connection, and carried out five key tasks: first, strengthening the supply of platforms; second, promoting '
        'the construction of 5G factories; third, cultivating digital service providers; fourth, building '
        'demonstration scenarios; fifth, improving the guarantee of network security.',
    ],
    anachronism=False,
    clean=True,
    notes="clean translated provincial news release (translated-English register). Traps: 'Next step, the province "
          "will ...' starts like a next/previous link but is content; 'relevant responsible person' phrasing is "
          "normal translated register; '27 industrial categories including automobiles, ...' names five examples of "
          "27 ('including') and is not a mismatch; 'by the end of 2025' targets are scheduled, not anachronisms.",
)

# ---------------------------------------------------------------- h16 news agency photo story
TRUTH["h16"] = doc(
    boilerplate=[
        L("Meridian Press Agency", "masthead"),
        *lines(["Pictures", "World", "Business", "Sport", "Video"], "menu ('Pictures' listed twice)"),
        L("Subscribe to Meridian Wire", "subscribe link"),
        L("Pictures | Photo stories", "section label"),
        L("Photographs by Lena Marsh. Text by Owen Pryce", "byline"),
        L("Published 2 September 2024", "plain dateline", True),
        L("12 photos", "gallery counter"),
        *lines([f"{i} of 12" for i in range(1, 7)], "gallery counter"),
        *lines(["Pickers cut the bines at dawn on the first morning of the harvest at Lower Hollins Farm, near "
                "Bromyard, Herefordshire, on 26 August 2024. (Meridian/Lena Marsh)",
                "Rhys Bevan checks the cones for ripeness. He says he can tell by the smell whether a variety is ready "
                "to pick. (Meridian/Lena Marsh)",
                "Jan Kowalczyk, 58, who has come from Poland to work the harvest every year since 2005, loads bines on "
                "to a trailer. (Meridian/Lena Marsh)",
                "Hops are spread on the drying floor of the oast house, where they are kiln-dried at about 60°C for up "
                "to nine hours. (Meridian/Lena Marsh)",
                "Carys Bevan, 29, with the first sacks of the year&#x27;s crop, each of which weighs about 80kg when "
                "full. (Meridian/Lena Marsh)",
                "The crew eats lunch together in the barn, a tradition the Bevans say they will keep when the machine "
                "arrives. (Meridian/Lena Marsh)"], "photo caption", True),
        L("Next photo", "gallery control"),
        L("Buy this image", "shop widget"),
        L("Licensing enquiries", "shop link"),
        L("The rest of the gallery continues on the next page.", "pagination notice"),
        L("Load more photos", "gallery control"),
        L("Trending in Pictures", "trending header"),
        *lines(["In pictures: Notting Hill Carnival draws a million people despite the rain",
                "Drone photos show the scale of the Wiltshire wildfire",
                "The week in wildlife: a seal pup, a rare butterfly and a very wet badger"], "trending headline"),
        L("Share this story", "share row"),
        *lines(["Facebook", "X", "LinkedIn", "Email", "Copy link"], "share row"),
        L("© 2013 Meridian Press Agency. All rights reserved. Images may not be reproduced without a licence.",
          "copyright"),
        *lines(["About Meridian", "Terms of use", "Privacy", "Contact"], "footer links"),
    ],
    artifact=[
        A("IMG_4471.JPG", "file_name", "camera file name pasted into the prose"),
        A("&#x27;", "html_entity", "hex entity for an apostrophe in a caption"),
    ],
    anachronism=True,
    notes="news agency photo story. Anachronism: published 2 September 2024 about the 2024 harvest (captions dated "
          "26 August 2024, 'In 2023 the Bevans lost ...'), but the footer reads © 2013, eleven years before the "
          "events. Traps: the intro prose (farm since 1884, 140 years, acreage and prices) is content; 'Meridian "
          "photographer Lena Marsh spent the first week ...' is a content sentence (not a byline) carrying a file-name "
          "token; the trending headline 'a seal pup, a rare butterfly and a very wet badger' has no announced count.",
)


# ---------------------------------------------------------------- checks and output
def main():
    return build(HERE, TRUTH, ABOUT, "h")


if __name__ == "__main__":
    sys.exit(main())
