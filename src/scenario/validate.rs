//! Checks a parsed scenario: ranges, references, duplicates and limits.
//! Every problem is reported with its line and column, all at once.

use std::collections::{BTreeMap, BTreeSet};

use ron::error::{Error as RonError, SpannedError};

use super::date::YearMonth;
use super::format::*;
use super::locate::{Locator, Seg};
use super::{LoadError, Problem, Scenario, suggest};
use crate::rules::Rules;

/// Limits that keep a hostile file from making the program allocate or
/// work without bound.
pub mod limits {
    pub const FILE_BYTES: usize = 4 * 1024 * 1024;
    pub const STATES: usize = 64;
    pub const POWERS: usize = 32;
    pub const BLOCS: usize = 64;
    pub const PARTNERSHIPS: usize = 1024;
    pub const EVENTS: usize = 2048;
    pub const EFFECTS_PER_EVENT: usize = 64;
    pub const CHOICES: usize = 8;
    pub const CONDITION_DEPTH: usize = 16;
    pub const CONDITION_NODES: usize = 256;
    pub const LIST: usize = 64;
    pub const TURNS: u32 = 1200;
    pub const ID_CHARS: usize = 16;
    pub const NAME_CHARS: usize = 120;
    pub const TEXT_CHARS: usize = 4000;
    pub const RULE_OVERRIDES: usize = 512;
    pub const GOALS: usize = 256;
    pub const DECISIONS: usize = 256;
    /// Blocs formed during play, beyond those of the scenario.
    pub const FORMED_BLOCS: usize = 32;
}

const RON_DEPTH: usize = 64;

pub(super) fn load(origin: &str, text: &str, base_rules: &Rules) -> Result<Scenario, LoadError> {
    if text.len() > limits::FILE_BYTES {
        return Err(LoadError::whole_file(
            origin,
            format!(
                "the file is {} bytes; scenario files are limited to {} bytes",
                text.len(),
                limits::FILE_BYTES
            ),
        ));
    }
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RON_DEPTH);
    let file: ScenarioFile = read_on(origin, text, |t| options.from_str(t))?;
    let mut check = Checker {
        locator: Locator::new(text),
        problems: Vec::new(),
        warnings: Vec::new(),
        leaders: Vec::new(),
        commodities: Vec::new(),
        catalogue: Vec::new(),
    };
    check.duplicate_keys();
    check.scenario(&file);
    let rules = match base_rules.with_overrides(&file.rules) {
        Ok(r) => Some(r),
        Err(errors) => {
            for e in errors {
                check.at(&[Seg::Field("rules"), Seg::Key(e.key.clone())], e.message);
            }
            None
        }
    };
    if check.problems.is_empty()
        && let Some(rules) = rules
    {
        check.warnings.sort_by_key(|p| (p.line, p.col));
        return Ok(Scenario {
            catalogue: std::mem::take(&mut check.catalogue).into(),
            translations: Vec::new(),
            file,
            rules,
            origin: origin.to_string(),
            text: text.to_string(),
            history: false,
            warnings: check.warnings,
        });
    }
    check.problems.sort_by_key(|p| (p.line, p.col));
    Err(LoadError {
        file: origin.to_string(),
        problems: check.problems,
    })
}

/// Reads a mod's rule overrides (a map of dotted paths to numbers, like a
/// scenario's `rules`) and applies them to `base`.
pub(super) fn load_rule_overrides(origin: &str, text: &str, base: &Rules) -> Result<Rules, LoadError> {
    if text.len() > limits::FILE_BYTES {
        return Err(LoadError::whole_file(
            origin,
            format!(
                "the file is {} bytes; limited to {} bytes",
                text.len(),
                limits::FILE_BYTES
            ),
        ));
    }
    let options = ron::Options::default().with_recursion_limit(RON_DEPTH);
    let overrides: BTreeMap<String, f64> = options.from_str(text).map_err(|e| syntax_error(origin, e))?;
    let mut check = Checker {
        locator: Locator::new(text),
        problems: Vec::new(),
        warnings: Vec::new(),
        leaders: Vec::new(),
        commodities: Vec::new(),
        catalogue: Vec::new(),
    };
    check.duplicate_keys();
    check.count(&[], "rule overrides", overrides.len(), limits::RULE_OVERRIDES);
    match base.with_overrides(&overrides) {
        Ok(rules) if check.problems.is_empty() => Ok(rules),
        Ok(_) => Err(LoadError {
            file: origin.to_string(),
            problems: check.problems,
        }),
        Err(errors) => {
            for e in errors {
                check.at(&[Seg::Key(e.key.clone())], e.message);
            }
            check.problems.sort_by_key(|p| (p.line, p.col));
            Err(LoadError {
                file: origin.to_string(),
                problems: check.problems,
            })
        }
    }
}

/// At most this many problems of the file format are reported at once.
const MAX_FORMAT_PROBLEMS: usize = 50;

/// Parses a scenario; a problem in one item of one of its lists (an
/// unknown value, a bad month, a missing field in `states[3]`) does not
/// hide the next: the item is cut out (its lines kept blank, so that
/// positions stay true) and the rest read on, and every such problem is
/// reported. A problem the parser cannot read past (a missing comma or
/// bracket) ends the reading.
fn read_on(
    origin: &str,
    text: &str,
    parse: impl Fn(&str) -> Result<ScenarioFile, SpannedError>,
) -> Result<ScenarioFile, LoadError> {
    let mut now = text.to_string();
    let mut problems: Vec<Problem> = Vec::new();
    loop {
        let e = match parse(&now) {
            Ok(file) if problems.is_empty() => return Ok(file),
            Ok(_) => break,
            Err(e) => e,
        };
        let readable_past = matches!(
            e.code,
            RonError::NoSuchEnumVariant { .. }
                | RonError::NoSuchStructField { .. }
                | RonError::MissingStructField { .. }
                | RonError::DuplicateStructField { .. }
                | RonError::InvalidValueForType { .. }
                | RonError::Message(_)
                | RonError::ExpectedInteger
                | RonError::ExpectedFloat
                | RonError::ExpectedString
                | RonError::ExpectedBoolean
                | RonError::IntegerOutOfBounds
        );
        let (line, col) = (e.span.start.line, e.span.start.col);
        problems.extend(syntax_error(origin, e).problems);
        if !readable_past || problems.len() >= MAX_FORMAT_PROBLEMS || !Locator::new(&now).followed() {
            break;
        }
        // The char at the problem, and the item around it.
        let at = char_index(&now, line, col);
        let Some((a, b)) = super::locate::top_items(&now)
            .into_iter()
            .find(|(a, b)| *a <= at && at < *b)
        else {
            break;
        };
        now = now
            .chars()
            .enumerate()
            .map(|(i, c)| if (a..b).contains(&i) && c != '\n' { ' ' } else { c })
            .collect();
    }
    Err(LoadError {
        file: origin.to_string(),
        problems,
    })
}

/// The char index of a 1-based line and column.
fn char_index(text: &str, line: usize, col: usize) -> usize {
    let mut i = 0;
    for (n, l) in text.split('\n').enumerate() {
        if n + 1 == line {
            return i + col.saturating_sub(1);
        }
        i += l.chars().count() + 1;
    }
    i
}

