//! The built-in catalogues (forces with their local policing bodies, HMICFRS publication types),
//! compiled in from `catalogues/*.tsv` and parsed once, plus the extensions a `section55.toml`
//! adds. Lookups are case-insensitive; short force names ("Norfolk") are aliases of full names.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::suggest;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForceKind {
    /// One of the 43 territorial forces of England and Wales: section 55 applies.
    Territorial,
    /// Another force or agency HMICFRS inspects: section 55 does not apply.
    Other,
    /// A collective value used for national reports.
    Collective,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Force {
    pub name: String,
    pub short_name: Option<String>,
    /// The local policing body today.
    pub policing_body: Option<String>,
    pub kind: ForceKind,
    pub note: Option<String>,
    /// Former and brand names (`catalogues/force-names.tsv`).
    pub other_names: Vec<OtherName>,
    /// The local policing body's names over time (`catalogues/policing-bodies.tsv`, else today's
    /// body with no dates).
    pub bodies: Vec<DatedBody>,
}

/// Another name of a force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherName {
    pub name: String,
    pub kind: NameKind,
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// The force's name up to and including `until`.
    Former { until: NaiveDate },
    /// A name the force uses that is not its legal one: always accepted.
    Brand,
}

/// A name of a local policing body and the days it applied (both ends included; `None` is open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedBody {
    pub name: String,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub source: String,
}

impl DatedBody {
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A body an office adds in `section55.toml` (`[[catalogue.policing_bodies]]`), for example the
/// body that takes over when police and crime commissioners are abolished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraBody {
    /// The force, as the configuration names it.
    pub force: String,
    pub body: DatedBody,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationType {
    pub name: String,
    /// Seen on HMICFRS report pages (rather than only in programme names).
    pub confirmed: bool,
}

const FORCES_TSV: &str = include_str!("../catalogues/forces.tsv");
const FORCE_NAMES_TSV: &str = include_str!("../catalogues/force-names.tsv");
const POLICING_BODIES_TSV: &str = include_str!("../catalogues/policing-bodies.tsv");
const PUBLICATION_TYPES_TSV: &str = include_str!("../catalogues/publication-types.tsv");

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The rows of a TSV file after its header.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

fn tsv_date(s: Option<&str>) -> Option<NaiveDate> {
    crate::dates::iso(s?.trim())
}

pub fn forces() -> &'static [Force] {
    static FORCES: OnceLock<Vec<Force>> = OnceLock::new();
    FORCES.get_or_init(|| {
        rows(FORCES_TSV)
            .map(|cols| {
                let name = cols[0].trim();
                let policing_body = non_empty(cols.get(2).copied());
                let mut bodies: Vec<DatedBody> = rows(POLICING_BODIES_TSV)
                    .filter(|c| c[0].trim() == name)
                    .map(|c| DatedBody {
                        name: c.get(1).map_or("", |s| s.trim()).to_owned(),
                        from: tsv_date(c.get(2).copied()),
                        until: tsv_date(c.get(3).copied()),
                        source: c.get(4).map_or("", |s| s.trim()).to_owned(),
                    })
                    .collect();
                if bodies.is_empty() {
                    bodies.extend(policing_body.iter().map(|body| DatedBody {
                        name: body.clone(),
                        from: None,
                        until: None,
                        source: String::from("catalogues/forces.tsv"),
                    }));
                }
                Force {
                    name: name.to_owned(),
                    short_name: non_empty(cols.get(1).copied()),
                    policing_body,
                    kind: match cols.get(3).map(|s| s.trim()) {
                        Some("territorial") => ForceKind::Territorial,
                        Some("collective") => ForceKind::Collective,
                        _ => ForceKind::Other,
                    },
                    note: non_empty(cols.get(4).copied()),
                    other_names: other_names(name),
                    bodies,
                }
            })
            .collect()
    })
}

