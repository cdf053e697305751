use super::{FileReport, all, one_based};

pub fn render(reports: &[FileReport]) -> String {
    all(reports)
        .map(|(r, d)| {
            let (line, col) = one_based(d.span.start);
            format!(
                "{}:{line}:{col}: {}[{}] {}\n",
                r.path,
                d.severity.as_str(),
                d.rule,
                d.message
            )
        })
        .collect()
}
