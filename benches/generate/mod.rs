//! Realistic generated response files, in one place for the benchmarks (`benches/core.rs`), the
//! corpus writer (`cargo run --release --example write-corpus`) and the hostile-input tests
//! (`tests/hostile.rs`) and the formatter's tests (`tests/fmt.rs`: `out_of_order`, `four_spaces`),
//! each of which includes this file with `#[path]`.
//!
//! Deterministic: the same seed gives the same text on every machine, so figures and test
//! outcomes are comparable between runs. Most files are clean; a fixed share carries the mistakes
//! real drafts carry (the +56 deadline miscount, a misspelt force, an unanswered recommendation,
//! a status outside the list, a date written the British way, a misspelt key), so the rule pass
//! and the schema tools do the work they do on real folders.
#![allow(dead_code)]

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

/// A small xorshift generator: no dependency, same sequence everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// (force, its local policing body) pairs, as in `crates/section55_core/catalogues/forces.tsv`.
pub const FORCES: &[(&str, &str)] = &[
    (
        "Avon and Somerset Constabulary",
        "Police and Crime Commissioner for Avon and Somerset",
    ),
    (
        "Bedfordshire Police",
        "Police and Crime Commissioner for Bedfordshire",
    ),
    (
        "Cheshire Constabulary",
        "Police and Crime Commissioner for Cheshire",
    ),
    (
        "Cumbria Constabulary",
        "Police, Fire and Crime Commissioner for Cumbria",
    ),
    (
        "Devon and Cornwall Police",
        "Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly",
    ),
    (
        "Dyfed-Powys Police",
        "Police and Crime Commissioner for Dyfed-Powys",
    ),
    (
        "Essex Police",
        "Police, Fire and Crime Commissioner for Essex",
    ),
    ("Greater Manchester Police", "Mayor of Greater Manchester"),
    ("Gwent Police", "Police and Crime Commissioner for Gwent"),
    ("Kent Police", "Police and Crime Commissioner for Kent"),
    (
        "Lancashire Constabulary",
        "Police and Crime Commissioner for Lancashire",
    ),
    (
        "Merseyside Police",
        "Police and Crime Commissioner for Merseyside",
    ),
    (
        "Metropolitan Police Service",
        "Mayor's Office for Policing and Crime",
    ),
    (
        "Norfolk Constabulary",
        "Police and Crime Commissioner for Norfolk",
    ),
    (
        "North Wales Police",
        "Police and Crime Commissioner for North Wales",
    ),
    (
        "Northumbria Police",
        "Police and Crime Commissioner for Northumbria",
    ),
    (
        "South Wales Police",
        "Police and Crime Commissioner for South Wales",
    ),
    ("Surrey Police", "Police and Crime Commissioner for Surrey"),
    (
        "Thames Valley Police",
        "Police and Crime Commissioner for Thames Valley",
    ),
    (
        "West Midlands Police",
        "Police and Crime Commissioner for West Midlands",
    ),
    ("West Yorkshire Police", "Mayor of West Yorkshire"),
    (
        "Wiltshire Police",
        "Police and Crime Commissioner for Wiltshire and Swindon",
    ),
];

pub const PUBLICATION_TYPES: &[&str] = &[
    "PEEL",
    "Child protection",
    "Custody suites",
    "Crime recording",
    "Domestic abuse",
    "Vetting",
    "Stop and search",
    "Violence against women and girls",
    "Vulnerability",
];

const TOPICS: &[&str] = &[
    "the police response to domestic abuse",
    "custody arrangements",
    "crime data integrity",
    "the handling of vetting and counter-corruption",
    "child protection",
    "the use of stop and search",
    "responding to the public",
    "the investigation of rape and serious sexual offences",
    "neighbourhood policing",
];

const SUBJECTS: &[&str] = &[
    "The force",
    "Chief constables",
    "The constabulary",
    "Supervisors",
    "The force's leaders",
    "Neighbourhood teams",
    "The public protection unit",
    "Control room staff",
];