fn other_names(force: &str) -> Vec<OtherName> {
    rows(FORCE_NAMES_TSV)
        .filter(|c| c[0].trim() == force)
        .filter_map(|c| {
            let kind = match c.get(2).map(|s| s.trim()) {
                Some("former") => NameKind::Former {
                    until: tsv_date(c.get(3).copied())?,
                },
                _ => NameKind::Brand,
            };
            Some(OtherName {
                name: c.get(1)?.trim().to_owned(),
                kind,
                source: c.get(4).map_or("", |s| s.trim()).to_owned(),
            })
        })
        .collect()
}

pub fn publication_types() -> &'static [PublicationType] {
    static TYPES: OnceLock<Vec<PublicationType>> = OnceLock::new();
    TYPES.get_or_init(|| {
        rows(PUBLICATION_TYPES_TSV)
            .map(|cols| PublicationType {
                name: cols[0].trim().to_owned(),
                confirmed: cols.get(1).is_some_and(|e| e.trim() == "confirmed"),
            })
            .collect()
    })
}

/// Full force names, for the schema's suggestions.
pub fn force_names() -> Vec<&'static str> {
    forces().iter().map(|f| f.name.as_str()).collect()
}

pub fn policing_body_names() -> Vec<&'static str> {
    forces()
        .iter()
        .filter_map(|f| f.policing_body.as_deref())
        .collect()
}

pub fn publication_type_names() -> Vec<&'static str> {
    publication_types()
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

/// The catalogues in use: the built-in ones plus a configuration's extensions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    pub extra_forces: Vec<String>,
    pub extra_publication_types: Vec<String>,
    pub extra_bodies: Vec<ExtraBody>,
}

/// A force name as written, against what held on the report's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameOnDate<'a> {
    /// The name in use then (or a brand name, or today's name).
    Right,
    /// A former name used on a report published after it changed.
    Outdated { current: &'a str, until: NaiveDate },
}

/// What a force name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForceMatch<'a> {
    Builtin(&'a Force),
    /// A force added by configuration; nothing more is known about it.
    Extra(&'a str),
}

impl<'a> ForceMatch<'a> {
    pub fn name(&self) -> &str {
        match self {
            ForceMatch::Builtin(f) => &f.name,
            ForceMatch::Extra(name) => name,
        }
    }

    pub fn is_collective(&self) -> bool {
        matches!(self, ForceMatch::Builtin(f) if f.kind == ForceKind::Collective)
    }

    pub fn force(self) -> Option<&'a Force> {
        match self {
            ForceMatch::Builtin(f) => Some(f),
            ForceMatch::Extra(_) => None,
        }
    }
}

/// Names compare ignoring case, surrounding space and runs of inner space.
pub fn same_name(a: &str, b: &str) -> bool {
    // Word by word, without allocating: this runs for every catalogue entry on every lint.
    let mut a = a.split_whitespace();
    let mut b = b.split_whitespace();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if same_word(x, y) => {}
            _ => return false,
        }
    }
}

