//! Names against the catalogues: forces, publication types, and the policing body.

use super::code;
use super::{Context, Doc, Findings, Rule};
use crate::catalogue::{Force, ForceMatch, NameOnDate};
use crate::dates;
use crate::diagnostic::{Applicability, Fix, Severity, Span};
use crate::document::Node;
use crate::suggest;

pub const RULES: &[Rule] = &[
    Rule {
        name: code::UNKNOWN_FORCE,
        severity: Severity::Warning,
        summary: "A force is not in the catalogue",
        doc: Doc {
            what: "Reports a `force` or `inspection.forces` entry that is not a force in the catalogue (the 43 territorial forces of England and Wales, the other forces and agencies HMICFRS inspects, and \"All local forces in England and Wales\"). Short names such as \"Norfolk\" and the forces' brand names (\"Avon and Somerset Police\") are accepted; the closest names are suggested. Dated: a former name (\"Hampshire Constabulary\", until 15 November 2022) is right on a report published while it was the name, and reported with today's name as the fix on a later report (`catalogues/force-names.tsv`, with sources in `catalogues/README.md`).",
            why: "The force name selects the local policing body and decides whether section 55 applies at all; a misspelt force also breaks searches across published responses. Forces the catalogue lacks can be added in `section55.toml` under `[catalogue] forces`.",
            example: "force: Norfolk Constabulry",
            fix: "Pick the suggested name (the quick fix replaces it), or add the force to `[catalogue] forces` in `section55.toml`.",
        },
        fixes: &[Applicability::Safe, Applicability::Unsafe],
        check: check_unknown_force,
    },
    Rule {
        name: code::UNKNOWN_PUBLICATION_TYPE,
        severity: Severity::Warning,
        summary: "A publication type is not in the catalogue",
        doc: Doc {
            what: "Reports an `inspection.publication_types` entry that is not an HMICFRS publication type in the catalogue, compared without regard to case. The closest types are suggested.",
            why: "Publication types are how HMICFRS files its reports; using its own names keeps responses findable and comparable. New HMICFRS categories can be added under `[catalogue] publication_types` in `section55.toml` without waiting for a release.",
            example: "inspection:\n  publication_types: [Child protectoin]",
            fix: "Pick the suggested type, or add it to `[catalogue] publication_types` in `section55.toml`.",
        },
        fixes: &[Applicability::Safe, Applicability::Unsafe],
        check: check_unknown_type,
    },
    Rule {
        name: code::FORCE_NOT_INSPECTED,
        severity: Severity::Warning,
        summary: "`force` is not among the inspection's forces",
        doc: Doc {
            what: "Reports a `force` that is not listed in `inspection.forces`, unless those include a collective value such as \"All local forces in England and Wales\".",
            why: "Section 55 requires comments on reports \"about\" the body's force. A response to a report that does not cover the force is usually filed against the wrong report, or the report's forces were copied wrongly.",
            example: "force: Norfolk Constabulary\ninspection:\n  forces: [Suffolk Constabulary]",
            fix: "Correct `inspection.forces` from the report's page, or check that this is the right report.",
        },
        fixes: &[],
        check: check_not_inspected,
    },
    Rule {
        name: code::POLICING_BODY_MISMATCH,
        severity: Severity::Warning,
        summary: "`policing_body` is recognisably the body of a different force",
        doc: Doc {
            what: "Reports a `policing_body` that names the area of a different force than `force` (for example a Suffolk commissioner responding for Norfolk Constabulary), and suggests the catalogue's body for the force. Dated: the body is judged against the bodies that held on `inspection.published` (`catalogues/policing-bodies.tsv`: for example South Yorkshire's PCC until 6 May 2024, then the Mayor of South Yorkshire, SI 2024/414; Essex's PCC styled Police, Fire and Crime Commissioner from 1 October 2017, SI 2017/864), so \"Police and Crime Commissioner for South Yorkshire\" is right on a 2023 report and reported on a 2025 one. A body an office adds in `section55.toml` under `[[catalogue.policing_bodies]]` with its start date ends the built-in one the day before.",
            why: "Section 55 places the duty on the local policing body for the force inspected. Responses are often started from another area's file; a wrong body in the title line is an embarrassing and common slip.",
            example: "policing_body: Police and Crime Commissioner for Suffolk\nforce: Norfolk Constabulary",
            fix: "Use the local policing body of the force (the quick fix inserts the catalogue's name), or correct `force`.",
        },
        fixes: &[Applicability::Unsafe],
        check: check_body,
    },
];

/// A force name node and where it is, if it names no known force, or a force by a name it no
/// longer had when the report was published.
fn unknown_force_finding(ctx: &Context, node: &Node, out: &mut Findings) {
    let Some(name) = node.as_str() else { return };
    if name.trim().is_empty() || crate::template::placeholder(name).is_some() {
        return;
    }
    if ctx.catalogue.find_force(name).is_some() {
        let Some(published) = ctx.published() else {
            return;
        };
        if let NameOnDate::Outdated { current, until } =
            ctx.catalogue.force_name_on(name, published)
        {
            let message = format!(
                "\"{name}\" was the force's name until {}; the report was published on {}, when it was {current}: use the name in use on the report's date",
                dates::long(until),
                dates::long(published)
            );
            // Safe: the catalogue's exact name for this force on the report's date.
            let fix = Fix::replace(
                Applicability::Safe,
                format!("Change to \"{current}\""),
                node.span,
                current.to_owned(),
            );
            out.add_with_fixes(node.span, message, vec![fix]);
        }
        return;
    }
    report_unknown(
        out,
        node.span,
        name,
        "force",
        &ctx.catalogue.suggest_forces(name),
    );
}

