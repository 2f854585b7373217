#!/usr/bin/env python3
"""Writes tests/fixtures/nested-handbook: a company handbook as a team already has it,
in folders nested seven deep, for tests/nested.rs and tests/browser/nested.test.mjs.

Deterministic (no randomness, no dates): run it again and `git diff` shows nothing.
The generated files are committed so the tests read like specs; change this script,
run it, and commit both.

    python3 scripts/gen_nested_fixture.py

What it reproduces (issue 16):
- 300+ Markdown pages, folders 7 deep, 50+ folder pages (index.md, README.md,
  _index.md), index.md at the top as the home page's text;
- the same file names in many folders (faq.md, onboarding.md, processes.md);
- YAML front matter (some with other tools' keys), TOML front matter between +++
  lines, and pages with none (titled by their first heading or their file name);
- links to folders (`../team/`, `../team`), to index.md and README.md, from the root
  (`/company/values.md`), raw HTML `<a href>` and `<img src>`, images beside pages;
- exactly three broken links (see BROKEN below), which build as warnings.
"""

import os
import shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "nested-handbook")
GUIDE = os.path.join(ROOT, "guide")

DEPARTMENTS = [
    ("engineering", "Engineering", ["platform", "product", "security"]),
    ("support", "Customer support", ["frontline", "escalations", "quality"]),
    ("sales", "Sales", ["new-business", "accounts", "partners"]),
    ("people", "People", ["recruiting", "learning", "wellbeing"]),
    ("finance", "Finance", ["payroll", "purchasing", "reporting"]),
    ("marketing", "Marketing", ["brand", "content", "events"]),
]
DEPT_PAGES = ["onboarding", "faq", "processes", "playbooks", "tools"]
TEAM_PAGES = ["onboarding", "faq", "rituals", "contacts", "processes", "playbooks"]
# The deep branch under each department's first team: guides/<area>/<topic>/<detail>/.
DEEP = [("guides", "Guides"), ("daily-work", "Daily work"), ("handovers", "Handovers"), ("checklists", "Checklists")]
DEEP_PAGES = [["getting-started", "faq"], ["mornings", "afternoons", "onboarding"],
              ["shift-change", "weekend-cover", "faq"], ["before-you-leave", "when-you-return", "processes"]]
POLICIES = ["leave", "expenses", "travel", "remote-work", "equipment", "security", "privacy",
            "conduct", "gifts", "social-media", "working-hours", "parental-leave"]
TOOLS = ["chat", "email", "calendar", "help-desk", "wiki", "phone-system", "password-manager",
         "vpn", "video-calls", "file-sharing", "expenses-app", "time-off-app", "crm",
         "status-page", "dashboards", "feedback-form", "printers", "badges", "parking",
         "laptops", "phones", "monitors", "headsets", "meeting-rooms", "lockers", "kitchen"]

# The deliberately broken links: (page, link) — the test expects exactly these warnings.
BROKEN = {
    "departments/sales/faq.md": "[the old pricing page](old-pricing.md)",
    "departments/people/learning/faq.md": "[the course list](../courses/)",
    "policies/travel.md": "[booking rules](expenses.md#booking-rules)",
}

SENTENCES = [
    "Ask your team lead when something here does not match what you see at work.",
    "Most questions have been asked before, so search the handbook first.",
    "Write down what you learn in your first weeks: it helps the next person.",
    "When two rules seem to disagree, the stricter one applies until someone checks.",
    "Keep customers' details out of chat channels and shared documents.",
    "A short note in the right place saves a long meeting later.",
    "If you are unsure who owns a task, the contacts page for the team says.",
    "Nobody expects you to remember all of this in your first month.",
]

count = {"pages": 0, "sections": 0}


def title_of(slug):
    if slug == "faq":
        return "FAQ"
    words = slug.replace("-", " ")
    return words[0].upper() + words[1:]