/// A name as [`same_name`] compares it: lower-case words separated by single spaces.
fn normalised(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn same_word(x: &str, y: &str) -> bool {
    if x.is_ascii() && y.is_ascii() {
        x.eq_ignore_ascii_case(y)
    } else {
        x.chars()
            .flat_map(char::to_lowercase)
            .eq(y.chars().flat_map(char::to_lowercase))
    }
}

/// The forces of the four police areas in Wales (Police Act 1996, s.1 and Schedule 1: Dyfed-Powys,
/// Gwent, North Wales, South Wales), whose local policing bodies and forces work under the Welsh
/// Language Standards of the Welsh Language (Wales) Measure 2011: Welsh is not to be treated less
/// favourably than English (for example, the compliance notice given to the Police and Crime
/// Commissioner for Gwent on 30 September 2016, gwent.pcc.police.uk/about-us/welsh-language/, and
/// North Wales Police's "Welsh Language Standards" page, northwales.police.uk, both read on
/// 2 December 2026).
pub const WELSH_FORCES: [&str; 4] = [
    "Dyfed-Powys Police",
    "Gwent Police",
    "North Wales Police",
    "South Wales Police",
];

impl Catalogue {
    /// Whether a response's force, or else its body, is one of the [`WELSH_FORCES`].
    pub fn is_welsh(&self, force: &str, body: &str) -> bool {
        match self.find_force(force) {
            Some(ForceMatch::Builtin(f)) => WELSH_FORCES.contains(&f.name.as_str()),
            _ => {
                let named = self.forces_named_in_body(body);
                !named.is_empty()
                    && named
                        .iter()
                        .all(|f| WELSH_FORCES.contains(&f.name.as_str()))
            }
        }
    }

    pub fn find_force(&self, name: &str) -> Option<ForceMatch<'_>> {
        // Full and short names, normalised once per process; a lookup normalises only `name`.
        static INDEX: OnceLock<HashMap<String, usize>> = OnceLock::new();
        let index = INDEX.get_or_init(|| {
            let mut index = HashMap::new();
            for (i, f) in forces().iter().enumerate() {
                let others = f.other_names.iter().map(|o| o.name.as_str());
                for alias in std::iter::once(f.name.as_str())
                    .chain(f.short_name.as_deref())
                    .chain(others)
                {
                    index.entry(normalised(alias)).or_insert(i);
                }
            }
            index
        });
        let builtin = index.get(&normalised(name)).map(|&i| &forces()[i]);
        builtin.map(ForceMatch::Builtin).or_else(|| {
            self.extra_forces
                .iter()
                .find(|e| same_name(e, name))
                .map(|e| ForceMatch::Extra(e))
        })
    }

    /// Whether `name` (which must name a known force) was the force's name on `date`.
    pub fn force_name_on(&self, name: &str, date: NaiveDate) -> NameOnDate<'_> {
        let Some(ForceMatch::Builtin(force)) = self.find_force(name) else {
            return NameOnDate::Right;
        };
        let former = force.other_names.iter().find_map(|o| match o.kind {
            NameKind::Former { until } if same_name(&o.name, name) => Some(until),
            _ => None,
        });
        match former {
            Some(until) if date > until => NameOnDate::Outdated {
                current: &force.name,
                until,
            },
            _ => NameOnDate::Right,
        }
    }

    /// The force's local policing body's names over time, with the configuration's additions: a
    /// body added with a start date ends the open-ended built-in ones the day before.
    pub fn bodies_of(&self, force: &Force) -> Vec<DatedBody> {
        let extra: Vec<&DatedBody> = self
            .extra_bodies
            .iter()
            .filter(|e| {
                self.find_force(&e.force)
                    .is_some_and(|f| f.name() == force.name)
            })
            .map(|e| &e.body)
            .collect();
        let mut bodies = force.bodies.clone();
        for added in &extra {
            let Some(start) = added.from else { continue };
            let day_before = start.pred_opt();
            for body in bodies.iter_mut() {
                if body.until.is_none_or(|u| u >= start) && body.from.is_none_or(|f| f < start) {
                    body.until = day_before;
                }
            }
        }
        bodies.extend(extra.into_iter().cloned());
        bodies
    }

    /// The names of the force's local policing body on `date`, the most recent first (a PFCC's
    /// style before the PCC's legal name).
    pub fn bodies_on(&self, force: &Force, date: NaiveDate) -> Vec<DatedBody> {
        let mut on: Vec<DatedBody> = self
            .bodies_of(force)
            .into_iter()
            .filter(|b| b.applies_on(date))
            .collect();
        on.sort_by_key(|b| std::cmp::Reverse(b.from));
        on
    }

    /// The name of the force's local policing body with the title `title` ("Police and Crime
    /// Commissioner"): of the names that applied on `date`, or of all it has had when the date
    /// is not known. A 2016 statement by the PCC of an area whose body is a PFCC today names
    /// the PCC.
    pub fn body_titled(
        &self,
        force: &Force,
        date: Option<NaiveDate>,
        title: &str,
    ) -> Option<String> {
        let loose = |s: &str| words(&s.replace('&', "and"));
        let title = format!("{} ", loose(title));
        match date {
            Some(date) => self.bodies_on(force, date),
            None => self.bodies_of(force),
        }
        .into_iter()
        .map(|b| b.name)
        .find(|name| loose(name).starts_with(&title))
    }

    /// Whether `body` can be the force's local policing body on `date`. `Err` carries the names
    /// that applied then. A body is judged by its exact name where the catalogue lists it, else
    /// by its kind (a mayor, a police, fire and crime commissioner, a commissioner), so the many
    /// ways offices style a commissioner all pass.
    pub fn judge_body(
        &self,
        force: &Force,
        body: &str,
        date: NaiveDate,
    ) -> Result<(), Vec<DatedBody>> {
        let bodies = self.bodies_of(force);
        let valid = |b: &DatedBody| b.applies_on(date);
        let exact: Vec<&DatedBody> = bodies.iter().filter(|b| same_name(&b.name, body)).collect();
        let fine = if exact.is_empty() {
            let kind = BodyKind::of(body);
            kind == BodyKind::Other
                || bodies
                    .iter()
                    .any(|b| BodyKind::of(&b.name) == kind && valid(b))
                || bodies.iter().all(|b| !valid(b))
        } else {
            exact.iter().any(|b| valid(b))
        };
        if fine {
            Ok(())
        } else {
            Err(self.bodies_on(force, date))
        }
    }

    /// The catalogue's spelling of a publication type, if it is one.
    pub fn find_publication_type(&self, name: &str) -> Option<&str> {
        publication_types()
            .iter()
            .map(|t| t.name.as_str())
            .chain(self.extra_publication_types.iter().map(String::as_str))
            .find(|t| same_name(t, name))
    }

    /// Up to three force names closest to `name`, best first.
    pub fn suggest_forces(&self, name: &str) -> Vec<String> {
        let candidates = forces()
            .iter()
            .flat_map(|f| {
                let aliases = std::iter::once(f.name.as_str()).chain(f.short_name.as_deref());
                aliases.map(move |alias| (alias, f.name.as_str()))
            })
            .chain(self.extra_forces.iter().map(|e| (e.as_str(), e.as_str())));
        suggest::closest(name, candidates, 3)
    }

    pub fn suggest_publication_types(&self, name: &str) -> Vec<String> {
        let candidates = publication_types()
            .iter()
            .map(|t| (t.name.as_str(), t.name.as_str()))
            .chain(
                self.extra_publication_types
                    .iter()
                    .map(|e| (e.as_str(), e.as_str())),
            );
        suggest::closest(name, candidates, 3)
    }

    /// The territorial force whose local policing body is named (or clearly meant) by `body`.
    pub fn forces_named_in_body(&self, body: &str) -> Vec<&'static Force> {
        // Each force's area names, worked out once per process as " name " for whole-word search.
        static AREAS: OnceLock<Vec<(&'static Force, Vec<String>)>> = OnceLock::new();
        let areas = AREAS.get_or_init(|| {
            forces()
                .iter()
                .filter(|f| f.kind == ForceKind::Territorial)
                .map(|f| (f, area_names(f).iter().map(|a| format!(" {a} ")).collect()))
                .collect()
        });
        let text = format!(" {} ", words(body));
        areas
            .iter()
            .filter(|(_, names)| names.iter().any(|area| text.contains(area.as_str())))
            .map(|(f, _)| *f)
            .collect()
    }
}

