//! Ids, names and entities of everything in play, and the calendar.

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::scenario::YearMonth;
use crate::sim::world::components::{BlocIdx, CommodityIdx, PowerIdx, StateIdx};

#[derive(Debug, Clone)]
pub struct Listing {
    pub code: String,
    pub name: String,
    /// `None` once the thing is gone (a dissolved bloc).
    pub entity: Option<Entity>,
    /// Where a translation of its name is found (`state-MLI`, `bloc-AES`):
    /// empty for a bloc formed during play, whose name the front ends
    /// make from its founders.
    pub key: String,
    /// The founders of a bloc formed during play, which it is named after.
    pub founders: Vec<StateIdx>,
    /// Names it had before (a pact that became a confederation), so that
    /// news from then says the name of then.
    pub former: Vec<Former>,
}

/// A name a bloc had until a turn.
#[derive(Debug, Clone)]
pub struct Former {
    /// The first turn under the next name.
    pub until: u32,
    pub key: String,
    pub name: String,
    pub founders: Vec<StateIdx>,
}

/// Finds states, powers and blocs by index or id.
#[derive(Debug, Clone, Resource, Default)]
pub struct Registry {
    pub states: Vec<Listing>,
    pub powers: Vec<Listing>,
    pub blocs: Vec<Listing>,
    state_codes: BTreeMap<String, StateIdx>,
    power_codes: BTreeMap<String, PowerIdx>,
    bloc_codes: BTreeMap<String, BlocIdx>,
    /// The commodities: the built-in ones in their order, then the
    /// scenario's; each with whether powers seek concessions for it.
    commodities: Vec<(String, bool)>,
}

impl Registry {
    /// The built-in commodities and the scenario's own, in that order.
    pub fn set_commodities(&mut self, declared: &[crate::scenario::format::CommodityDef]) {
        self.commodities = crate::scenario::format::BUILTIN_EXPORTS
            .iter()
            .map(|(n, c)| (n.to_string(), *c))
            .chain(declared.iter().map(|d| (d.id.clone(), d.concessions)))
            .collect();
    }

    pub fn commodity(&self, name: &str) -> Option<CommodityIdx> {
        self.commodities
            .iter()
            .position(|(n, _)| n == name)
            .map(|i| CommodityIdx(i as u8))
    }

    /// Whether powers seek mining or energy concessions for it.
    pub fn seeks_concessions(&self, c: CommodityIdx) -> bool {
        self.commodities.get(c.0 as usize).is_some_and(|(_, s)| *s)
    }

    pub fn add_state(&mut self, code: &str, name: &str, entity: Entity) -> StateIdx {
        let idx = StateIdx(self.states.len() as u16);
        self.state_codes.insert(code.to_string(), idx);
        self.states.push(Listing {
            code: code.to_string(),
            name: name.to_string(),
            entity: Some(entity),
            key: crate::sim::world::said::text_key("state", code),
            founders: Vec::new(),
            former: Vec::new(),
        });
        idx
    }

    pub fn add_power(&mut self, code: &str, name: &str, entity: Entity) -> PowerIdx {
        let idx = PowerIdx(self.powers.len() as u8);
        self.power_codes.insert(code.to_string(), idx);
        self.powers.push(Listing {
            code: code.to_string(),
            name: name.to_string(),
            entity: Some(entity),
            key: crate::sim::world::said::text_key("power", code),
            founders: Vec::new(),
            former: Vec::new(),
        });
        idx
    }

    pub fn add_bloc(&mut self, code: &str, name: &str, entity: Entity) -> BlocIdx {
        let idx = BlocIdx(self.blocs.len() as u16);
        self.bloc_codes.insert(code.to_string(), idx);
        self.blocs.push(Listing {
            code: code.to_string(),
            name: name.to_string(),
            entity: Some(entity),
            key: crate::sim::world::said::text_key("bloc", code),
            founders: Vec::new(),
            former: Vec::new(),
        });
        idx
    }

    pub fn state(&self, code: &str) -> Option<StateIdx> {
        self.state_codes.get(code).copied()
    }
    pub fn power(&self, code: &str) -> Option<PowerIdx> {
        self.power_codes.get(code).copied()
    }
    /// Another id for a bloc: the record's id for a pact the model founded
    /// under its own (effects that name the record's id reach it).
    pub fn alias_bloc(&mut self, code: &str, b: BlocIdx) {
        self.bloc_codes.entry(code.to_string()).or_insert(b);
    }

    pub fn bloc(&self, code: &str) -> Option<BlocIdx> {
        self.bloc_codes.get(code).copied()
    }

    pub fn state_entity(&self, s: StateIdx) -> Entity {
        self.states[s.0 as usize]
            .entity
            .expect("states are never despawned during play")
    }
    pub fn power_entity(&self, p: PowerIdx) -> Entity {
        self.powers[p.0 as usize]
            .entity
            .expect("powers are never despawned during play")
    }
    /// The bloc's entity while it exists.
    pub fn bloc_entity(&self, b: BlocIdx) -> Option<Entity> {
        self.blocs.get(b.0 as usize).and_then(|l| l.entity)
    }