fn syntax_error(origin: &str, e: SpannedError) -> LoadError {
    let message = match &e.code {
        RonError::NoSuchStructField { expected, found, .. } => {
            let hint = suggest(found, expected.iter().copied())
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default();
            format!("unknown field `{found}`; {hint}allowed here: {}", expected.join(", "))
        }
        RonError::NoSuchEnumVariant { expected, found, .. } => {
            let hint = suggest(found, expected.iter().copied())
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default();
            format!("unknown value `{found}`; {hint}allowed here: {}", expected.join(", "))
        }
        RonError::MissingStructField { field, outer } => match outer {
            Some(o) => format!("missing field `{field}` in {o}"),
            None => format!("missing field `{field}`"),
        },
        RonError::DuplicateStructField { field, .. } => format!("field `{field}` is given twice"),
        RonError::ExpectedIdentifier => {
            "expected a name written bare, as a kind or a commodity is (`Copper`, not `\"Copper\"`)".to_string()
        }
        RonError::ExceededRecursionLimit => {
            format!("the file nests deeper than {RON_DEPTH} levels; flatten the conditions")
        }
        other => format!("{other}"),
    };
    LoadError {
        file: origin.to_string(),
        problems: vec![Problem {
            line: e.span.start.line,
            col: e.span.start.col,
            message,
        }],
    }
}

struct Checker {
    locator: Locator,
    problems: Vec<Problem>,
    /// What passes but may not do what the author meant.
    warnings: Vec<Problem>,
    /// Every leader a state has at the start or gets by a script (`Leader`
    /// conditions naming anyone else never hold).
    leaders: Vec<String>,
    /// The commodities exports may name: the built-in ones and the
    /// scenario's.
    commodities: Vec<String>,
    /// The decisions in force (the shipped catalogues with the file's own
    /// merged in), which agendas name; the scenario keeps them.
    catalogue: Vec<DecisionDef>,
}

/// The ids a scenario declares, for checking references.
#[derive(Clone)]
struct Ids<'a> {
    states: Vec<&'a str>,
    powers: Vec<&'a str>,
    blocs: Vec<&'a str>,
    events: Vec<&'a str>,
}