def write(rel, text):
    path = os.path.join(GUIDE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def svg(rel, label):
    write(rel, f'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" role="img" aria-label="{label}">'
               f'<rect width="120" height="40" fill="#dde"/><text x="8" y="25" font-size="12">{label}</text></svg>\n')


def body(n, title, links):
    lines = [SENTENCES[(n + i) % len(SENTENCES)] for i in range(3)]
    text = " ".join(lines[:2]) + "\n\n## What to do\n\n" + lines[2] + "\n"
    if links:
        text += "\n## See also\n\n" + "\n".join(f"- {l}" for l in links) + "\n"
    return text


def page(rel, title, links, n, tags=None):
    """One page, its front matter chosen by `n` so every kind appears many times."""
    count["pages"] += 1
    kind = n % 5
    tags = tags or []
    b = body(n, title, links)
    if kind == 0:  # carebook's own YAML
        fm = f"---\ntitle: \"{title}\"\nsummary: \"What the {title.lower()} page covers.\"\n"
        if tags:
            fm += f"tags: [{', '.join(tags)}]\n"
        text = fm + "---\n\n" + b
    elif kind == 1:  # another tool's YAML: description, weight and keys carebook does not read
        text = (f"---\ntitle: \"{title}\"\ndescription: \"A page about {title.lower()}.\"\nweight: {n % 7}\n"
                f"layout: handbook\ndata_source: wiki-export\n---\n\n" + b)
    elif kind == 2:  # Hugo's TOML
        text = f"+++\ntitle = \"{title}\"\nweight = {n % 9}\n+++\n\n" + b
    elif kind == 3:  # no front matter, titled by the first heading
        text = f"# {title}\n\n" + b
    else:  # no front matter and no heading: titled by the file name
        text = b
    write(rel, text)


def section(rel_dir, title, intro, n, name="index.md"):
    count["sections"] += 1
    rel = os.path.join(rel_dir, name) if rel_dir else name
    if n % 3 == 0:
        text = f"---\ntitle: \"{title}\"\n---\n\n{intro}\n"
    elif n % 3 == 1:
        text = f"# {title}\n\n{intro}\n"
    else:
        text = f"+++\ntitle = \"{title}\"\n+++\n\n{intro}\n"
    write(rel, text)


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    os.makedirs(GUIDE)
    with open(os.path.join(ROOT, "book.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Generated by scripts/gen_nested_fixture.py: a company handbook as a team\n"
            "# already has it, folders seven deep, built as it is. See tests/nested.rs.\n"
            'title = "Nested company handbook"\n\n[build]\nbroken-links = "warn"\n'
        )
    n = 0
    # The home page's text, with every kind of link to a section.
    section("", "Company handbook",
            "Welcome. This handbook is the folder your team already keeps, published as it is.\n\n"
            "- [Our company](company/) and [what we value](/company/values.md)\n"
            "- [Departments](departments/README.md), starting with [engineering](departments/engineering)\n"
            "- [Policies](policies/index.md) and [tools](./tools/)\n\n"
            '<a href="departments/support/frontline/index.md" class="block">Front-line support</a>', 0)
    # README.md beside index.md at the top: notes for people browsing the repository.
    write("README.md", "# About this folder\n\nThe handbook's pages. The site's home page is index.md.\n")

    # company/: a README.md section with pages, an image beside them.
    section("company", "Our company", "Who we are and how we work together.", 1, "README.md")
    svg("company/org-chart.svg", "Org chart")
    for i, slug in enumerate(["values", "history", "how-we-work", "faq", "onboarding"]):
        n += 1
        links = ["[Departments](../departments/)", "[Policies](/policies/index.md)"]
        if slug == "values":
            links.append('<img src="org-chart.svg" alt="How the company is organised" width="120">')
        page(f"company/{slug}.md", title_of(slug) if slug != "faq" else "Company FAQ", links, n, ["company"])

    # departments/: six departments, three teams each, and a deep branch under the first.
    section("departments", "Departments", "Every department's own pages, team by team.", 2, "README.md")
    for d, (dept, dept_title, teams) in enumerate(DEPARTMENTS):
        names = ["index.md", "README.md", "_index.md"]
        section(f"departments/{dept}", dept_title, f"How {dept_title.lower()} works, and who is who.", d, names[d % 3])
        svg(f"departments/{dept}/team-photo.svg", f"{dept_title} team")
        for slug in DEPT_PAGES:
            n += 1
            links = [f"[{dept_title} home](./)", "[All departments](../)",
                     f"[{title_of(teams[0])}]({teams[0]}/)", f"[{title_of(teams[1])}](./{teams[1]})",
                     "[Company FAQ](/company/faq.md)"]
            if slug == "tools":
                links.append('<img src="team-photo.svg" alt="" width="120">')
                links.append('<a href="../../tools/chat.md">Chat</a>')
            rel = f"departments/{dept}/{slug}.md"
            if rel in BROKEN:
                links.append(BROKEN[rel])
            page(rel, f"{dept_title}: {title_of(slug)}" if slug in ("faq", "onboarding") else title_of(slug),
                 links, n, [dept] if slug == "onboarding" else None)
        for t, team in enumerate(teams):
            base = f"departments/{dept}/{team}"
            section(base, title_of(team), f"The {title_of(team).lower()} team's pages.", d + t, names[(d + t + 1) % 3])
            for slug in TEAM_PAGES:
                n += 1
                links = ["[Team home](index.md)", f"[{dept_title}](../README.md)", "[Onboarding](onboarding.md)",
                         f'<a href="../{teams[(t + 1) % 3]}/">Next team</a>']
                rel = f"{base}/{slug}.md"
                if rel in BROKEN:
                    links.append(BROKEN[rel])
                page(rel, title_of(slug), links, n)
        # The deep branch: departments/<dept>/<team>/guides/daily-work/handovers/checklists/
        deep = f"departments/{dept}/{teams[0]}"
        for level, ((folder, folder_title), pages) in enumerate(zip(DEEP, DEEP_PAGES)):
            deep = f"{deep}/{folder}"
            section(deep, f"{folder_title} ({dept_title})", f"Level {level + 4} of the {dept_title.lower()} handbook.",
                    d + level, ["index.md", "README.md"][(d + level) % 2])
            if level == 3:
                svg(f"{deep}/handover-board.svg", "Handover board")
            for slug in pages:
                n += 1
                up = "../" * (level + 1)
                links = ["[Up one level](../)", f"[{title_of(teams[0])} team]({up}index.md)",
                         "[Home](/index.md)", "[Travel policy](/policies/travel.md)"]
                if level == 3:
                    links.append('<img src="handover-board.svg" alt="The handover board" width="120">')
                    links.append('<a href="../faq.md">Handover questions</a>')
                title = f"{title_of(slug)} ({dept_title})" if dept != "support" or slug != "before-you-leave" \
                    else "Before you leave the desk"
                page(f"{deep}/{slug}.md", title, links, n, ["deep"] if level == 3 else None)

    # policies/ and tools/: flat folders of many pages.
    section("policies", "Policies", "The rules everyone works by.", 0)
    for slug in POLICIES:
        n += 1
        links = ["[All policies](./)", "[Tools](../tools)"]
        rel = f"policies/{slug}.md"
        if rel in BROKEN:
            links.append(BROKEN[rel])
        page(rel, f"{title_of(slug)} policy", links, n, ["policy"])
    section("tools", "Tools", "What we use, and how to get access.", 1, "_index.md")
    for slug in TOOLS:
        n += 1
        page(f"tools/{slug}.md", title_of(slug), ["[All tools](index.md)", "[Policies](../policies/)"], n, ["tools"])
    # A page at the top, beside the home page's text.
    n += 1
    page("glossary.md", "Glossary", ["[Company](company/)"], n)
    print(f"{count['pages']} pages, {count['sections']} section pages in {ROOT}")


if __name__ == "__main__":
    main()