    pub fn state_code(&self, s: StateIdx) -> &str {
        &self.states[s.0 as usize].code
    }
    pub fn state_name(&self, s: StateIdx) -> &str {
        &self.states[s.0 as usize].name
    }
    pub fn power_code(&self, p: PowerIdx) -> &str {
        &self.powers[p.0 as usize].code
    }
    pub fn power_name(&self, p: PowerIdx) -> &str {
        &self.powers[p.0 as usize].name
    }
    pub fn bloc_code(&self, b: BlocIdx) -> &str {
        &self.blocs[b.0 as usize].code
    }
    /// A bloc's new name from turn `turn` (a pact that becomes a
    /// confederation); its id stays, and its translation is found under
    /// `key`.
    pub fn rename_bloc(&mut self, b: BlocIdx, name: &str, key: String, turn: u32) {
        let listing = &mut self.blocs[b.0 as usize];
        listing.former.push(Former {
            until: turn,
            key: std::mem::replace(&mut listing.key, key),
            name: std::mem::replace(&mut listing.name, name.to_string()),
            founders: std::mem::take(&mut listing.founders),
        });
    }

    /// The listing as it read on `turn`: under the name it had then.
    pub fn listing_at<'a>(&self, listing: &'a Listing, turn: u32) -> (&'a str, &'a str, &'a [StateIdx]) {
        match listing.former.iter().find(|f| turn < f.until) {
            Some(f) => (&f.key, &f.name, &f.founders),
            None => (&listing.key, &listing.name, &listing.founders),
        }
    }

    /// A bloc formed during play: named after its founders by the front
    /// ends, not by a translation.
    pub fn set_founders(&mut self, b: BlocIdx, founders: &[StateIdx]) {
        let listing = &mut self.blocs[b.0 as usize];
        listing.key.clear();
        listing.founders = founders.to_vec();
    }

    pub fn bloc_name(&self, b: BlocIdx) -> &str {
        &self.blocs[b.0 as usize].name
    }

    /// A state's name as it reads inside an English sentence, with "the"
    /// where English wants it ("the Gambia"): the name of a bloc formed in
    /// play, kept in the registry, is written in English.
    pub fn state_in_text(&self, s: StateIdx) -> InText<'_> {
        InText::country(self.state_name(s))
    }

    pub fn state_count(&self) -> usize {
        self.states.len()
    }
    pub fn power_count(&self) -> usize {
        self.powers.len()
    }

    /// Blocs that exist now, in index order.
    pub fn live_blocs(&self) -> impl Iterator<Item = (BlocIdx, Entity)> + '_ {
        self.blocs
            .iter()
            .enumerate()
            .filter_map(|(i, l)| l.entity.map(|e| (BlocIdx(i as u16), e)))
    }
}

/// A name inside a sentence (see [`Registry::state_in_text`]); written
/// out without allocating.
#[derive(Debug, Clone, Copy)]
pub struct InText<'a> {
    the: bool,
    name: &'a str,
}

impl<'a> InText<'a> {
    /// Countries whose English names take "the": plural or descriptive
    /// names (the United States, the Central African Republic, the
    /// Netherlands) and a few by custom (the Gambia).
    pub fn country(name: &'a str) -> Self {
        // A scenario may write the article into the name ("The Gambia").
        if let Some(rest) = name.strip_prefix("The ") {
            return Self { the: true, name: rest };
        }
        let the = name.starts_with("United ")
            || name.ends_with("Republic")
            || name.ends_with(" States")
            || name.ends_with("Emirates")
            || name.ends_with(" Union")
            || name.ends_with("Islands")
            || name.contains("Republic of")
            || matches!(
                name,
                "Gambia" | "Netherlands" | "Philippines" | "Comoros" | "Bahamas" | "Maldives"
            );
        Self { the, name }
    }
}

impl std::fmt::Display for InText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.the {
            f.write_str("the ")?;
        }
        f.write_str(self.name)
    }
}

/// The calendar: which month the next turn resolves.
#[derive(Debug, Clone, Copy, Resource)]
pub struct Clock {
    pub start: YearMonth,
    /// Turns resolved so far.
    pub turn: u32,
}

impl Clock {
    /// The month the next turn resolves (or the current turn, while it runs).
    pub fn date(&self) -> YearMonth {
        self.start.plus_months(self.turn as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::InText;

    #[test]
    fn names_take_the_article_english_gives_them() {
        let text = |name| InText::country(name).to_string();
        assert_eq!(text("United States"), "the United States");
        assert_eq!(text("The Gambia"), "the Gambia");
        assert_eq!(text("Central African Republic"), "the Central African Republic");
        assert_eq!(text("European Union"), "the European Union");
        assert_eq!(text("Niger"), "Niger");
        assert_eq!(text("Côte d'Ivoire"), "Côte d'Ivoire");
        let bloc = InText {
            the: true,
            name: "Economic Community of West African States",
        };
        assert_eq!(
            format!("withdrawal from {bloc}"),
            "withdrawal from the Economic Community of West African States"
        );
    }
}