const VERBS: &[&str] = &[
    "should make sure that",
    "should improve how",
    "should review whether",
    "should introduce a process so that",
    "should develop a plan so that",
    "should evaluate how",
];

const CLAUSES: &[&str] = &[
    "officers record the reasons for each decision in the case file",
    "victims are kept informed of the progress of their case",
    "calls for service are answered within national standards",
    "risk assessments are completed and reviewed by a supervisor",
    "safeguarding referrals are made to partner agencies without delay",
    "data returns to the Home Office are accurate and complete",
    "staff have the training and guidance they need",
    "outstanding suspects are arrested promptly",
    "detainees' welfare is checked at the required intervals",
];

const SENTENCES: &[&str] = &[
    "The inspectorate found that the force had made progress since its last inspection.",
    "Leaders have a clear understanding of the demand the force faces and have planned for it.",
    "Supervision of investigations was inconsistent, and some victims were not kept informed.",
    "The force works well with partner agencies to protect vulnerable people.",
    "Officers and staff told the inspectors that they felt supported by their supervisors.",
    "We have established a programme board, chaired by the deputy chief constable, to oversee delivery.",
    "Progress will be reported to the Police and Crime Panel at each of its meetings.",
    "A new performance framework gives supervisors daily information about outstanding work.",
    "Training for all frontline officers will be completed by the end of the financial year.",
    "I will hold the Chief Constable to account for this work through my accountability board.",
    "The force has invested in additional staff for its public protection teams.",
    "We accept the findings and have already started work to address them.",
];

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    let mut text = String::new();
    for i in 0..sentences {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(rng.pick(SENTENCES));
    }
    text
}

/// Writes `text` as a literal block scalar (`|`) at `indent` spaces.
fn block(out: &mut String, indent: usize, paragraphs: &[String]) {
    out.push_str("|\n");
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{:indent$}{p}", "");
    }
}

/// The shape of a generated response.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub recommendations: usize,
    pub areas_for_improvement: usize,
    /// Sentences per long text (key findings, the two responses' texts).
    pub sentences: usize,
    /// Add the mistakes real drafts carry (see the module docs); false gives a clean file.
    pub mistakes: bool,
}

impl Shape {
    /// A typical response: ~10 KB, like the reference example.
    pub fn typical() -> Self {
        Shape {
            recommendations: 6,
            areas_for_improvement: 4,
            sentences: 12,
            mistakes: false,
        }
    }
}

