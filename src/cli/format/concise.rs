use super::FileReport;

pub(super) fn file(r: &FileReport) -> String {
    r.diagnostics
        .iter()
        .map(|d| {
            let (line, col) = d.span.start.one_based();
            let help = d
                .fix()
                .map(|f| format!(" (help: {})", f.title))
                .unwrap_or_default();
            format!(
                "{}:{line}:{col}: {}[{}] {}{help}\n",
                r.path,
                d.severity.as_str(),
                d.rule,
                d.message
            )
        })
        .collect()
}
