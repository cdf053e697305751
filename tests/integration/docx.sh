#!/usr/bin/env bash
# `section55 render --format docx` read back by python-docx (PyPI), a real reader of Word files:
# for each example, the headings carry Word's heading styles at the levels of the HTML page
# (Heading 1 the title, 2 each section, 3 each item, nothing skipped), no bold paragraph stands
# in for a heading, lists are List Bullet paragraphs, the action plan is a table with a header
# row, the link to the report is a hyperlink with the report's title as its text, and the
# document's language is British English. Then `section55 import` reads the .docx back into the
# same response (both rendered as Markdown and compared).
HARNESS=docx
source "$(dirname "$0")/lib.sh"

section "the Word documents of section55 render, read by python-docx"
ensure_binary
ensure_venv
[ -d "$EXAMPLES" ] || missing_feature "examples/ does not exist yet"

tmp=$(mktemp -d /tmp/s55-docx.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
for example in "$EXAMPLES"/*.s55.yaml; do
  name=$(basename "$example" .s55.yaml)
  docx=$tmp/$name.docx
  if ! "$SECTION55" render "$example" -o "$docx" 2>"$tmp/err"; then
    not_ok "$name: render -o $name.docx" "$(cat "$tmp/err")"; continue
  fi
  cp "$docx" "$ARTEFACTS/$name.docx"
  out=$(python3 - "$docx" <<'PY'
import sys
import docx
from docx.oxml.ns import qn

d = docx.Document(sys.argv[1])
problems = []
levels = []
def bold(run):
    props = run.find(qn("w:rPr"))
    return props is not None and props.find(qn("w:b")) is not None
for p in d.paragraphs:
    style = p.style.name
    # Every run with text, those inside hyperlinks too.
    runs = [r for r in p._p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    if style.startswith("Heading"):
        levels.append(int(style.split()[-1]))
    elif runs and all(bold(r) for r in runs) and not p.text.rstrip().endswith(":"):
        problems.append(f"a bold paragraph standing in for a heading: {p.text[:60]!r}")
if not levels or levels[0] != 1 or levels.count(1) != 1:
    problems.append(f"the title is not the one Heading 1: {levels[:5]}")
for a, b in zip(levels, levels[1:]):
    if b > a + 1:
        problems.append(f"a heading level skipped: {a} then {b}")
if levels.count(2) < 5:
    problems.append(f"only {levels.count(2)} sections at Heading 2")
lang = d.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang")).get(qn("w:val"))
if lang != "en-GB" or d.core_properties.language != "en-GB":
    problems.append(f"language {lang!r} / {d.core_properties.language!r}, not en-GB")
links = d.element.body.findall(".//" + qn("w:hyperlink"))
rels = d.part.rels
targets = [rels[l.get(qn("r:id"))].target_ref for l in links]
# The Norfolk example keeps the template's placeholder address `#`: shown, not linked.
placeholder = any(p.text.endswith("(address: #)") for p in d.paragraphs)
if not placeholder and not any("justiceinspectorates.gov.uk" in t for t in targets):
    problems.append(f"no hyperlink to the report: {targets}")
texts = ["".join(t.text or "" for t in l.iter(qn("w:t"))) for l in links]
if any(t.startswith("http") for t in texts):
    problems.append(f"a link whose text is its address: {texts}")
bullets = [p for p in d.paragraphs if p.style.name == "List Bullet"]
tables = d.tables
if tables:
    header = tables[0].rows[0]
    if header._tr.trPr is None or header._tr.trPr.find(qn("w:tblHeader")) is None:
        problems.append("the table's first row does not repeat as a header")
print(f"{len(levels)} headings (levels {sorted(set(levels))}), {len(bullets)} list items, {len(tables)} tables, {len(links)} links")
for p in problems:
    print("PROBLEM:", p)
PY
) || true
  if [ -n "$out" ] && ! grep -q PROBLEM <<<"$out"; then
    ok "$name: python-docx reads it: $out; Word heading styles, no skipped level, en-GB, hyperlinks"
  else
    not_ok "$name: python-docx reads it" "$out"
  fi
  # render writes every field, so two files render alike exactly when they say the same.
  if "$SECTION55" import "$docx" -o "$tmp/$name.back.s55.yaml" 2>"$tmp/notes" \
    && "$SECTION55" render "$example" >"$tmp/$name.before.md" 2>/dev/null \
    && "$SECTION55" render "$tmp/$name.back.s55.yaml" >"$tmp/$name.after.md" 2>/dev/null \
    && cmp -s "$tmp/$name.before.md" "$tmp/$name.after.md"; then
    ok "$name: import reads the .docx back into the same response"
  else
    not_ok "$name: import reads the .docx back into the same response" \
      "$(cat "$tmp/notes"; diff "$tmp/$name.before.md" "$tmp/$name.after.md" | head -20)"
  fi
done
finish docx