/// One response file.
pub fn response(seed: u64, shape: Shape) -> String {
    let mut rng = Rng::new(seed);
    let (force, body) = rng.pick(FORCES);
    let published = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Days::new(rng.below(700) as u64);
    let last_day = published + Days::new(55);
    let topic = rng.pick(TOPICS);
    let ptype = rng.pick(PUBLICATION_TYPES);
    let mistake = if shape.mistakes {
        rng.below(12)
    } else {
        usize::MAX
    };

    let mut out = String::with_capacity(2048 + shape.recommendations * 1200);
    out.push_str("# yaml-language-server: $schema=../schemas/section55-response.schema.json\n");
    let _ = writeln!(out, "policing_body: {body}");
    let force_written = if mistake == 0 {
        force.replacen('o', "oo", 1)
    } else {
        force.to_owned()
    };
    let _ = writeln!(out, "force: {force_written}\n");
    let _ = writeln!(out, "inspection:");
    let _ = writeln!(out, "  title: \"An inspection of {topic} in {force}\"");
    if mistake == 1 {
        let _ = writeln!(out, "  published: {}", published.format("%d/%m/%Y"));
    } else {
        let _ = writeln!(out, "  published: {published}");
    }
    let _ = writeln!(out, "  publication_types: [{ptype}]");
    let _ = writeln!(out, "  forces: [{force}]");
    let _ = writeln!(
        out,
        "  link: https://hmicfrs.justiceinspectorates.gov.uk/publications/report-{seed}/\n"
    );
    let deadline = if mistake == 2 {
        last_day + Days::new(1)
    } else {
        last_day
    };
    let _ = writeln!(out, "response_deadline: {deadline}\n");

    out.push_str("key_findings: ");
    let findings: Vec<String> = (0..3)
        .map(|_| paragraph(&mut rng, shape.sentences.div_ceil(3)))
        .collect();
    block(&mut out, 2, &findings);
    out.push('\n');

    let recommendations_key = if mistake == 3 {
        "recomendations"
    } else {
        "recommendations"
    };
    if shape.recommendations == 0 {
        let _ = writeln!(out, "{recommendations_key}: []");
    } else {
        let _ = writeln!(out, "{recommendations_key}:");
    }
    let mut statuses = Vec::with_capacity(shape.recommendations);
    for id in 1..=shape.recommendations {
        let due = published + Days::new(90 + rng.below(400) as u64);
        let status = match rng.below(10) {
            0 => "partially-accepted",
            1 if id > 1 => "not-accepted",
            _ => "accepted",
        };
        statuses.push(status);
        let _ = writeln!(out, "  - id: {id}");
        let _ = writeln!(
            out,
            "    text: >-\n      By {}, {} {} {}.",
            section55::dates::long(due),
            rng.pick(SUBJECTS).to_lowercase(),
            rng.pick(VERBS),
            rng.pick(CLAUSES),
        );
        let _ = writeln!(out, "    due: {due}");
        let _ = writeln!(out, "    directed_at: [Chief constables]");
        let written = if mistake == 4 && id == 1 {
            "agreed"
        } else {
            status
        };
        let _ = writeln!(out, "    status: {written}");
    }
    out.push('\n');

    if shape.areas_for_improvement == 0 {
        out.push_str("areas_for_improvement: []\n\n");
    } else {
        out.push_str("areas_for_improvement:\n");
        for id in 1..=shape.areas_for_improvement {
            let _ = writeln!(out, "  - id: {id}");
            let _ = writeln!(
                out,
                "    text: {} {} {}.",
                rng.pick(SUBJECTS),
                rng.pick(VERBS),
                rng.pick(CLAUSES)
            );
            let _ = writeln!(out, "    status: accepted");
        }
        out.push('\n');
    }

    out.push_str("chief_constable_response:\n  text: ");
    let cc: Vec<String> = (0..2)
        .map(|_| paragraph(&mut rng, shape.sentences.div_ceil(2)))
        .collect();
    block(&mut out, 4, &cc);
    if shape.recommendations + shape.areas_for_improvement > 0 {
        out.push_str("  responses:\n");
    }
    for (i, status) in statuses.iter().enumerate() {
        let id = i + 1;
        if mistake == 5 && id == shape.recommendations {
            continue; // an unanswered recommendation
        }
        let _ = writeln!(out, "    - recommendation: {id}");
        if *status == "not-accepted" {
            let _ = writeln!(
                out,
                "      no_action_reason: >-\n        {}",
                paragraph(&mut rng, 2)
            );
        } else {
            let _ = writeln!(out, "      action: >-\n        {}", paragraph(&mut rng, 3));
            let due = published + Days::new(60 + rng.below(300) as u64);
            let _ = writeln!(out, "      due: {due}");
        }
    }
    for id in 1..=shape.areas_for_improvement {
        let _ = writeln!(out, "    - area_for_improvement: {id}");
        let _ = writeln!(out, "      action: {}", paragraph(&mut rng, 1));
    }
    out.push('\n');

    out.push_str("pcc_response:\n  text: ");
    let pcc: Vec<String> = (0..2)
        .map(|_| paragraph(&mut rng, shape.sentences.div_ceil(2)))
        .collect();
    block(&mut out, 4, &pcc);
    out.push('\n');

    let published_on = last_day - Days::new(rng.below(20) as u64);
    out.push_str("office_use:\n");
    out.push_str("  forwarded_to_chief_constable: true\n");
    out.push_str("  forwarded_to_police_and_crime_panel: true\n");
    out.push_str("  submitted_to_hmicfrs: true\n");
    if mistake != 6 {
        out.push_str("  sent_to_home_secretary: true\n");
    }
    out.push_str("  published_on_website: true\n");
    let _ = writeln!(out, "  published_on: {published_on}");
    out
}

