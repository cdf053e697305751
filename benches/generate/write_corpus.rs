//! Writes the generated corpus to a folder, for `benches/compare.sh`:
//! `cargo run --release --example write-corpus -- DIR [N] [--json]`.
//! With `--json`, each file is also written as `NAME.json` (the same data), for validators that
//! read only JSON. `write-corpus --large FILE [BYTES]` writes one response of at least BYTES
//! (default 1 MiB), the benchmarks' large file. `write-corpus --hostile DIR` writes the hostile
//! inputs `benches/hostile.sh` measures (the same as `tests/hostile.rs` checks).

#[path = "mod.rs"]
mod generate;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--large") {
        let path = args
            .get(1)
            .expect("usage: write-corpus --large FILE [BYTES]");
        let bytes = args
            .get(2)
            .map_or(1 << 20, |n| n.parse().expect("BYTES is a number"));
        std::fs::write(path, generate::large(bytes)).expect("write the large file");
        return;
    }
    if args.first().map(String::as_str) == Some("--hostile") {
        let dir = PathBuf::from(args.get(1).expect("usage: write-corpus --hostile DIR"));
        write_hostile(&dir);
        return;
    }
    let json = args.iter().any(|a| a == "--json");
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(dir) = positional.first().map(PathBuf::from) else {
        eprintln!("usage: write-corpus DIR [N] [--json]");
        std::process::exit(2);
    };
    let n = positional
        .get(1)
        .map_or(2000, |n| n.parse().expect("N is a number"));
    std::fs::create_dir_all(&dir).expect("create the corpus folder");
    let mut bytes = 0;
    for (name, text) in generate::corpus(n) {
        bytes += text.len();
        std::fs::write(dir.join(&name), &text).expect("write a corpus file");
        if json {
            let doc = section55::document::parse(&text);
            if let Some(root) = doc.root {
                let out = serde_json::to_string(&root.to_json()).expect("JSON");
                std::fs::write(dir.join(name.replace(".s55.yaml", ".json")), out)
                    .expect("write JSON");
            }
        }
    }
    eprintln!("wrote {n} files, {} KB, to {}", bytes / 1024, dir.display());
}

/// One line of 10,000 findings, a million unknown keys, and a file that is only a BOM.
fn write_hostile(dir: &std::path::Path) {
    const CLEAN: &str = include_str!("../../examples/surrey-peel-2025.s55.yaml");
    std::fs::create_dir_all(dir).expect("create the folder");
    for (name, text) in [
        (
            "line.s55.yaml",
            generate::unknown_forces_on_one_line(CLEAN, 10_000),
        ),
        ("keys.s55.yaml", generate::unknown_keys(CLEAN, 1_000_000)),
        ("bom.s55.yaml", "\u{feff}".to_owned()),
    ] {
        std::fs::write(dir.join(name), text).expect("write a hostile file");
    }
}
