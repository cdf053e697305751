//! Hostile input through the real binary (`section55 check --format json`): every case ends with
//! exit code 0 or 1, a JSON report on stdout and, where the file is broken, a finding that says
//! so. Each file is then formatted (`section55 fmt`): formatted, and unchanged by formatting it
//! again, or refused and left as it was. Never a panic (exit 101), a signal or a hang: each run is killed after a generous timeout
//! and the test fails. Outcomes are asserted, not times; `benches/` records time and memory.
//!
//! Large inputs are generated here into a temporary folder. They are sized by work for the debug
//! binary on a busy two-core machine (tens of thousands of keys, megabytes of text: enough to show
//! that time and memory grow linearly, since a quadratic step would take hours at these sizes);
//! the time limit is only a hang detector. Timings at full scale (50 MB, 200,000 keys) are the
//! benchmarks' business (`benches/`).

#[path = "../benches/generate/mod.rs"]
mod generate;
#[path = "lsp_client/mod.rs"]
mod lsp_client;

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

const EXAMPLE: &str = include_str!("../examples/norfolk-gbcse-progress-2025.s55.yaml");
const CLEAN: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");
/// How long one run may take before it counts as a hang (`SECTION55_HOSTILE_TIMEOUT` seconds
/// overrides it, for exploring).
fn timeout() -> Duration {
    let secs = std::env::var("SECTION55_HOSTILE_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok());
    Duration::from_secs(secs.unwrap_or(300))
}

struct Outcome {
    code: i32,
    report: Value,
    /// Peak resident memory of the process in KiB, as sampled while it ran (0 when unknown).
    peak_kib: u64,
}

impl Outcome {
    fn diagnostics(&self) -> &[Value] {
        self.report["diagnostics"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    fn rules(&self) -> Vec<&str> {
        self.diagnostics()
            .iter()
            .filter_map(|d| d["rule"].as_str())
            .collect()
    }

    fn has(&self, rule: &str) -> bool {
        self.rules().contains(&rule)
    }

    fn messages(&self, rule: &str) -> Vec<&str> {
        self.diagnostics()
            .iter()
            .filter(|d| d["rule"] == rule)
            .filter_map(|d| d["message"].as_str())
            .collect()
    }

    fn count(&self, rule: &str) -> usize {
        self.rules().iter().filter(|r| **r == rule).count()
    }

    /// (rule, line) pairs, for comparing two runs.
    fn findings(&self) -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> = self
            .diagnostics()
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap_or("").to_owned(),
                    d["range"]["start"]["line"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        v.sort();
        v
    }
}

fn temp_dir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "section55-hostile-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).expect("create a temporary folder");
    dir
}

fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Writes `bytes` as a response file and checks it with the built binary.
fn check(name: &str, bytes: impl AsRef<[u8]>) -> Outcome {
    check_within(name, bytes, timeout())
}

/// [`check`] with its own hang limit, for the largest inputs.
fn check_within(name: &str, bytes: impl AsRef<[u8]>, limit: Duration) -> Outcome {
    let dir = temp_dir();
    let path = dir.join("hostile.s55.yaml");
    std::fs::write(&path, bytes.as_ref()).expect("write the hostile file");
    let outcome = run_within(name, &[path.to_str().unwrap()], limit);
    format_within(name, &path, limit);
    let _ = std::fs::remove_dir_all(&dir);
    outcome
}

/// `section55 fmt` on the hostile file: formatted (and then formatting it again changes
/// nothing), or refused with the file left as it was; never a crash or a hang.
fn format_within(name: &str, path: &std::path::Path, limit: Duration) {
    let file = path.to_str().unwrap();
    let before = std::fs::read(path).expect("read the hostile file");
    let ran = spawn_within(name, &["fmt", file], limit);
    match ran.code {
        0 => {
            let again = spawn_within(name, &["fmt", "--check", file], limit);
            assert_eq!(
                again.code, 0,
                "{name}: formatting twice changes it: {}",
                again.stderr
            );
        }
        2 => {
            assert!(
                ran.stderr.contains("not formatted"),
                "{name}: {}",
                ran.stderr
            );
            let after = std::fs::read(path).expect("read the hostile file");
            assert!(after == before, "{name}: a refused file was changed");
        }
        code => panic!("{name}: fmt exit code {code}: {}", ran.stderr),
    }
}

fn run(name: &str, args: &[&str]) -> Outcome {
    run_within(name, args, timeout())
}

fn run_within(name: &str, args: &[&str], limit: Duration) -> Outcome {
    let ran = run_format(name, "json", args, limit);
    let report: Value = serde_json::from_slice(&ran.stdout).unwrap_or_else(|e| {
        panic!(
            "{name}: stdout is not a JSON report ({e}); stderr: {}",
            ran.stderr
        )
    });
    assert!(
        report["diagnostics"].is_array() && report["summary"].is_object(),
        "{name}: not a report"
    );
    eprintln!(
        "{name}: {} findings",
        report["diagnostics"].as_array().map_or(0, Vec::len),
    );
    Outcome {
        code: ran.code,
        report,
        peak_kib: ran.peak_kib,
    }
}

/// What one run printed.
struct Ran {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
    peak_kib: u64,
}

/// `section55 check --format FORMAT ARGS`, killed and failed after `limit`; fails unless it
/// exits 0 or 1.
fn run_format(name: &str, format: &str, args: &[&str], limit: Duration) -> Ran {
    let check = ["check", "--format", format, "--today", "2026-01-15"];
    let ran = spawn_within(name, &[&check[..], args].concat(), limit);
    assert!(
        ran.code == 0 || ran.code == 1,
        "{name}: exit code {} (0 or 1 expected); stderr: {}",
        ran.code,
        ran.stderr.chars().take(2000).collect::<String>()
    );
    eprintln!("{name} ({format}): exit {}", ran.code);
    ran
}

/// `section55 ARGS`, killed and failed after `limit` or on a signal.
fn spawn_within(name: &str, args: &[&str], limit: Duration) -> Ran {
    let mut child = Command::new(env!("CARGO_BIN_EXE_section55"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start section55");
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let started = Instant::now();
    let mut peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for section55") {
            break status;
        }
        peak = peak.max(peak_kib(pid).unwrap_or(0));
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{name}: no answer within {limit:?} (killed)");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out.join().unwrap();
    let stderr = String::from_utf8_lossy(&err.join().unwrap()).into_owned();
    let code = status
        .code()
        .unwrap_or_else(|| panic!("{name}: killed by a signal ({status:?}); stderr: {stderr}"));
    eprintln!(
        "{name} ({}): exit {code}, {:.1} s, peak ~{} MiB",
        args.first().unwrap_or(&""),
        started.elapsed().as_secs_f64(),
        peak / 1024
    );
    Ran {
        code,
        stdout,
        stderr,
        peak_kib: peak,
    }
}

/// At most 1,000 findings of a rule are reported per file, then one that counts the rest.
fn assert_capped(o: &Outcome, rule: &str, total: usize) {
    assert_eq!(o.count(rule), 1_001, "{rule}");
    let messages = o.messages(rule);
    let last = messages.last().copied().unwrap_or_default();
    assert!(
        last.starts_with(&format!("{} more {rule} findings", total - 1_000)),
        "{last}"
    );
}

fn assert_invalid_yaml(name: &str, o: &Outcome, message_part: &str) {
    assert_eq!(o.code, 1, "{name}: a broken file is an error");
    let messages = o.messages("invalid-yaml");
    assert!(
        messages.iter().any(|m| m.contains(message_part)),
        "{name}: expected an invalid-yaml finding mentioning {message_part:?}, got {:?}",
        o.diagnostics().iter().take(5).collect::<Vec<_>>()
    );
}

// ----- nesting -------------------------------------------------------------------------------

#[test]
fn deep_flow_sequences() {
    let n = 100_000;
    let o = check(
        "100,000 nested flow sequences",
        format!("{}{}", "[".repeat(n), "]".repeat(n)),
    );
    assert_invalid_yaml("flow sequences", &o, "nesting");
}

#[test]
fn deep_flow_mappings() {
    let n = 100_000;
    let o = check(
        "100,000 nested flow mappings",
        format!("{}x{}", "{a: ".repeat(n), "}".repeat(n)),
    );
    assert_invalid_yaml("flow mappings", &o, "nesting");
}

#[test]
fn deep_block_sequences() {
    // Compact block sequences: `- - - - x` nests one level per dash on a single line.
    let n = 100_000;
    let o = check(
        "100,000 nested block sequences",
        format!("{}x\n", "- ".repeat(n)),
    );
    assert_invalid_yaml("block sequences", &o, "nesting");
}

#[test]
fn deep_block_mappings() {
    // Block mappings nest by indentation, so the file grows with the square of the depth: 3,000
    // levels (4.5 MB) stand for any depth past the limit.
    let n = 3_000;
    let mut text = String::new();
    for depth in 0..n {
        text.push_str(&" ".repeat(depth));
        text.push_str("a:\n");
    }
    let o = check("3,000 nested block mappings", text);
    assert_invalid_yaml("block mappings", &o, "nesting");
}

#[test]
fn deep_mixed_nesting_inside_a_response() {
    let n = 100_000;
    let text = EXAMPLE.replace(
        "areas_for_improvement: []",
        &format!(
            "areas_for_improvement: {}{}",
            "[{a: ".repeat(n),
            "}]".repeat(n)
        ),
    );
    let o = check("100,000 nested levels inside the example", text);
    assert_invalid_yaml("mixed", &o, "nesting");
}

#[test]
fn unclosed_brackets() {
    let o = check("100,000 unclosed brackets", "[".repeat(100_000));
    assert_eq!(o.code, 1);
    assert!(o.has("invalid-yaml"));
}

// ----- aliases -------------------------------------------------------------------------------

#[test]
fn billion_laughs() {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let o = check("billion laughs", text);
    assert_invalid_yaml("billion laughs", &o, "aliases");
}

#[test]
fn billion_laughs_with_mappings() {
    let mut text = String::from("a: &a {x: lol, y: lol, z: lol}\n");
    for (prev, name) in "abcdefghijklmnop".chars().zip("bcdefghijklmnopq".chars()) {
        text.push_str(&format!(
            "{name}: &{name} {{x: *{prev}, y: *{prev}, z: *{prev}}}\n"
        ));
    }
    let o = check("billion laughs with mappings", text);
    assert_invalid_yaml("mapping laughs", &o, "aliases");
}

#[test]
fn alias_bomb_of_long_strings() {
    // Few nodes, many bytes: one 100 KB string repeated by 5,000 aliases would be 500 MB.
    let mut text = format!("key_findings: &big \"{}\"\nforces:\n", "x".repeat(100_000));
    for _ in 0..5_000 {
        text.push_str("  - *big\n");
    }
    let o = check("alias bomb of long strings", text);
    assert_invalid_yaml("string bomb", &o, "aliases");
    assert!(
        o.peak_kib < 400 * 1024,
        "the expansion was built: peak {} MiB",
        o.peak_kib / 1024
    );
}

#[test]
fn alias_to_undefined_anchor_and_self_reference() {
    let o = check("undefined alias", "a: *nowhere\n");
    assert_eq!(o.code, 1);
    assert!(o.has("invalid-yaml"));
    let o = check("self reference", "a: &a [*a]\n");
    assert_eq!(o.code, 1);
    assert!(o.has("invalid-yaml"));
}

#[test]
fn many_anchors_and_aliases_within_the_limit() {
    let mut text = EXAMPLE.to_owned();
    text.push_str("x_anchors:\n");
    for i in 0..20_000 {
        text.push_str(&format!("  - &a{i} v{i}\n"));
    }
    let o = check("20,000 anchors", text);
    assert!(o.has("schema"), "the unknown key is reported");
}

#[test]
fn merge_keys() {
    let text = EXAMPLE.replace(
        "office_use:\n",
        "defaults: &defaults\n  submitted_to_hmicfrs: true\noffice_use:\n  <<: *defaults\n",
    );
    let o = check("merge keys", text);
    assert_eq!(o.code, 1);
    assert!(
        o.has("schema"),
        "`<<` and `defaults` are unknown keys: {:?}",
        o.rules()
    );
    // The rest of the file is still checked.
    assert!(o.has("deadline-off-by-one"));
}

// ----- size ----------------------------------------------------------------------------------

#[test]
fn ten_megabytes() {
    // A 10 MB response: the 1 MB benchmark file's shape, with 10 times the recommendations.
    let text = generate::large(10 << 20);
    assert!(text.len() >= 10 << 20);
    let o = check("10 MB response", &text);
    assert_eq!(
        o.code,
        0,
        "the generated file is clean: {:?}",
        o.diagnostics().iter().take(3).collect::<Vec<_>>()
    );
}

#[test]
fn twenty_thousand_recommendations() {
    let n = 20_000;
    let mut text = CLEAN.replace("recommendations:\n", "recommendations_REPLACED:\n");
    let mut recs = String::from("recommendations:\n");
    let mut answers = String::new();
    for id in 1..=n {
        recs.push_str(&format!(
            "  - id: {id}\n    text: Recommendation {id}.\n    status: accepted\n"
        ));
        if id % 2 == 0 {
            answers.push_str(&format!(
                "    - recommendation: {id}\n      action: Done.\n"
            ));
        }
    }
    // Replace the example's single recommendation and answer it and half of the others.
    let start = text.find("recommendations_REPLACED:").unwrap();
    let end = text.find("causes_of_concern:").unwrap();
    text.replace_range(start..end, &format!("{recs}\n"));
    text = text.replace(
        "  responses:\n    - recommendation: 1\n",
        &format!("  responses:\n{answers}    - recommendation: 1\n"),
    );
    let o = check("20,000 recommendations", text);
    assert_eq!(o.code, 1);
    // Every odd id but 1 is unanswered.
    assert_capped(&o, "unanswered-recommendation", n / 2 - 1);
}

#[test]
fn twenty_thousand_unknown_keys() {
    let mut text = CLEAN.to_owned();
    for i in 0..20_000 {
        text.push_str(&format!("unknown_{i}: x\n"));
    }
    let o = check("20,000 unknown keys", text);
    assert_eq!(o.code, 1);
    assert_capped(&o, "schema", 20_000);
}

#[test]
fn twenty_thousand_duplicate_keys() {
    let mut text = CLEAN.to_owned();
    for _ in 0..20_000 {
        text.push_str("force: Surrey Police\n");
    }
    let o = check("20,000 duplicate keys", text);
    assert_eq!(o.code, 1);
    assert_capped(&o, "invalid-yaml", 20_000);
}

#[test]
fn very_long_lines() {
    // A 4 MB line of text, a 1 MB key and a 1 MB flow list on one line.
    let long_text = EXAMPLE.replace(
        "key_findings: |",
        &format!("key_findings: {}\nx_old: |", "word ".repeat(800_000)),
    );
    let o = check("4 MB line", long_text);
    assert!(o.has("schema"), "x_old is unknown");
    assert!(o.has("deadline-off-by-one"), "the rest is still checked");

    // YAML limits implicit keys to 1024 characters: a longer one is a syntax error that says so.
    let o = check("1 MB key", format!("{CLEAN}{}: x\n", "k".repeat(1 << 20)));
    assert_invalid_yaml("1 MB key", &o, "1024 characters");
    let o = check(
        "1 MB quoted key",
        format!("{CLEAN}? \"{}\"\n: x\n", "k".repeat(1 << 20)),
    );
    assert_eq!(o.code, 1);
    assert!(
        o.has("schema"),
        "an explicit key may be long, and is unknown: {:?}",
        o.rules()
    );

    let o = check(
        "1 MB flow list",
        CLEAN.replace(
            "forces: [Surrey Police]",
            &format!(
                "forces: [{}Surrey Police]",
                "Surrey Police, ".repeat(70_000)
            ),
        ),
    );
    assert!(o.code == 0 || o.code == 1);
}

#[test]
fn ten_thousand_findings_on_one_line() {
    // 10,000 unknown forces in one flow list: a 220 KB line. Every format writes the first
    // 1,000 and a count of the rest; the human format cuts the line to a window per finding.
    let text = generate::unknown_forces_on_one_line(CLEAN, 10_000);
    let dir = temp_dir();
    let path = dir.join("line.s55.yaml");
    std::fs::write(&path, &text).expect("write");
    let path = path.to_str().unwrap();
    let o = run("10,000 findings on one line", &[path]);
    assert_capped(&o, "unknown-force", 10_000);
    let sarif = run_format("10,000 findings on one line", "sarif", &[path], timeout());
    let sarif: Value = serde_json::from_slice(&sarif.stdout).expect("SARIF is JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let unknown = results.iter().filter(|r| r["ruleId"] == "unknown-force");
    assert_eq!(unknown.count(), 1_001);
    let human = run_format("10,000 findings on one line", "human", &[path], timeout());
    let human = String::from_utf8_lossy(&human.stdout);
    assert_eq!(human.matches("warning[unknown-force]").count(), 1_001);
    assert!(
        human.contains("9000 more unknown-force findings"),
        "the rest are counted"
    );
    let longest = human.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        longest < 400,
        "a code frame shows the whole line ({longest} characters)"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_million_keys() {
    // 1,000,000 unknown keys (13 MB): 1,000 findings and a count of the rest, in memory that
    // grows with the file, not with every finding.
    let text = generate::unknown_keys(CLEAN, 1_000_000);
    assert!(text.len() > 12 << 20, "{} bytes", text.len());
    // A debug build on a busy two-core machine takes minutes: the limit is four times the
    // others'.
    let o = check_within("1,000,000 keys", &text, timeout() * 4);
    assert_eq!(o.code, 1);
    assert_capped(&o, "schema", 1_000_000);
    assert!(
        o.peak_kib < 1 << 20,
        "peak {} MiB for a 13 MB file",
        o.peak_kib / 1024
    );
}

// ----- bytes and characters ------------------------------------------------------------------

#[test]
fn invalid_utf8() {
    let mut bytes = EXAMPLE.as_bytes().to_vec();
    let at = EXAMPLE.find("Norfolk Constabulary").unwrap();
    bytes[at] = 0xFF;
    let o = check("invalid UTF-8", &bytes);
    assert_invalid_yaml("invalid UTF-8", &o, "UTF-8");

    let o = check(
        "only invalid bytes",
        [
            0xC3u8, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC,
        ],
    );
    assert_invalid_yaml("only invalid bytes", &o, "UTF-8");

    // A truncated multi-byte character at the very end.
    let o = check(
        "truncated character",
        [EXAMPLE.as_bytes(), &[0xE2, 0x82]].concat(),
    );
    assert_invalid_yaml("truncated", &o, "UTF-8");
}

#[test]
fn nul_bytes() {
    let o = check(
        "NUL in a value",
        EXAMPLE.replacen("Norfolk Constabulary", "Norfolk\0Constabulary", 1),
    );
    assert_eq!(o.code, 1);
    assert!(!o.diagnostics().is_empty());
    let o = check("only NULs", vec![0u8; 10_000]);
    assert_eq!(o.code, 1);
    assert!(!o.diagnostics().is_empty());
}

#[test]
fn byte_order_marks() {
    let plain = check("no BOM", EXAMPLE);
    let with_bom = check("BOM", format!("\u{FEFF}{EXAMPLE}"));
    assert_eq!(
        with_bom.findings(),
        plain.findings(),
        "a leading BOM changes nothing"
    );
    let o = check(
        "BOM in the middle",
        EXAMPLE.replacen("force:", "\u{FEFF}force:", 1),
    );
    assert!(o.code == 0 || o.code == 1);
    let o = check(
        "UTF-16 BOM",
        [&[0xFFu8, 0xFE][..], "a: b".as_bytes()].concat(),
    );
    assert_invalid_yaml("UTF-16", &o, "UTF-8");
}

#[test]
fn tabs() {
    let o = check(
        "tab indentation",
        EXAMPLE.replace("\n  published:", "\n\tpublished:"),
    );
    assert_invalid_yaml("tab indentation", &o, "tab");
    let o = check(
        "tabs in values",
        EXAMPLE.replace("Norfolk Constabulary", "Norfolk\tConstabulary"),
    );
    assert!(o.code == 0 || o.code == 1);
}

#[test]
fn line_endings() {
    let lf = check("LF", EXAMPLE);
    let crlf = check("CRLF", EXAMPLE.replace('\n', "\r\n"));
    assert_eq!(
        crlf.findings(),
        lf.findings(),
        "CRLF reports the same findings on the same lines"
    );
    let cr = check("lone CR", EXAMPLE.replace('\n', "\r"));
    assert_eq!(
        cr.findings(),
        lf.findings(),
        "lone CR reports the same findings on the same lines"
    );
    let mixed = check(
        "mixed",
        EXAMPLE.replacen('\n', "\r", 20).replacen('\n', "\r\n", 20),
    );
    assert_eq!(mixed.findings(), lf.findings());
}

#[test]
fn control_and_unusual_characters() {
    for (name, text) in [
        (
            "escape characters",
            EXAMPLE.replacen("Norfolk Constabulary", "Norfolk \u{1b}[31mConstabulary", 1),
        ),
        (
            "bidi override",
            EXAMPLE.replacen("Norfolk Constabulary", "Norfolk \u{202E}Constabulary", 1),
        ),
        (
            "lone surrogate escape",
            EXAMPLE.replacen("link: \"#\"", "link: \"\\ud800\"", 1),
        ),
        ("emoji keys", format!("{CLEAN}\"🚓🚓\": x\n")),
        ("line separator", EXAMPLE.replacen('\n', "\u{2028}", 5)),
    ] {
        check(name, text);
    }
}

// ----- YAML features -------------------------------------------------------------------------

#[test]
fn tags() {
    for (name, text) in [
        (
            "binary tag",
            EXAMPLE.replacen("link: \"#\"", "link: !!binary aGVsbG8=", 1),
        ),
        (
            "str tag on a date",
            EXAMPLE.replacen("published: 2025-10-24", "published: !!str 2025-10-24", 1),
        ),
        ("local tag", EXAMPLE.replacen("force:", "force: !custom", 1)),
        (
            "map tag on a list",
            EXAMPLE.replacen("forces: [", "forces: !!map [", 1),
        ),
        (
            "timestamp tag",
            EXAMPLE.replacen(
                "published: 2025-10-24",
                "published: !!timestamp 2025-10-24",
                1,
            ),
        ),
        (
            "tag directive",
            format!("%TAG !e! tag:example.com,2000:\n---\n{EXAMPLE}"),
        ),
        (
            "python tag",
            EXAMPLE.replacen(
                "force:",
                "force: !!python/object/apply:os.system [\"true\"]\nx:",
                1,
            ),
        ),
    ] {
        let o = check(name, text);
        assert!(
            !o.diagnostics().is_empty(),
            "{name}: the example always has findings"
        );
    }
}

#[test]
fn documents_and_directives() {
    for (name, text, invalid) in [
        ("empty file", String::new(), false),
        ("only a comment", "# nothing\n".to_owned(), false),
        ("only ---", "---\n".to_owned(), false),
        ("only ...", "...\n".to_owned(), false),
        ("two documents", format!("{CLEAN}---\n{CLEAN}"), true),
        ("100,000 documents", "---\na: 1\n".repeat(100_000), true),
        ("a scalar", "just text\n".to_owned(), false),
        ("a list", "- a\n- b\n".to_owned(), false),
        ("complex key", "? [a, b]\n: c\n".to_owned(), true),
        ("null key", "~: a\n".to_owned(), false),
    ] {
        let o = check(name, text);
        assert_eq!(o.code, 1, "{name}: nothing here is a valid response");
        if invalid {
            assert!(o.has("invalid-yaml"), "{name}: {:?}", o.rules());
        }
    }
    // Directives before the document are YAML, not content.
    let o = check("YAML 1.1 directive", format!("%YAML 1.1\n---\n{CLEAN}"));
    assert_eq!(o.findings(), check("no directive", CLEAN).findings());
}

#[test]
fn odd_numbers_and_values() {
    for (name, replace, with) in [
        (
            "huge id",
            "  - id: 1\n",
            "  - id: 99999999999999999999999999\n",
        ),
        (
            "negative id",
            "  - id: 1\n",
            "  - id: -9223372036854775808\n",
        ),
        ("float id", "  - id: 1\n", "  - id: .nan\n"),
        ("infinite id", "  - id: 1\n", "  - id: -.inf\n"),
        ("hex id", "  - id: 1\n", "  - id: 0xFFFFFFFFFFFFFFFFFF\n"),
        (
            "impossible date",
            "published: 2025-10-24",
            "published: 2025-02-30",
        ),
        (
            "far future date",
            "published: 2025-10-24",
            "published: 9999-12-31",
        ),
        (
            "far past date",
            "published: 2025-10-24",
            "published: 0001-01-01",
        ),
        (
            "year 262143",
            "published: 2025-10-24",
            "published: 262143-12-31",
        ),
        (
            "deadline far away",
            "response_deadline: 2025-12-19",
            "response_deadline: 9999-12-31",
        ),
        (
            "long status",
            "status: accepted",
            "status: acceptedacceptedacceptedacceptedacceptedacceptedacceptedaccepted",
        ),
    ] {
        assert!(EXAMPLE.contains(replace), "{name}");
        let o = check(name, EXAMPLE.replacen(replace, with, 1));
        // A report from year 1 predates s.55(5A): its deadline is the office's own, so nothing
        // is an error; every other case has an error finding.
        let expected = if name == "far past date" { 0 } else { 1 };
        assert_eq!(o.code, expected, "{name}");
    }
}

#[test]
fn many_files_at_once() {
    // A folder of hostile files next to good ones: each is reported, none stops the others.
    let dir = temp_dir();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a.s55.yaml", EXAMPLE.as_bytes().to_vec()),
        ("b.s55.yaml", vec![0xFF, 0xFE, 0x00]),
        ("c.s55.yaml", "[".repeat(100_000).into_bytes()),
        ("d.s55.yaml", CLEAN.as_bytes().to_vec()),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let o = run("a folder of hostile files", &[dir.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.code, 1);
    assert_eq!(o.report["summary"]["files"], 4);
}

#[test]
fn errors_at_the_end_of_a_file_point_inside_it() {
    // Found by fuzzing: the scanner put some end-of-input errors on a line past the last.
    for text in [
        "a: b\nc",
        "a:\n  - id: 1\n    text: >-\n      By \n31 Marc",
        "a: [",
        "a: \"unterminated",
        "a: 'unterminated\n",
        "- a\nb: c",
        "a: {b: c\n",
        "&",
        "a: *",
        "? ",
        "force: [a",
        "a: b\n\n  - c\n",
    ] {
        let o = check(&format!("{text:?}"), text);
        assert_eq!(o.code, 1, "{text:?}");
        let lines: Vec<&str> = text.split(['\n']).collect();
        for d in o.diagnostics() {
            for end in ["start", "end"] {
                let line = d["range"][end]["line"].as_u64().unwrap() as usize;
                let column = d["range"][end]["column"].as_u64().unwrap() as usize;
                assert!(
                    line >= 1 && line <= lines.len(),
                    "{text:?}: line {line} of {}: {d}",
                    lines.len()
                );
                let len = lines[line - 1].chars().count();
                // 1-based, and the end exclusive: at most just after the last character.
                assert!(
                    column <= len + 1,
                    "{text:?}: column {column} past the line ({len}): {d}"
                );
            }
        }
    }
}

// ----- the language server -------------------------------------------------------------------

/// Hostile documents opened in `section55 lsp` (and the same texts sent as a full change to an
/// open document): each is answered with diagnostics for its version, and an ordinary request
/// afterwards is still answered. (Invalid UTF-8 cannot travel in LSP's JSON; the transport's
/// own abuse cases are in tests/lsp.rs.)
#[test]
fn language_server_survives_hostile_documents() {
    let mut nested_block = String::new();
    for depth in 0..3_000 {
        nested_block.push_str(&" ".repeat(depth));
        nested_block.push_str("a:\n");
    }
    let mut laughs = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        laughs.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let mut string_bomb = format!("key_findings: &big \"{}\"\nforces:\n", "x".repeat(100_000));
    string_bomb.push_str(&"  - *big\n".repeat(5_000));
    let mut unknown_keys = CLEAN.to_owned();
    for i in 0..20_000 {
        unknown_keys.push_str(&format!("unknown_{i}: x\n"));
    }
    let mut recommendations = CLEAN.to_owned();
    recommendations.push_str("x_recommendations:\n");
    for id in 1..=20_000 {
        recommendations.push_str(&format!(
            "  - id: {id}\n    text: R.\n    status: accepted\n"
        ));
    }
    let cases: Vec<(&str, String)> = vec![
        (
            "100,000 nested flow sequences",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        (
            "100,000 nested flow mappings",
            format!("{}x{}", "{a: ".repeat(100_000), "}".repeat(100_000)),
        ),
        (
            "100,000 nested block sequences",
            format!("{}x\n", "- ".repeat(100_000)),
        ),
        ("3,000 nested block mappings", nested_block),
        ("billion laughs", laughs),
        ("alias bomb of long strings", string_bomb),
        ("20,000 unknown keys", unknown_keys),
        (
            "20,000 recommendations under an unknown key",
            recommendations,
        ),
        (
            "2 MB line",
            EXAMPLE.replace(
                "key_findings: |",
                &format!("key_findings: {}\nx_old: |", "word ".repeat(400_000)),
            ),
        ),
        (
            "NUL bytes",
            EXAMPLE
                .replacen("Norfolk Constabulary", "Norfolk\0Constabulary", 1)
                .replace("areas_for_improvement: []", "\0\0\0"),
        ),
        ("BOM", format!("\u{FEFF}{EXAMPLE}")),
        (
            "BOM in the middle",
            EXAMPLE.replacen("force:", "\u{FEFF}force:", 1),
        ),
        (
            "tab indentation",
            EXAMPLE.replace("\n  published:", "\n\tpublished:"),
        ),
        ("lone CR", EXAMPLE.replace('\n', "\r")),
        (
            "mixed line endings",
            EXAMPLE.replacen('\n', "\r", 20).replacen('\n', "\r\n", 20),
        ),
        ("line separators", EXAMPLE.replace('\n', "\u{2028}")),
        (
            "tags",
            EXAMPLE.replacen(
                "force:",
                "force: !!python/object/apply:os.system [\"true\"]\nx:",
                1,
            ),
        ),
        (
            "merge keys",
            EXAMPLE.replace(
                "office_use:\n",
                "d: &d\n  submitted_to_hmicfrs: true\noffice_use:\n  <<: *d\n",
            ),
        ),
        ("two documents", format!("{CLEAN}---\n{CLEAN}")),
        ("unclosed brackets", "[".repeat(100_000)),
        ("1 MB key", format!("{CLEAN}{}: x\n", "k".repeat(1 << 20))),
        ("empty", String::new()),
    ];
    let mut client = lsp_client::Client::spawn();
    client.initialize(serde_json::json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"versionSupport": true}}
    }));
    let changed = lsp_client::file_uri("hostile-changed.s55.yaml");
    client.open(&changed, CLEAN);
    let _ = client.diagnostics(&changed, 1);
    for (i, (name, text)) in cases.iter().enumerate() {
        let uri = lsp_client::file_uri(&format!("hostile-{i}.s55.yaml"));
        client.open(&uri, text);
        let diagnostics = client.diagnostics(&uri, 1);
        if !text.is_empty() && *name != "BOM" {
            assert!(!diagnostics.is_empty(), "{name}: no finding");
        }
        let version = i as i64 + 2;
        client.change(&changed, version, serde_json::json!([{"text": text}]));
        let _ = client.diagnostics(&changed, version);
        for (what, uri) in [
            ("the hostile document", &uri),
            ("the changed document", &changed),
        ] {
            for method in [
                "textDocument/hover",
                "textDocument/completion",
                "textDocument/documentSymbol",
                "textDocument/inlayHint",
            ] {
                let position = serde_json::json!({"line": 3, "character": 2});
                let range = serde_json::json!({"start": {"line": 0, "character": 0}, "end": {"line": 200, "character": 0}});
                let params = serde_json::json!({"textDocument": {"uri": uri}, "position": position, "range": range});
                let response = client.request(method, params);
                assert!(
                    response.get("error").is_none(),
                    "{name}: {method} on {what} failed: {response}"
                );
            }
        }
        client.notify(
            "textDocument/didClose",
            serde_json::json!({"textDocument": {"uri": uri}}),
        );
        eprintln!("lsp: {name}: {} findings", diagnostics.len());
    }
    assert_eq!(client.shutdown_and_exit(), Some(0));
}