/// Known ids, with the placeholders of decisions: `$target` wherever an id
/// goes, `$self` where the decider's kind goes (a state for a government's
/// decision, a power for a power's).
fn decision_ids<'a>(ids: &Ids<'a>, by: Decider) -> Ids<'a> {
    let with = |list: &[&'a str], me: bool| -> Vec<&'a str> {
        let extra: &[&'a str] = if me { &["$self", "$target"] } else { &["$target"] };
        list.iter().copied().chain(extra.iter().copied()).collect()
    };
    Ids {
        states: with(&ids.states, by == Decider::Government),
        powers: with(&ids.powers, by == Decider::Power),
        blocs: with(&ids.blocs, false),
        events: ids.events.clone(),
    }
}

/// Events whose `Fire` effects (their own or their choices') lead back to
/// them, each with a chain of ids from it back to it; one report per group
/// of events that fire one another, at its first event in file order.
fn fire_cycles(events: &[EventDef]) -> Vec<(usize, Vec<String>)> {
    let index: std::collections::BTreeMap<&str, usize> =
        events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let fires = |e: &EventDef| -> Vec<usize> {
        let mut out: Vec<usize> = e
            .effects
            .iter()
            .chain(e.choices.iter().flat_map(|c| c.effects.iter()))
            .filter_map(|x| match x {
                Effect::Fire(id) => index.get(id.as_str()).copied(),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let edges: Vec<Vec<usize>> = events.iter().map(fires).collect();
    let n = events.len();
    // Strongly connected components (Kosaraju, iterative): linear in the
    // events and their `Fire` effects, whatever the file holds.
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    for root in 0..n {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        let mut stack = vec![(root, 0usize)];
        while let Some((v, k)) = stack.last_mut() {
            if let Some(&w) = edges[*v].get(*k) {
                *k += 1;
                if !seen[w] {
                    seen[w] = true;
                    stack.push((w, 0));
                }
            } else {
                order.push(*v);
                stack.pop();
            }
        }
    }
    let mut reverse = vec![Vec::new(); n];
    for (v, out) in edges.iter().enumerate() {
        for &w in out {
            reverse[w].push(v);
        }
    }
    let mut component = vec![usize::MAX; n];
    let mut members: Vec<Vec<usize>> = Vec::new();
    for &root in order.iter().rev() {
        if component[root] != usize::MAX {
            continue;
        }
        let c = members.len();
        members.push(Vec::new());
        component[root] = c;
        let mut stack = vec![root];
        while let Some(v) = stack.pop() {
            members[c].push(v);
            for &w in &reverse[v] {
                if component[w] == usize::MAX {
                    component[w] = c;
                    stack.push(w);
                }
            }
        }
    }
    let mut out = Vec::new();
    for group in &members {
        let start = *group.iter().min().expect("a component has a member");
        let looped = group.len() > 1 || edges[start].contains(&start);
        if !looped {
            continue;
        }
        // A shortest way round from its first event, inside the component.
        let c = component[start];
        let mut prev = vec![usize::MAX; n];
        let mut queue = std::collections::VecDeque::from([start]);
        let mut last = None;
        'search: while let Some(v) = queue.pop_front() {
            for &w in &edges[v] {
                if w == start {
                    last = Some(v);
                    break 'search;
                }
                if component[w] == c && prev[w] == usize::MAX {
                    prev[w] = v;
                    queue.push_back(w);
                }
            }
        }
        let Some(mut v) = last else { continue };
        let mut cycle = vec![v];
        while v != start {
            v = prev[v];
            cycle.push(v);
        }
        cycle.reverse();
        let mut chain: Vec<String> = cycle.iter().map(|i| events[*i].id.clone()).collect();
        chain.push(events[start].id.clone());
        out.push((start, chain));
    }
    out.sort();
    out
}

fn path(parts: &[Seg], more: &[Seg]) -> Vec<Seg> {
    parts.iter().chain(more).cloned().collect()
}

impl Checker {
    /// A key given twice in a map: both places, since the last would win
    /// without a word.
    fn duplicate_keys(&mut self) {
        for (key, first, second) in self.locator.duplicate_keys() {
            self.problems.push(Problem {
                line: second.line,
                col: second.col,
                message: format!(
                    "`{}` is given twice in this map (first at line {}, column {}); keep one",
                    super::shown(&key),
                    first.line,
                    first.col
                ),
            });
        }
    }

    fn warn(&mut self, path: &[Seg], message: String) {
        let pos = self.locator.find(path);
        self.warnings.push(Problem {
            line: pos.line,
            col: pos.col,
            message,
        });
    }

    fn at(&mut self, path: &[Seg], message: String) {
        let pos = self.locator.find(path);
        self.problems.push(Problem {
            line: pos.line,
            col: pos.col,
            message,
        });
    }

    fn range(&mut self, path: &[Seg], what: &str, value: f64, lo: f64, hi: f64) {
        if !value.is_finite() || value < lo || value > hi {
            self.at(path, format!("{what} is {value}, but must be between {lo} and {hi}"));
        }
    }

    fn text(&mut self, path: &[Seg], what: &str, value: &str, max: usize) {
        let n = value.chars().count();
        if n > max {
            self.at(path, format!("{what} is {n} characters long; the limit is {max}"));
        }
    }

    fn id(&mut self, path: &[Seg], what: &str, value: &str) {
        let ok = !value.is_empty()
            && value.chars().count() <= limits::ID_CHARS
            && value
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !ok {
            self.at(
                path,
                format!(
                    "{what} `{value}` must be 1 to {} characters of A-Z, 0-9, `_` or `-` (ISO 3166 alpha-3 for states, e.g. `MLI`)",
                    limits::ID_CHARS
                ),
            );
        }
    }

    fn count(&mut self, path: &[Seg], what: &str, n: usize, max: usize) -> bool {
        if n > max {
            self.at(path, format!("{n} {what}; the limit is {max}"));
            return false;
        }
        true
    }

    fn reference(&mut self, path: &[Seg], kind: &str, value: &str, known: &[&str]) {
        if known.contains(&value) {
            return;
        }
        let hint = suggest(value, known.iter().copied())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_else(|| {
                if known.is_empty() {
                    format!("; the scenario declares no {kind}s")
                } else {
                    format!("; known {kind}s: {}", super::known_list(known))
                }
            });
        self.at(path, format!("unknown {kind} `{}`{hint}", super::shown(value)));
    }

    fn duplicates<'a>(&mut self, list: &'static str, items: impl Iterator<Item = &'a str>, what: &str) {
        let mut seen = BTreeSet::new();
        for (i, id) in items.enumerate() {
            if !seen.insert(id) {
                self.at(
                    &[Seg::Field(list), Seg::Index(i), Seg::Field("id")],
                    format!("duplicate {what} id `{id}`: each id must be unique"),
                );
            }
        }
    }

    fn scenario(&mut self, f: &ScenarioFile) {
        // Counts first: a file over the limits is not examined further.
        let within = [
            self.count(&[Seg::Field("states")], "states", f.states.len(), limits::STATES),
            self.count(&[Seg::Field("powers")], "powers", f.powers.len(), limits::POWERS),
            self.count(&[Seg::Field("blocs")], "blocs", f.blocs.len(), limits::BLOCS),
            self.count(
                &[Seg::Field("partnerships")],
                "partnerships",
                f.partnerships.len(),
                limits::PARTNERSHIPS,
            ),
            self.count(&[Seg::Field("events")], "events", f.events.len(), limits::EVENTS),
            self.count(
                &[Seg::Field("rules")],
                "rule overrides",
                f.rules.len(),
                limits::RULE_OVERRIDES,
            ),
        ];
        if within.contains(&false) {
            return;
        }
        if f.states.is_empty() {
            self.at(&[Seg::Field("states")], "a scenario needs at least one state".into());
        }
        let mut ids = Ids {
            states: f.states.iter().map(|s| s.id.as_str()).collect(),
            powers: f.powers.iter().map(|p| p.id.as_str()).collect(),
            blocs: f.blocs.iter().map(|b| b.id.as_str()).collect(),
            events: f.events.iter().map(|e| e.id.as_str()).collect(),
        };
        self.duplicates("states", ids.states.iter().copied(), "state");
        self.duplicates("powers", ids.powers.iter().copied(), "power");
        self.duplicates("blocs", ids.blocs.iter().copied(), "bloc");
        // A pact an event founds may be named by any effect; one the
        // record founds, only by the record's later points (see `history`).
        // Either way its id is new, and given once.
        let mut founders: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, e) in f.events.iter().enumerate() {
            for (j, effect) in e
                .effects
                .iter()
                .chain(e.choices.iter().flat_map(|c| &c.effects))
                .enumerate()
            {
                if let Effect::FoundPact { id, .. } = effect {
                    let at = [
                        Seg::Field("events"),
                        Seg::Index(i),
                        Seg::Field("effects"),
                        Seg::Index(j),
                    ];
                    self.new_pact_id(&at, id, f, &mut founders);
                    if !ids.blocs.contains(&id.as_str()) {
                        ids.blocs.push(id);
                    }
                }
            }
        }
        for (i, p) in f.history.iter().flat_map(|h| h.points.iter()).enumerate() {
            for (j, effect) in p.effects.iter().enumerate() {
                if let Effect::FoundPact { id, .. } = effect {
                    let at = [
                        Seg::Field("history"),
                        Seg::Field("points"),
                        Seg::Index(i),
                        Seg::Field("effects"),
                        Seg::Index(j),
                    ];
                    self.new_pact_id(&at, id, f, &mut founders);
                }
            }
        }
        self.duplicates("events", ids.events.iter().copied(), "event");
        self.leaders = known_leaders(f);
        self.commodities(f);
        self.meta(f, &ids);
        self.shapes(f);
        // Agendas name decisions of the catalogue in force.
        let catalogue = super::catalogue::catalogue_for(&f.decisions);
        for (i, p) in f.powers.iter().enumerate() {
            let at = [Seg::Field("powers"), Seg::Index(i)];
            self.id(&path(&at, &[Seg::Field("id")]), "power id", &p.id);
            self.text(
                &path(&at, &[Seg::Field("name")]),
                "the name",
                &p.name,
                limits::NAME_CHARS,
            );
            self.range(
                &path(&at, &[Seg::Field("conditionality")]),
                "conditionality",
                p.conditionality,
                0.0,
                1.0,
            );
            if p.capacity > 100 {
                self.at(
                    &path(&at, &[Seg::Field("capacity")]),
                    format!("capacity is {}, but must be at most 100", p.capacity),
                );
            }
            let agenda = path(&at, &[Seg::Field("agenda")]);
            self.range(
                &path(&agenda, &[Seg::Field("outreach")]),
                "outreach",
                p.agenda.outreach,
                0.0,
                1.0,
            );
            for (j, x) in p.agenda.wants.iter().enumerate() {
                self.export(&path(&agenda, &[Seg::Field("wants"), Seg::Index(j)]), x);
            }
            for (j, c) in p.agenda.courts.iter().enumerate() {
                let here = path(&agenda, &[Seg::Field("courts"), Seg::Index(j)]);
                self.reference(&here, "state", c, &ids.states);
            }
            for (j, r) in p.agenda.rivals.iter().enumerate() {
                let here = path(&agenda, &[Seg::Field("rivals"), Seg::Index(j)]);
                self.reference(&here, "power", r, &ids.powers);
                if *r == p.id {
                    self.at(&here, format!("`{r}` cannot be its own rival"));
                }
            }
            self.priorities(&agenda, &p.agenda.priorities, &catalogue, Decider::Power);
        }
        for (i, s) in f.states.iter().enumerate() {
            self.state(i, s, f, &ids);
            let agenda = [Seg::Field("states"), Seg::Index(i), Seg::Field("agenda")];
            self.priorities(&agenda, &s.agenda.priorities, &catalogue, Decider::Government);
        }
        self.catalogue = catalogue;
        for (i, b) in f.blocs.iter().enumerate() {
            self.bloc(i, b, &ids);
        }
        let mut seen = BTreeMap::new();
        for (i, p) in f.partnerships.iter().enumerate() {
            let at = [Seg::Field("partnerships"), Seg::Index(i)];
            self.reference(&path(&at, &[Seg::Field("state")]), "state", &p.state, &ids.states);
            self.reference(&path(&at, &[Seg::Field("power")]), "power", &p.power, &ids.powers);
            if p.stage == Stage::Ended {
                self.at(
                    &path(&at, &[Seg::Field("stage")]),
                    "a partnership cannot start as `Ended`; leave it out instead".into(),
                );
            }
            if let Some(first) = seen.insert((p.state.as_str(), p.power.as_str(), p.kind), i) {
                let was = self.locator.find(&[Seg::Field("partnerships"), Seg::Index(first)]);
                self.at(
                    &at,
                    format!(
                        "partnership {} with {} ({:?}) is listed twice (first at line {}, column {}); keep one",
                        p.state, p.power, p.kind, was.line, was.col
                    ),
                );
            }
        }
        for (i, e) in f.events.iter().enumerate() {
            self.event(i, e, &ids);
        }
        for (i, chain) in fire_cycles(&f.events) {
            self.at(
                &[Seg::Field("events"), Seg::Index(i), Seg::Field("id")],
                format!(
                    "event `{}` fires itself through {}: a loop of events does nothing an event of its own \
                     would not (each fires at most once a month); remove one of the `Fire` effects",
                    f.events[i].id,
                    chain.join(" → ")
                ),
            );
        }
        if let Some(h) = &f.history {
            self.history(h, f, &ids);
            self.beside_the_record(f);
        }
        let mut pairs = BTreeMap::new();
        for (i, r) in f.relations.iter().enumerate() {
            let at = [Seg::Field("relations"), Seg::Index(i)];
            self.reference(&path(&at, &[Seg::Field("state")]), "state", &r.state, &ids.states);
            self.reference(&path(&at, &[Seg::Field("other")]), "state", &r.other, &ids.states);
            self.range(&path(&at, &[Seg::Field("value")]), "value", r.value, -100.0, 100.0);
            if r.state == r.other {
                self.at(
                    &path(&at, &[Seg::Field("other")]),
                    "relations are between two different states".into(),
                );
            }
            let key = if r.state < r.other {
                (r.state.as_str(), r.other.as_str())
            } else {
                (r.other.as_str(), r.state.as_str())
            };
            if let Some(first) = pairs.insert(key, i) {
                let was = self.locator.find(&[Seg::Field("relations"), Seg::Index(first)]);
                self.at(
                    &at,
                    format!(
                        "relations between {} and {} are given twice (first at line {}, column {}); keep one",
                        key.0, key.1, was.line, was.col
                    ),
                );
            }
        }
        if self.count(&[Seg::Field("goals")], "goals", f.goals.len(), limits::GOALS) {
            for (i, g) in f.goals.iter().enumerate() {
                self.goal(i, g, f, &ids);
            }
        }
        if self.count(
            &[Seg::Field("decisions")],
            "decisions",
            f.decisions.len(),
            limits::DECISIONS,
        ) {
            for (i, d) in f.decisions.iter().enumerate() {
                self.decision(i, d, &decision_ids(&ids, d.by));
            }
        }
    }

    /// An agenda's priorities: decisions of the catalogue that the decider
    /// can take, with a weight in range and a reason.
    fn priorities(&mut self, agenda: &[Seg], list: &[Priority], catalogue: &[DecisionDef], by: Decider) {
        let known: Vec<&str> = catalogue.iter().filter(|d| d.by == by).map(|d| d.id.as_str()).collect();
        let kind = match by {
            Decider::Government => "government decision",
            Decider::Power => "power decision",
        };
        for (j, pr) in list.iter().enumerate() {
            let here = path(agenda, &[Seg::Field("priorities"), Seg::Index(j)]);
            self.reference(&path(&here, &[Seg::Field("decision")]), kind, &pr.decision, &known);
            self.range(&path(&here, &[Seg::Field("boost")]), "boost", pr.boost, -1.0, 10.0);
            self.text(
                &path(&here, &[Seg::Field("why")]),
                "the reason",
                &pr.why,
                limits::NAME_CHARS,
            );
        }
    }

    fn decision(&mut self, i: usize, d: &DecisionDef, ids: &Ids) {
        let at = [Seg::Field("decisions"), Seg::Index(i)];
        let f = |name: &'static str| path(&at, &[Seg::Field(name)]);
        if d.id.is_empty() {
            self.at(&f("id"), "a decision needs an id".into());
        }
        self.text(&f("id"), "the decision id", &d.id, limits::NAME_CHARS);
        self.text(&f("name"), "the name", &d.name, limits::NAME_CHARS);
        self.text(&f("description"), "the description", &d.description, limits::TEXT_CHARS);
        if d.cost > 20 {
            self.at(&f("cost"), format!("cost is {}, but must be at most 20", d.cost));
        }
        if d.by == Decider::Power && !matches!(d.target, TargetKind::None | TargetKind::State | TargetKind::Power) {
            self.at(
                &f("target"),
                format!(
                    "a power's decision is about a `State`, a `Power` or nothing, not `{:?}`",
                    d.target
                ),
            );
        }
        let mut nodes = 0;
        self.condition(&f("available"), &d.available, ids, 1, &mut nodes);
        self.start_only_in_events(&f("available"), &d.available);
        if d.available.draws() {
            self.at(
                &f("available"),
                "a decision's availability cannot depend on `Chance`: give an outcome a `chance` instead".into(),
            );
        }
        if self.count(&f("effects"), "effects", d.effects.len(), limits::EFFECTS_PER_EVENT) {
            for (j, o) in d.effects.iter().enumerate() {
                let here = path(&at, &[Seg::Field("effects"), Seg::Index(j)]);
                self.effect(&path(&here, &[Seg::Field("effect")]), &o.effect, ids);
                self.range(&path(&here, &[Seg::Field("chance")]), "chance", o.chance, 0.0, 1.0);
                if o.delay > 120 {
                    self.at(
                        &path(&here, &[Seg::Field("delay")]),
                        format!("delay is {}, but must be at most 120 months", o.delay),
                    );
                }
            }
        }
        let ai = path(&at, &[Seg::Field("ai")]);
        self.range(&path(&ai, &[Seg::Field("base")]), "base", d.ai.base, -10.0, 10.0);
        for (j, factor) in d.ai.factors.iter().enumerate() {
            let here = path(&ai, &[Seg::Field("factors"), Seg::Index(j)]);
            let mut nodes = 0;
            self.condition(&path(&here, &[Seg::Field("when")]), &factor.when, ids, 1, &mut nodes);
            self.start_only_in_events(&path(&here, &[Seg::Field("when")]), &factor.when);
            if factor.when.draws() {
                self.at(
                    &path(&here, &[Seg::Field("when")]),
                    "an AI factor cannot depend on `Chance`: weights are reasoned, not drawn".into(),
                );
            }
            self.range(&path(&here, &[Seg::Field("add")]), "add", factor.add, -10.0, 10.0);
            self.text(
                &path(&here, &[Seg::Field("why")]),
                "the reason",
                &factor.why,
                limits::NAME_CHARS,
            );
        }
    }

    /// `Start` holds only while a game is set up, when only events are
    /// checked.
    fn start_only_in_events(&mut self, at: &[Seg], c: &Condition) {
        if c.mentions_start() {
            self.at(
                at,
                "`Start` holds only while the game is set up: use it in an event's `when`".into(),
            );
        }
    }

    fn goal(&mut self, i: usize, g: &GoalDef, f: &ScenarioFile, ids: &Ids) {
        let at = [Seg::Field("goals"), Seg::Index(i)];
        let state = path(&at, &[Seg::Field("state")]);
        self.reference(&state, "state", &g.state, &ids.states);
        if ids.states.contains(&g.state.as_str()) && !f.meta.playable.contains(&g.state) {
            self.at(
                &state,
                format!(
                    "`{}` has a goal but is not playable; add it to `meta.playable`",
                    g.state
                ),
            );
        }
        self.text(
            &path(&at, &[Seg::Field("name")]),
            "the name",
            &g.name,
            limits::NAME_CHARS,
        );
        self.text(
            &path(&at, &[Seg::Field("description")]),
            "the description",
            &g.description,
            limits::TEXT_CHARS,
        );
        for field in ["victory", "defeat"] {
            let c = if field == "victory" { &g.victory } else { &g.defeat };
            let here = path(&at, &[Seg::Field(field)]);
            let mut nodes = 0;
            self.condition(&here, c, ids, 1, &mut nodes);
            if c.draws() {
                self.at(
                    &here,
                    format!("a goal's {field} cannot depend on `Chance`: goals are judged, not drawn"),
                );
            }
            self.start_only_in_events(&here, c);
        }
    }

    fn meta(&mut self, f: &ScenarioFile, ids: &Ids) {
        let m = &f.meta;
        let at = [Seg::Field("meta")];
        self.text(
            &path(&at, &[Seg::Field("name")]),
            "the name",
            &m.name,
            limits::NAME_CHARS,
        );
        self.text(
            &path(&at, &[Seg::Field("description")]),
            "the description",
            &m.description,
            limits::TEXT_CHARS,
        );
        if m.turns == 0 || m.turns > limits::TURNS {
            self.at(
                &path(&at, &[Seg::Field("turns")]),
                format!("turns is {}, but must be between 1 and {}", m.turns, limits::TURNS),
            );
        }
        if self.count(
            &path(&at, &[Seg::Field("playable")]),
            "playable states",
            m.playable.len(),
            limits::STATES,
        ) {
            for (i, p) in m.playable.iter().enumerate() {
                self.reference(
                    &path(&at, &[Seg::Field("playable"), Seg::Index(i)]),
                    "state",
                    p,
                    &ids.states,
                );
            }
        }
    }

    fn state(&mut self, i: usize, s: &StateDef, f: &ScenarioFile, ids: &Ids) {
        let at = [Seg::Field("states"), Seg::Index(i)];
        let p = |more: &[Seg]| path(&at, more);
        self.id(&p(&[Seg::Field("id")]), "state id", &s.id);
        self.text(&p(&[Seg::Field("name")]), "the name", &s.name, limits::NAME_CHARS);
        for (field, v) in [
            ("stability", s.stability),
            ("legitimacy", s.legitimacy),
            ("military_loyalty", s.military_loyalty),
            ("coup_proofing", s.coup_proofing),
        ] {
            self.range(&p(&[Seg::Field(field)]), field, v, 0.0, 100.0);
        }
        let sec = [Seg::Field("security")];
        for (field, v) in [
            ("insurgency", s.security.insurgency),
            ("control", s.security.control),
            ("military", s.security.military),
        ] {
            self.range(&p(&path(&sec, &[Seg::Field(field)])), field, v, 0.0, 100.0);
        }
        if let Some(t) = s.security.trend {
            // Points of rooted pressure a year: 24 would take a quiet state
            // to full war in four years, faster than any on record.
            self.range(&p(&path(&sec, &[Seg::Field("trend")])), "trend", t, -24.0, 24.0);
        }
        if let Some(names) = &s.names {
            for (list, items) in [
                ("ranks", &names.ranks),
                ("given", &names.given),
                ("family", &names.family),
            ] {
                let here = p(&[Seg::Field("names"), Seg::Field(list)]);
                if self.count(&here, list, items.len(), limits::LIST) {
                    for (j, n) in items.iter().enumerate() {
                        self.text(&path(&here, &[Seg::Index(j)]), "a name", n, limits::NAME_CHARS);
                    }
                }
            }
            if names.given.is_empty() || names.family.is_empty() {
                self.at(
                    &p(&[Seg::Field("names")]),
                    "names needs at least one given name and one family name".to_string(),
                );
            }
        }
        let eco = [Seg::Field("economy")];
        self.range(
            &p(&path(&eco, &[Seg::Field("growth")])),
            "growth",
            s.economy.growth,
            -30.0,
            30.0,
        );
        self.range(
            &p(&path(&eco, &[Seg::Field("sanctions_exposure")])),
            "sanctions_exposure",
            s.economy.sanctions_exposure,
            0.0,
            100.0,
        );
        self.range(
            &p(&path(&eco, &[Seg::Field("food_insecurity")])),
            "food_insecurity",
            s.economy.food_insecurity,
            0.0,
            100.0,
        );
        if self.count(
            &p(&path(&eco, &[Seg::Field("exports")])),
            "exports",
            s.economy.exports.len(),
            limits::LIST,
        ) {
            for (j, x) in s.economy.exports.iter().enumerate() {
                self.export(&p(&path(&eco, &[Seg::Field("exports"), Seg::Index(j)])), x);
            }
        }
        let reg = [Seg::Field("regime")];
        self.text(
            &p(&path(&reg, &[Seg::Field("leader")])),
            "the leader's name",
            &s.regime.leader,
            limits::NAME_CHARS,
        );
        if s.regime.since > f.meta.start {
            self.at(
                &p(&path(&reg, &[Seg::Field("since")])),
                format!(
                    "the regime cannot start ({}) after the scenario does ({})",
                    s.regime.since, f.meta.start
                ),
            );
        }
        if let Some(c) = s.last_coup
            && c > f.meta.start
        {
            self.at(
                &p(&[Seg::Field("last_coup")]),
                format!(
                    "last_coup ({c}) cannot be after the scenario's start ({})",
                    f.meta.start
                ),
            );
        }
        if self.count(
            &p(&[Seg::Field("alignment")]),
            "alignment entries",
            s.alignment.len(),
            limits::POWERS,
        ) {
            for (power, v) in &s.alignment {
                let here = p(&[Seg::Field("alignment"), Seg::Key(power.clone())]);
                self.reference(&here, "power", power, &ids.powers);
                self.range(&here, &format!("alignment toward {power}"), *v, -100.0, 100.0);
            }
        }
        if self.count(
            &p(&[Seg::Field("neighbours")]),
            "neighbours",
            s.neighbours.len(),
            limits::LIST,
        ) {
            let mut seen = BTreeSet::new();
            for (j, n) in s.neighbours.iter().enumerate() {
                let here = p(&[Seg::Field("neighbours"), Seg::Index(j)]);
                if *n == s.id {
                    self.at(&here, format!("{} cannot be its own neighbour", s.id));
                } else if !seen.insert(n.as_str()) {
                    self.at(&here, format!("neighbour `{n}` is listed twice"));
                } else {
                    self.reference(&here, "state", n, &ids.states);
                }
            }
        }
    }

    fn bloc(&mut self, i: usize, b: &BlocDef, ids: &Ids) {
        let at = [Seg::Field("blocs"), Seg::Index(i)];
        let p = |more: &[Seg]| path(&at, more);
        self.id(&p(&[Seg::Field("id")]), "bloc id", &b.id);
        self.text(&p(&[Seg::Field("name")]), "the name", &b.name, limits::NAME_CHARS);
        if b.rules.withdrawal_notice_months > 120 {
            self.at(
                &p(&[Seg::Field("rules"), Seg::Field("withdrawal_notice_months")]),
                format!(
                    "withdrawal_notice_months is {}, but must be at most 120",
                    b.rules.withdrawal_notice_months
                ),
            );
        }
        for (list, items) in [
            ("members", &b.members),
            ("suspended", &b.suspended),
            ("sanctioned", &b.sanctioned),
            ("threatened", &b.threatened),
        ] {
            if !self.count(&p(&[Seg::Field(list)]), list, items.len(), limits::LIST) {
                continue;
            }
            let mut seen = BTreeSet::new();
            for (j, m) in items.iter().enumerate() {
                let here = p(&[Seg::Field(list), Seg::Index(j)]);
                if !seen.insert(m.as_str()) {
                    self.at(&here, format!("`{m}` is named twice in {}'s {list} list", b.id));
                    continue;
                }
                self.reference(&here, "state", m, &ids.states);
                if (list == "suspended" || list == "threatened") && !b.members.contains(m) {
                    self.at(
                        &here,
                        format!("`{m}` is {list} by {} but is not one of its members", b.id),
                    );
                }
            }
        }
        if self.count(
            &p(&[Seg::Field("projects")]),
            "projects",
            b.projects.len(),
            limits::LIST,
        ) {
            for (j, pr) in b.projects.iter().enumerate() {
                self.range(
                    &p(&[Seg::Field("projects"), Seg::Index(j), Seg::Field("progress")]),
                    "progress",
                    pr.progress,
                    0.0,
                    100.0,
                );
            }
        }
    }

    fn event(&mut self, i: usize, e: &EventDef, ids: &Ids) {
        let at = [Seg::Field("events"), Seg::Index(i)];
        self.text(
            &path(&at, &[Seg::Field("id")]),
            "the event id",
            &e.id,
            limits::NAME_CHARS,
        );
        if e.id.is_empty() {
            self.at(&path(&at, &[Seg::Field("id")]), "an event needs an id".into());
        }
        if let Some(t) = &e.title {
            self.text(&path(&at, &[Seg::Field("title")]), "the title", t, limits::TEXT_CHARS);
        }
        let mut nodes = 0;
        self.condition(&path(&at, &[Seg::Field("when")]), &e.when, ids, 1, &mut nodes);
        if e.when.mentions_start() && !e.choices.is_empty() {
            self.at(
                &path(&at, &[Seg::Field("choices")]),
                "an event at `Start` cannot offer choices: the player takes their seat after it; \
                 date the choice to the first month instead"
                    .into(),
            );
        }
        if self.count(
            &path(&at, &[Seg::Field("effects")]),
            "effects",
            e.effects.len(),
            limits::EFFECTS_PER_EVENT,
        ) {
            for (j, effect) in e.effects.iter().enumerate() {
                self.effect(&path(&at, &[Seg::Field("effects"), Seg::Index(j)]), effect, ids);
            }
        }
        self.choices(&at, e, ids);
    }

    /// The scenario's own commodities: new names, written as exports are,
    /// within what a set of exports can hold.
    fn commodities(&mut self, f: &ScenarioFile) {
        self.commodities = BUILTIN_EXPORTS.iter().map(|(n, _)| n.to_string()).collect();
        let room = 64 - BUILTIN_EXPORTS.len();
        if f.commodities.len() > room {
            self.at(
                &[Seg::Field("commodities")],
                format!("{} commodities; a scenario may add at most {room}", f.commodities.len()),
            );
        }
        for (i, c) in f.commodities.iter().enumerate() {
            let at = [Seg::Field("commodities"), Seg::Index(i), Seg::Field("id")];
            let word = c.id.chars().next().is_some_and(|ch| ch.is_ascii_uppercase())
                && c.id.chars().all(|ch| ch.is_ascii_alphanumeric())
                && c.id.chars().count() <= limits::ID_CHARS;
            if !word {
                self.at(
                    &at,
                    format!(
                        "a commodity's id is a capitalised word of letters and digits, as exports write it \
                         (`Copper`, `Cobalt`), not `{}`",
                        super::shown(&c.id)
                    ),
                );
            }
            if self.commodities.contains(&c.id) {
                let built_in = BUILTIN_EXPORTS.iter().any(|(n, _)| *n == c.id);
                self.at(
                    &at,
                    if built_in {
                        format!("`{}` is a built-in commodity already; leave it out", c.id)
                    } else {
                        format!("commodity `{}` is declared twice", c.id)
                    },
                );
            } else {
                self.commodities.push(c.id.clone());
            }
        }
    }

    /// An export a state or a power names: built in, or declared.
    fn export(&mut self, at: &[Seg], x: &Export) {
        if self.commodities.iter().any(|c| c == x.name()) {
            return;
        }
        let hint = suggest(x.name(), self.commodities.iter().map(String::as_str))
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        self.at(
            at,
            format!(
                "unknown commodity `{}`; {hint}declare it under `commodities` (docs/scenarios.md) or use one of: {}",
                super::shown(x.name()),
                super::known_list(&self.commodities.iter().map(String::as_str).collect::<Vec<_>>())
            ),
        );
    }

    /// What passes but would surprise: a state the map cannot draw, a
    /// playable state with nothing to play for.
    fn shapes(&mut self, f: &ScenarioFile) {
        for (i, s) in f.states.iter().enumerate() {
            if !crate::geo::known_id(&s.id) {
                self.warn(
                    &[Seg::Field("states"), Seg::Index(i), Seg::Field("id")],
                    format!(
                        "`{}` is not an ISO 3166 alpha-3 code the world map has: {} plays (panels, news, \
                         charts) but is not drawn on the map; use the state's ISO code if it has one",
                        s.id, s.name
                    ),
                );
            }
        }
        for (i, p) in f.meta.playable.iter().enumerate() {
            if !f.goals.iter().any(|g| &g.state == p) {
                self.warn(
                    &[Seg::Field("meta"), Seg::Field("playable"), Seg::Index(i)],
                    format!("`{p}` is playable but has no goal: its player cannot win or lose; add one under `goals`"),
                );
            }
        }
    }

    /// With the history option the record alone makes coups, pacts and
    /// exits; a scenario's own event that makes one acts beside it.
    fn beside_the_record(&mut self, f: &ScenarioFile) {
        for (i, e) in f.events.iter().enumerate() {
            let effects = e.effects.iter().chain(e.choices.iter().flat_map(|c| &c.effects));
            for (j, effect) in effects.enumerate() {
                if effect.makes_history() {
                    let at = if j < e.effects.len() {
                        vec![
                            Seg::Field("events"),
                            Seg::Index(i),
                            Seg::Field("effects"),
                            Seg::Index(j),
                        ]
                    } else {
                        vec![Seg::Field("events"), Seg::Index(i), Seg::Field("choices")]
                    };
                    self.warn(
                        &at,
                        format!(
                            "event `{}` makes a coup, a pact or an exit ({}) while the scenario has a `history`: \
                             with the history option it acts beside the record, which should make them alone; \
                             move it into the record, or give it a `when` after `history.until`",
                            e.id,
                            effect.name()
                        ),
                    );
                }
            }
        }
    }

    /// A pact's id that `FoundPact` gives: not a bloc of the scenario, and
    /// given by one `FoundPact` only.
    fn new_pact_id<'a>(&mut self, at: &[Seg], id: &'a str, f: &ScenarioFile, founders: &mut BTreeMap<&'a str, usize>) {
        let here = path(at, &[Seg::Field("id")]);
        if f.blocs.iter().any(|b| b.id == id) {
            self.at(
                &here,
                format!("`{id}` is already a bloc of the scenario: a new pact needs an id of its own"),
            );
        }
        let n = founders.entry(id).or_insert(0);
        *n += 1;
        if *n == 2 {
            self.at(
                &here,
                format!("a pact `{id}` is founded twice: give each `FoundPact` its own id"),
            );
        }
    }

    /// The record's turning points: dated within the scenario's span and
    /// the record's, each with its source; a pact the record founds named
    /// only from its founding on.
    fn history(&mut self, h: &HistoryDef, f: &ScenarioFile, ids: &Ids) {
        let at = [Seg::Field("history")];
        let start = f.meta.start;
        let last = start.plus_months(i64::from(f.meta.turns.max(1)) - 1);
        if h.until < start {
            self.at(
                &path(&at, &[Seg::Field("until")]),
                format!("the record ends in {}, before the scenario starts ({start})", h.until),
            );
        } else if h.until > last {
            self.at(
                &path(&at, &[Seg::Field("until")]),
                format!(
                    "the record runs to {}, past the scenario's {} months (to {last}); while it runs the model \
                     makes no coups or pacts of its own",
                    h.until, f.meta.turns
                ),
            );
        }
        // Where each pact the record founds is founded: (month, point).
        let founded: Vec<(&str, (YearMonth, usize))> = h
            .points
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.effects.iter().filter_map(move |e| match e {
                    Effect::FoundPact { id, .. } => Some((id.as_str(), (p.month, i))),
                    _ => None,
                })
            })
            .collect();
        let mut coups: BTreeMap<(&str, YearMonth), usize> = BTreeMap::new();
        for (j, s) in h.sources.iter().enumerate() {
            self.text(
                &path(&at, &[Seg::Field("sources"), Seg::Index(j)]),
                "a source",
                s,
                limits::TEXT_CHARS,
            );
        }
        if !self.count(
            &path(&at, &[Seg::Field("points")]),
            "turning points",
            h.points.len(),
            limits::EVENTS,
        ) {
            return;
        }
        for (i, p) in h.points.iter().enumerate() {
            let here = path(&at, &[Seg::Field("points"), Seg::Index(i)]);
            let mut known = ids.clone();
            known.blocs.extend(
                founded
                    .iter()
                    .filter(|(_, when)| *when <= (p.month, i))
                    .map(|(id, _)| *id),
            );
            if p.month < start || p.month > h.until {
                self.at(
                    &path(&here, &[Seg::Field("month")]),
                    format!(
                        "{} is outside the record's span ({start} to {}): a turning point happens while the record runs",
                        p.month, h.until
                    ),
                );
            }
            if p.title.trim().is_empty() {
                self.at(
                    &path(&here, &[Seg::Field("title")]),
                    "a turning point needs a title".into(),
                );
            }
            self.text(
                &path(&here, &[Seg::Field("title")]),
                "the title",
                &p.title,
                limits::TEXT_CHARS,
            );
            if p.source.trim().is_empty() {
                self.at(
                    &path(&here, &[Seg::Field("source")]),
                    "a turning point needs its source (where a reader can check it)".into(),
                );
            }
            self.text(
                &path(&here, &[Seg::Field("source")]),
                "the source",
                &p.source,
                limits::TEXT_CHARS,
            );
            if self.count(
                &path(&here, &[Seg::Field("effects")]),
                "effects",
                p.effects.len(),
                limits::EFFECTS_PER_EVENT,
            ) {
                for (j, effect) in p.effects.iter().enumerate() {
                    let e_at = path(&here, &[Seg::Field("effects"), Seg::Index(j)]);
                    match effect {
                        Effect::Fire(_) => {
                            self.at(
                                &e_at,
                                "a turning point cannot fire events; give its effects instead".into(),
                            );
                        }
                        Effect::CoupAttempt {
                            state,
                            succeeds,
                            leader,
                        } => {
                            if succeeds == &Some(false) && leader.is_some() {
                                self.at(
                                    &path(&e_at, &[Seg::Field("leader")]),
                                    "a coup that fails brings no new leader: leave `leader` out".into(),
                                );
                            }
                            let n = coups.entry((state.as_str(), p.month)).or_insert(0);
                            *n += 1;
                            if *n == 2 {
                                self.at(
                                    &e_at,
                                    format!(
                                        "a second coup attempt in {state} in {}: one a month is all the model makes",
                                        p.month
                                    ),
                                );
                            }
                        }
                        Effect::Confederate { bloc, .. } => {
                            if let Some(b) = f.blocs.iter().find(|b| &b.id == bloc)
                                && b.kind != BlocKind::DefencePact
                            {
                                self.at(
                                    &path(&e_at, &[Seg::Field("bloc")]),
                                    format!(
                                        "`{bloc}` is not a defence pact: only a defence pact becomes a confederation"
                                    ),
                                );
                            }
                        }
                        _ => {}
                    }
                    self.effect(&e_at, effect, &known);
                }
            }
        }
    }

    fn choices(&mut self, at: &[Seg], e: &EventDef, ids: &Ids) {
        if let Some(c) = &e.chooser {
            self.reference(&path(at, &[Seg::Field("chooser")]), "state", c, &ids.states);
        }
        let list = path(at, &[Seg::Field("choices")]);
        if e.choices.is_empty() {
            return;
        }
        if e.chooser.is_none() {
            self.at(
                &list,
                "an event with `choices` needs a `chooser`: the state whose government decides".into(),
            );
        }
        if e.choices.len() == 1 {
            self.at(&list, "a choice needs at least two options".into());
        }
        if !self.count(&list, "choices", e.choices.len(), limits::CHOICES) {
            return;
        }
        if e.choices.iter().all(|c| c.ai_weight <= 0.0) {
            self.at(
                &list,
                "at least one option needs an `ai_weight` above 0, or no computer-run government could choose".into(),
            );
        }
        for (j, choice) in e.choices.iter().enumerate() {
            let at = path(&list, &[Seg::Index(j)]);
            self.text(
                &path(&at, &[Seg::Field("label")]),
                "the label",
                &choice.label,
                limits::NAME_CHARS,
            );
            self.range(
                &path(&at, &[Seg::Field("ai_weight")]),
                "ai_weight",
                choice.ai_weight,
                0.0,
                1000.0,
            );
            if self.count(
                &path(&at, &[Seg::Field("effects")]),
                "effects",
                choice.effects.len(),
                limits::EFFECTS_PER_EVENT,
            ) {
                for (k, effect) in choice.effects.iter().enumerate() {
                    self.effect(&path(&at, &[Seg::Field("effects"), Seg::Index(k)]), effect, ids);
                }
            }
        }
    }

    fn condition(&mut self, at: &[Seg], c: &Condition, ids: &Ids, depth: usize, nodes: &mut usize) {
        *nodes += 1;
        if depth > limits::CONDITION_DEPTH || *nodes > limits::CONDITION_NODES {
            if depth == limits::CONDITION_DEPTH + 1 || *nodes == limits::CONDITION_NODES + 1 {
                self.at(
                    at,
                    format!(
                        "condition too large: at most {} levels and {} parts",
                        limits::CONDITION_DEPTH,
                        limits::CONDITION_NODES
                    ),
                );
            }
            return;
        }
        let f = |name: &'static str| path(at, &[Seg::Field(name)]);
        match c {
            Condition::Date(_) | Condition::From(_) | Condition::Before(_) | Condition::Start => {}
            Condition::Indicator {
                state,
                indicator,
                value,
                ..
            } => {
                self.reference(&f("state"), "state", state, &ids.states);
                let (lo, hi) = indicator.range();
                self.range(&f("value"), "value", *value, lo, hi);
            }
            Condition::Alignment {
                state, power, value, ..
            } => {
                self.reference(&f("state"), "state", state, &ids.states);
                self.reference(&f("power"), "power", power, &ids.powers);
                self.range(&f("value"), "value", *value, -100.0, 100.0);
            }
            Condition::Regime { state, .. } => self.reference(&f("state"), "state", state, &ids.states),
            Condition::Member { state, bloc } | Condition::Suspended { state, bloc } => {
                self.reference(&f("state"), "state", state, &ids.states);
                self.reference(&f("bloc"), "bloc", bloc, &ids.blocs);
            }
            Condition::Sanctioned { state, bloc } => {
                self.reference(&f("state"), "state", state, &ids.states);
                if let Some(bloc) = bloc {
                    self.reference(&f("bloc"), "bloc", bloc, &ids.blocs);
                }
            }
            Condition::Talks { state, power } => {
                self.reference(&f("state"), "state", state, &ids.states);
                self.reference(&f("power"), "power", power, &ids.powers);
            }
            Condition::ProjectsOpen { bloc } => self.reference(&f("bloc"), "bloc", bloc, &ids.blocs),
            Condition::Partnership { state, power, .. } => {
                self.reference(&f("state"), "state", state, &ids.states);
                self.reference(&f("power"), "power", power, &ids.powers);
            }
            Condition::Relation {
                state, other, value, ..
            } => {
                self.reference(&f("state"), "state", state, &ids.states);
                self.reference(&f("other"), "state", other, &ids.states);
                self.range(&f("value"), "value", *value, -100.0, 100.0);
            }
            Condition::Leader { state, leader } => {
                self.reference(&f("state"), "state", state, &ids.states);
                self.text(&f("leader"), "the leader", leader, limits::NAME_CHARS);
                if !self.leaders.contains(leader) {
                    let hint = suggest(leader, self.leaders.iter().map(String::as_str))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    self.warn(
                        &f("leader"),
                        format!(
                            "no state has `{leader}` as its leader at the start or gets them by a scripted \
                             event, so this never holds (a coup's new leaders are named by the model){hint}"
                        ),
                    );
                }
            }
            Condition::Elapsed(n) => {
                if *n > limits::TURNS {
                    self.at(at, format!("Elapsed is {n}, but must be at most {}", limits::TURNS));
                }
            }
            Condition::Project { bloc, .. } => self.reference(&f("bloc"), "bloc", bloc, &ids.blocs),
            Condition::Members { bloc, value, .. } => {
                self.reference(&f("bloc"), "bloc", bloc, &ids.blocs);
                self.range(&f("value"), "value", *value, 0.0, limits::STATES as f64);
            }
            Condition::Courts { power, state } | Condition::Wants { power, state } => {
                self.reference(&f("power"), "power", power, &ids.powers);
                self.reference(&f("state"), "state", state, &ids.states);
            }
            Condition::Exports { state, export } => {
                self.reference(&f("state"), "state", state, &ids.states);
                self.export(&f("export"), export);
            }
            Condition::TowardRivals {
                state, power, value, ..
            } => {
                self.reference(&f("state"), "state", state, &ids.states);
                self.reference(&f("power"), "power", power, &ids.powers);
                self.range(&f("value"), "value", *value, -100.0, 100.0);
            }
            Condition::SpareCapacity { power } | Condition::Offers { power, .. } => {
                self.reference(&f("power"), "power", power, &ids.powers);
            }
            Condition::Conditionality { power, value, .. } => {
                self.reference(&f("power"), "power", power, &ids.powers);
                self.range(&f("value"), "value", *value, 0.0, 1.0);
            }
            Condition::Chance(p) => self.range(at, "the chance", *p, 0.0, 1.0),
            Condition::All(list) | Condition::Any(list) => {
                for (i, inner) in list.iter().enumerate() {
                    self.condition(&path(at, &[Seg::Index(i)]), inner, ids, depth + 1, nodes);
                }
            }
            Condition::Not(inner) => self.condition(at, inner, ids, depth + 1, nodes),
        }
    }

    fn effect(&mut self, at: &[Seg], e: &Effect, ids: &Ids) {
        let f = |name: &'static str| path(at, &[Seg::Field(name)]);
        // Every id, from the one list of them.
        for r in e.refs() {
            let known = match r.kind {
                RefKind::State => &ids.states,
                RefKind::Power => &ids.powers,
                RefKind::Bloc => &ids.blocs,
                RefKind::Event => &ids.events,
            };
            let p = if r.field.is_empty() { at.to_vec() } else { f(r.field) };
            self.reference(&p, r.kind.noun(), r.id, known);
        }
        // What each effect asks beyond its ids.
        match e {
            Effect::Change { indicator, delta, .. } => {
                let (lo, hi) = indicator.range();
                let span = hi - lo;
                self.range(&f("delta"), "delta", *delta, -span, span);
            }
            Effect::Set { indicator, value, .. } => {
                let (lo, hi) = indicator.range();
                self.range(&f("value"), "value", *value, lo, hi);
            }
            Effect::Align { delta, .. } | Effect::Relate { delta, .. } | Effect::DiscreditRivals { delta, .. } => {
                self.range(&f("delta"), "delta", *delta, -200.0, 200.0);
            }
            Effect::VisitState { state: s, other }
            | Effect::JointStatement { state: s, other }
            | Effect::RecallAmbassador { state: s, other }
            | Effect::CloseBorder { state: s, other }
            | Effect::OpenBorder { state: s, other }
            | Effect::UrgeSanctions { state: s, other }
            | Effect::UrgeLifting { state: s, other }
            | Effect::AskMediation { state: s, other }
            | Effect::OfferMediation { state: s, other }
            | Effect::ProposePact { state: s, other }
                if s == other =>
            {
                self.at(&f("other"), format!("`{}` needs two different states", e.name()));
            }
            Effect::Mediate {
                state: s,
                first,
                second,
            } if first == second || s == first || s == second => {
                self.at(at, "a mediator brings together two other states".into());
            }
            Effect::StartPartnership { stage, .. } if *stage == Stage::Ended => {
                self.at(&f("stage"), "a partnership cannot start as `Ended`".into());
            }
            Effect::SetLeader { leader, .. }
            | Effect::CoupAttempt {
                leader: Some(leader), ..
            } => {
                self.text(&f("leader"), "the leader's name", leader, limits::NAME_CHARS);
            }
            Effect::Confederate { name: Some(name), .. } => {
                if name.trim().is_empty() {
                    self.at(&f("name"), "a confederation's new name cannot be empty".into());
                }
                self.text(&f("name"), "the name", name, limits::NAME_CHARS);
            }
            Effect::FoundPact { states, id, name } => {
                if states.len() < 2 {
                    self.at(&f("states"), "a pact needs at least two states".into());
                }
                if let Some(twice) = states.iter().enumerate().find(|(k, s)| states[..*k].contains(s)) {
                    self.at(&f("states"), format!("`{}` is named twice", twice.1));
                }
                self.id(&f("id"), "the pact's id", id);
                if ids.states.contains(&id.as_str()) || ids.powers.contains(&id.as_str()) {
                    self.at(&f("id"), format!("`{id}` is already a state's or a power's id"));
                }
                if name.trim().is_empty() {
                    self.at(&f("name"), "a pact needs a name".into());
                }
                self.text(&f("name"), "the name", name, limits::NAME_CHARS);
            }
            Effect::News(text) => self.text(at, "the news text", text, limits::TEXT_CHARS),
            _ => {}
        }
    }
}

/// Every leader a state has at the start or gets by a script: scripted
/// events (their effects and choices) and the record.
fn known_leaders(f: &ScenarioFile) -> Vec<String> {
    let scripted = f
        .events
        .iter()
        .flat_map(|e| e.effects.iter().chain(e.choices.iter().flat_map(|c| &c.effects)))
        .chain(f.history.iter().flat_map(|h| h.points.iter().flat_map(|p| &p.effects)))
        .chain(f.decisions.iter().flat_map(|d| d.effects.iter().map(|o| &o.effect)))
        .filter_map(|e| match e {
            Effect::SetLeader { leader, .. }
            | Effect::CoupAttempt {
                leader: Some(leader), ..
            } => Some(leader.clone()),
            _ => None,
        });
    let mut all: Vec<String> = f
        .states
        .iter()
        .map(|s| s.regime.leader.clone())
        .chain(scripted)
        .collect();
    all.sort();
    all.dedup();
    all
}