/// What kind of body a name describes, read from its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BodyKind {
    /// A mayor with PCC functions, or the Mayor's Office for Policing and Crime.
    Mayor,
    /// A police, fire (and rescue) and crime commissioner.
    FireCommissioner,
    /// A police and crime commissioner, however styled.
    Commissioner,
    /// Anything else (a council, an authority, an office's own wording): not judged by kind.
    Other,
}

impl BodyKind {
    fn of(name: &str) -> BodyKind {
        let words = words(name);
        let has = |w: &str| words.split(' ').any(|x| x == w);
        if has("mayor") {
            BodyKind::Mayor
        } else if has("fire") && has("commissioner") {
            BodyKind::FireCommissioner
        } else if has("commissioner") {
            BodyKind::Commissioner
        } else {
            BodyKind::Other
        }
    }
}

/// Lower-case words separated by single spaces, punctuation dropped, so names compare loosely.
fn words(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty() && *w != "s")
        .collect::<Vec<_>>()
        .join(" ")
}

/// The place names a body's title may use for a force's area: its short name and the area its
/// body is "for" ("Leicester, Leicestershire and Rutland").
fn area_names(force: &Force) -> Vec<String> {
    let body_area = force
        .policing_body
        .as_deref()
        .and_then(|b| b.rsplit_once(" for "))
        .map(|(_, a)| a);
    let mayor_area = force
        .policing_body
        .as_deref()
        .and_then(|b| b.strip_prefix("Mayor of "));
    force
        .short_name
        .as_deref()
        .into_iter()
        .chain(body_area)
        .chain(mayor_area)
        .map(words)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_the_43_territorial_forces() {
        let territorial = forces()
            .iter()
            .filter(|f| f.kind == ForceKind::Territorial)
            .count();
        assert_eq!(territorial, 43);
        assert!(
            forces()
                .iter()
                .filter(|f| f.kind == ForceKind::Territorial)
                .all(|f| f.policing_body.is_some())
        );
    }

    #[test]
    fn dated_facts_have_sources_and_end_in_todays_body() {
        for force in forces() {
            for body in &force.bodies {
                assert!(!body.source.is_empty(), "{}: {}", force.name, body.name);
            }
            for other in &force.other_names {
                assert!(!other.source.is_empty(), "{}: {}", force.name, other.name);
            }
            if let Some(today) = &force.policing_body {
                assert!(
                    force
                        .bodies
                        .iter()
                        .any(|b| b.until.is_none() && &b.name == today),
                    "{}: today's body {today} is not open-ended in policing-bodies.tsv",
                    force.name
                );
            }
        }
        let listed = |tsv: &str| {
            rows(tsv)
                .map(|c| c[0].trim().to_owned())
                .collect::<Vec<_>>()
        };
        for name in listed(POLICING_BODIES_TSV)
            .iter()
            .chain(&listed(FORCE_NAMES_TSV))
        {
            assert!(
                forces().iter().any(|f| &f.name == name),
                "unknown force {name}"
            );
        }
    }

    #[test]
    fn short_names_and_case_are_aliases() {
        let c = Catalogue::default();
        assert_eq!(
            c.find_force("norfolk").map(|f| f.name().to_owned()),
            Some("Norfolk Constabulary".into())
        );
        assert_eq!(
            c.find_publication_type("Child Protection"),
            Some("Child protection")
        );
    }

    #[test]
    fn suggestions_rank_the_closest_first() {
        let c = Catalogue::default();
        assert_eq!(
            c.suggest_forces("Norfolk Constabulry")
                .first()
                .map(String::as_str),
            Some("Norfolk Constabulary")
        );
        assert_eq!(
            c.suggest_publication_types("Child protectoin")
                .first()
                .map(String::as_str),
            Some("Child protection")
        );
    }

    #[test]
    fn bodies_name_their_area() {
        let c = Catalogue::default();
        let names = |b: &str| {
            c.forces_named_in_body(b)
                .iter()
                .map(|f| f.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("Norfolk's Police and Crime Commissioner"),
            vec!["Norfolk Constabulary"]
        );
        assert_eq!(
            names("Police and Crime Commissioner for Sussex"),
            vec!["Sussex Police"]
        );
        assert_eq!(
            names("Mayor of West Yorkshire"),
            vec!["West Yorkshire Police"]
        );
        assert!(
            names("Police and Crime Commissioner for Leicester, Leicestershire and Rutland")
                .contains(&"Leicestershire Police".to_owned())
        );
    }
}