/// An unknown name with the closest suggestions as fixes.
fn report_unknown(out: &mut Findings, span: Span, name: &str, what: &str, suggestions: &[String]) {
    let hint = match suggestions {
        [] => String::new(),
        [one] => format!(" (did you mean \"{one}\"?)"),
        many => format!(
            " (did you mean one of: {}?)",
            many.iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let fixes = suggestions
        .iter()
        .map(|s| {
            let applicability = suggest::applicability(name, s);
            Fix::replace(applicability, format!("Change to \"{s}\""), span, s.clone())
        })
        .collect();
    let message = format!(
        "\"{name}\" is not a known {what}{hint}; add it to section55.toml's [catalogue] if it is right"
    );
    out.add_with_fixes(span, message, fixes);
}

fn check_unknown_force(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    if let Some(force) = root.get("force") {
        unknown_force_finding(ctx, force, out);
    }
    for node in root
        .pointer("/inspection/forces")
        .map(Node::as_seq)
        .unwrap_or_default()
    {
        unknown_force_finding(ctx, node, out);
    }
}

fn check_unknown_type(ctx: &Context, out: &mut Findings) {
    for node in ctx
        .get("/inspection/publication_types")
        .map(Node::as_seq)
        .unwrap_or_default()
    {
        let Some(name) = node.as_str() else { continue };
        if name.trim().is_empty()
            || crate::template::placeholder(name).is_some()
            || ctx.catalogue.find_publication_type(name).is_some()
        {
            continue;
        }
        report_unknown(
            out,
            node.span,
            name,
            "HMICFRS publication type",
            &ctx.catalogue.suggest_publication_types(name),
        );
    }
}

fn check_not_inspected(ctx: &Context, out: &mut Findings) {
    let Some(force_node) = ctx.get("/force") else {
        return;
    };
    let Some(force) = force_node
        .as_str()
        .and_then(|f| ctx.catalogue.find_force(f))
    else {
        return;
    };
    let inspected: Vec<ForceMatch> = ctx
        .get("/inspection/forces")
        .map(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter_map(|n| ctx.catalogue.find_force(n.as_str()?))
        .collect();
    if inspected.is_empty()
        || inspected
            .iter()
            .any(|f| f.is_collective() || f.name() == force.name())
    {
        return;
    }
    let names: Vec<&str> = inspected.iter().map(|f| f.name()).collect();
    out.add(force_node.span, format!("{} is not among the forces this inspection covers ({}): check `inspection.forces` and that this is the right report", force.name(), names.join(", ")));
}

/// The body named for the force's area, against the bodies that held on the report's date.
fn check_body_on_date(ctx: &Context, node: &Node, body: &str, force: &Force, out: &mut Findings) {
    let Some(published) = ctx.published() else {
        return;
    };
    let Err(then) = ctx.catalogue.judge_body(force, body, published) else {
        return;
    };
    let Some(expected) = then.first() else { return };
    let since = expected
        .from
        .map(|f| format!(" (since {}: {})", dates::long(f), expected.source))
        .unwrap_or_default();
    let message = format!(
        "\"{body}\" was not the local policing body for {} when the report was published ({}): it was \"{}\"{since}",
        force.name,
        dates::long(published),
        expected.name
    );
    let fixes = then
        .iter()
        .map(|b| {
            Fix::replace(
                Applicability::Unsafe,
                format!("Change to \"{}\"", b.name),
                node.span,
                b.name.clone(),
            )
        })
        .collect();
    out.add_with_fixes(node.span, message, fixes);
}

fn check_body(ctx: &Context, out: &mut Findings) {
    let (Some(body_node), Some(force_node)) = (ctx.get("/policing_body"), ctx.get("/force")) else {
        return;
    };
    let (Some(body), Some(force_name)) = (body_node.as_str(), force_node.as_str()) else {
        return;
    };
    let Some(force) = ctx.catalogue.find_force(force_name).and_then(|f| f.force()) else {
        return;
    };
    let named = ctx.catalogue.forces_named_in_body(body);
    if named.is_empty() || named.iter().any(|f| f.name == force.name) {
        return check_body_on_date(ctx, body_node, body, force, out);
    }
    let other = named
        .iter()
        .map(|f| f.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let fixes: Vec<Fix> = force
        .policing_body
        .iter()
        .map(|b| {
            let title = format!("Change to \"{b}\"");
            Fix::replace(Applicability::Unsafe, title, body_node.span, b.clone())
        })
        .collect();
    let expected = force
        .policing_body
        .as_deref()
        .map(|b| format!("; {}'s is \"{b}\"", force.name))
        .unwrap_or_default();
    let message = format!(
        "\"{body}\" is the local policing body for {other}, not {}{expected}",
        force.name
    );
    out.add_with_fixes(body_node.span, message, fixes);
}
