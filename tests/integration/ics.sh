#!/usr/bin/env bash
# (i) `section55 status --format ics` read by Python's icalendar (PyPI), a real RFC 5545 parser:
# a portfolio of the examples plus responses not yet published (one late), with --actions; every
# unpublished response's last day is an all-day event with a stable UID and an alarm, every line
# is CRLF-terminated and folded at 75 octets. (ii) The same calendar imported into calcurse, a
# real calendar program from Debian: every event, none skipped, on its day.
HARNESS=ics
source "$(dirname "$0")/lib.sh"

section "the calendar of section55 status, read by icalendar"
ensure_binary
ensure_venv
has_command status || missing_feature "section55 status does not exist yet"
[ -d "$EXAMPLES" ] || missing_feature "examples/ does not exist yet"

tmp=$(mktemp -d /tmp/s55-ics.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp "$EXAMPLES"/*.s55.yaml "$tmp/"
# Two unpublished responses from the Surrey example: one with its last day ahead, one late, with
# a comma, a semicolon and an accent in the title (escaped in the calendar).
python3 - "$EXAMPLES/surrey-peel-2025.s55.yaml" "$tmp" <<'PY'
import sys
src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
head = text[: text.index("office_use:")]
for name, published, deadline, title in [
    ("ahead", "2026-01-05", "2026-03-01", "Café; a report, with punctuation"),
    ("late", "2025-11-01", "2025-12-26", "Late report"),
]:
    t = head.replace("  published: 2025-09-10", f"  published: {published}")
    t = t.replace("response_deadline: 2025-11-04", f"response_deadline: {deadline}")
    t = t.replace("due: 2026-01-31\n      progress: closed", "due: 2026-02-20\n      progress: in-progress")
    start = t.index("  title: ")
    end = t.index("\n", start)
    t = t[:start] + f'  title: "{title}"' + t[end:]
    open(f"{out}/{name}.s55.yaml", "w", encoding="utf-8").write(t)
PY
(cd "$tmp" && "$SECTION55" status . --format ics --actions --alarm-days 5 --today 2026-01-10) >"$tmp/portfolio.ics"
cp "$tmp/portfolio.ics" "$ARTEFACTS/portfolio.ics"
mv "$tmp/late.s55.yaml" "$tmp/moved-late.s55.yaml"
(cd "$tmp" && "$SECTION55" status . --format ics --actions --alarm-days 5 --today 2026-01-10) >"$tmp/again.ics"

out=$(python3 - "$tmp/portfolio.ics" "$tmp/again.ics" <<'PY'
import sys
from datetime import date, timedelta
import icalendar

raw = open(sys.argv[1], "rb").read()
problems = []
lines = raw.split(b"\r\n")
if lines[-1] != b"":
    problems.append("the file does not end with CRLF")
if any(b"\n" in l or b"\r" in l for l in lines):
    problems.append("a line break other than CRLF")
if any(len(l) > 75 for l in lines):
    problems.append("a line longer than 75 octets")
cal = icalendar.Calendar.from_ical(raw)
events = cal.walk("VEVENT")
by_start = {e.decoded("DTSTART"): e for e in events}
expected = {date(2026, 3, 1): "Café; a report, with punctuation", date(2025, 12, 26): "Late report"}
for day, title in expected.items():
    e = by_start.get(day)
    if e is None:
        problems.append(f"no event on {day}")
        continue
    if title not in str(e["SUMMARY"]):
        problems.append(f"summary {e['SUMMARY']!r} lacks {title!r}")
    if e.decoded("DTEND") != day + timedelta(days=1) or type(e.decoded("DTSTART")) is not date:
        problems.append(f"{day}: not an all-day event")
    alarms = e.walk("VALARM")
    if len(alarms) != 1 or alarms[0].decoded("TRIGGER") != timedelta(days=-5):
        problems.append(f"{day}: no alarm 5 days before")
if date(2026, 2, 20) not in by_start:
    problems.append("no event for the open action due on 2026-02-20")
if any(e.decoded("DTSTART") == date(2025, 11, 4) for e in events):
    problems.append("an event for a published response")
uids = [str(e["UID"]) for e in events]
if len(set(uids)) != len(uids):
    problems.append("UIDs are not unique")
again = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read())
if sorted(uids) != sorted(str(e["UID"]) for e in again.walk("VEVENT")):
    problems.append("UIDs changed when a file moved")
print(f"{len(events)} events, {len(set(uids))} UIDs")
for p in problems:
    print("PROBLEM:", p)
PY
) || true
if [ -n "$out" ] && ! grep -q PROBLEM <<<"$out"; then
  ok "icalendar reads the calendar: $out; all-day events, alarms, CRLF, folding, stable UIDs"
else
  not_ok "icalendar reads the calendar" "$out"
fi
section "the calendar imported into a real calendar program (calcurse, from Debian)"
if ensure_apt calcurse calcurse; then
  cal=$tmp/calcurse
  mkdir -p "$cal"
  events=$(grep -c '^BEGIN:VEVENT' "$tmp/portfolio.ics")
  report=$(calcurse -D "$cal" -i "$tmp/portfolio.ics" 2>&1 || true)
  agenda=$(calcurse -D "$cal" --input-datefmt 4 --output-datefmt '%Y-%m-%d' -Q --from 2025-12-01 --days 120 2>&1 || true)
  printf '%s\n' "$report" "$agenda" >"$ARTEFACTS/portfolio-calcurse.txt"
  if grep -q "$events events\? / 0 todos / 0 skipped" <<<"$report" \
    && grep -A1 '^2026-03-01:' <<<"$agenda" | grep -q 'Café; a report, with punctuation' \
    && grep -A1 '^2025-12-26:' <<<"$agenda" | grep -q 'Late report'; then
    ok "calcurse imports all $events events, none skipped, each on its last day (accents and punctuation intact)"
  else
    not_ok "calcurse imports the calendar" "$report"$'\n'"$agenda"
  fi
else
  not_ok "calcurse could not be installed (apt-get install calcurse)"
fi
finish ics