/// The corpus of `n` files compared against other tools: sizes from ~2 KB to ~13 KB, about one in
/// seven with a typical mistake. Returns (file name, text).
pub fn corpus(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let seed = 1000 + i as u64;
            let mut rng = Rng::new(seed ^ 0xC0FFEE);
            let shape = Shape {
                recommendations: rng.below(12),
                areas_for_improvement: rng.below(8),
                sentences: 4 + rng.below(16),
                mistakes: rng.chance(25),
            };
            (format!("response-{i:04}.s55.yaml"), response(seed, shape))
        })
        .collect()
}

/// One clean response of at least `bytes` bytes, grown by adding recommendations (each with a
/// response from the chief constable).
pub fn large(bytes: usize) -> String {
    // ~820 bytes per recommendation with its response, measured on this generator.
    let mut shape = Shape {
        recommendations: bytes / 820,
        areas_for_improvement: 20,
        sentences: 24,
        mistakes: false,
    };
    loop {
        let text = response(42, shape);
        if text.len() >= bytes {
            return text;
        }
        shape.recommendations += (bytes - text.len()) / 700 + 1;
    }
}

/// `clean` (a response whose forces are `[Surrey Police]`) with `n` unknown forces added to that
/// flow list: one line of ~22 bytes per finding.
pub fn unknown_forces_on_one_line(clean: &str, n: usize) -> String {
    let mut list = String::from("forces: [Surrey Police");
    for i in 0..n {
        let _ = write!(list, ", Nowhere Police {i:05}");
    }
    list.push(']');
    clean.replacen("forces: [Surrey Police]", &list, 1)
}

/// `clean` followed by `n` unknown top-level keys (`key0: x` …): ~13 bytes per key at a million.
pub fn unknown_keys(clean: &str, n: usize) -> String {
    let mut text = String::with_capacity(clean.len() + n * 14);
    text.push_str(clean);
    for i in 0..n {
        let _ = writeln!(text, "key{i}: x");
    }
    text
}

/// Whether a line is a top-level key (not indented, not a comment, not a list item).
fn is_top_key(line: &str) -> bool {
    !line.trim().is_empty() && !line.starts_with([' ', '#', '-'])
}

/// `text` with its top-level sections in reverse order, each with the comment and blank lines
/// right above it (the lines before the first key stay on top): what `section55 fmt` puts back.
pub fn out_of_order(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let first = lines.iter().position(|l| is_top_key(l)).unwrap_or(0);
    let mut starts = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(first) {
        if is_top_key(line) {
            let mut start = i;
            while start > first
                && starts.last().is_none_or(|&s| start - 1 > s)
                && !is_top_key(lines[start - 1])
                && (lines[start - 1].trim().is_empty() || lines[start - 1].starts_with('#'))
            {
                start -= 1;
            }
            starts.push(start);
        }
    }
    let mut chunks: Vec<String> = starts
        .iter()
        .enumerate()
        .map(|(n, &s)| lines[s..starts.get(n + 1).copied().unwrap_or(lines.len())].concat())
        .collect();
    chunks.reverse();
    let mut out = lines[..first].concat();
    for chunk in &chunks {
        out.push_str(chunk);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// `text` indented twice as deep (four spaces a level, an item's keys four in from its dash):
/// the same YAML, which `section55 fmt` indents as before.
pub fn four_spaces(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let rest = line.trim_start_matches(' ');
            let spaces = " ".repeat(2 * (line.len() - rest.len()));
            match rest.strip_prefix("- ") {
                Some(item) => format!("{spaces}-   {item}"),
                None => format!("{spaces}{rest}"),
            }
        })
        .collect()
}
