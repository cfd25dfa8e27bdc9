//! The futures' change, picked with the mouse: what happens (lift
//! sanctions, a coup attempt, forces expelled…) and who, from lists of the
//! game's states, powers and blocs. The pick is written out as the typed
//! form (an effect in the scenario format), which stays for experts and
//! is what the futures read.

use bevy_egui::egui;

use crate::gui::window::words::Words;
use crate::scenario::format::{Indicator, PartnershipKind};
use crate::sim::world::components::{BlocIdx, PowerIdx, StateIdx};
use crate::sim::world::registry::Registry;

/// What the picker offers (the message naming it), and which lists each
/// needs.
const CHANGES: [(&str, Needs); 10] = [
    ("change-none", Needs::NOTHING),
    ("change-lift-sanctions", Needs::STATE_BLOC),
    ("change-impose-sanctions", Needs::STATE_BLOC),
    ("change-coup-attempt", Needs::STATE),
    ("change-expel-forces", Needs::STATE_POWER),
    ("change-partnership", Needs::PARTNERSHIP),
    ("change-leave-bloc", Needs::STATE_BLOC),
    ("change-join-bloc", Needs::STATE_BLOC),
    ("change-close-border", Needs::TWO_STATES),
    ("change-indicator", Needs::INDICATOR),
];

#[derive(Clone, Copy, PartialEq)]
struct Needs {
    state: bool,
    other: bool,
    power: bool,
    bloc: bool,
    kind: bool,
    indicator: bool,
}

impl Needs {
    const NOTHING: Needs = Needs {
        state: false,
        other: false,
        power: false,
        bloc: false,
        kind: false,
        indicator: false,
    };
    const STATE: Needs = Needs {
        state: true,
        ..Needs::NOTHING
    };
    const STATE_BLOC: Needs = Needs {
        bloc: true,
        ..Needs::STATE
    };
    const STATE_POWER: Needs = Needs {
        power: true,
        ..Needs::STATE
    };
    const PARTNERSHIP: Needs = Needs {
        kind: true,
        ..Needs::STATE_POWER
    };
    const TWO_STATES: Needs = Needs {
        other: true,
        ..Needs::STATE
    };
    const INDICATOR: Needs = Needs {
        indicator: true,
        ..Needs::STATE
    };
}

/// The picker's choices.
#[derive(Default, Clone)]
pub struct ChangePicker {
    change: usize,
    state: u16,
    other: u16,
    power: u8,
    bloc: Option<u16>,
    kind: usize,
    indicator: usize,
    delta: i32,
}

impl ChangePicker {
    /// Draws the picker; returns the change in the typed form when the
    /// pick changed (an empty string for none).
    pub fn ui(&mut self, ui: &mut egui::Ui, reg: &Registry, words: &Words) -> Option<String> {
        // Picks made in another game may name states or powers this one
        // has not.
        let states = reg.state_count().max(1) as u16;
        self.state = self.state.min(states - 1);
        self.other = self.other.min(states - 1);
        self.power = self.power.min(reg.power_count().max(1) as u8 - 1);
        let before = (
            self.change,
            self.state,
            self.other,
            self.power,
            self.bloc,
            self.kind,
            self.indicator,
            self.delta,
        );
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_id_salt("change_kind")
                .selected_text(words.t(CHANGES[self.change].0))
                .width(230.0)
                .show_ui(ui, |ui| {
                    for (k, (label, _)) in CHANGES.iter().enumerate() {
                        ui.selectable_value(&mut self.change, k, words.t(label));
                    }
                });
            let needs = CHANGES[self.change].1;
            // States by name as the player reads them.
            let mut states: Vec<(StateIdx, String)> = (0..reg.state_count())
                .map(|s| StateIdx(s as u16))
                .map(|s| (s, words.state(reg, s)))
                .collect();
            states.sort_by_cached_key(|(_, name)| super::charts::alphabetical(name));
            let pick_state = |ui: &mut egui::Ui, id: &str, slot: &mut u16| {
                egui::ComboBox::from_id_salt(id)
                    .selected_text(words.state(reg, StateIdx(*slot)))
                    .show_ui(ui, |ui| {
                        for (s, name) in &states {
                            ui.selectable_value(slot, s.0, name);
                        }
                    });
            };
            if needs.state && reg.state_count() > 0 {
                pick_state(ui, "change_state", &mut self.state);
            }
            if needs.other && reg.state_count() > 0 {
                ui.label(words.t("change-to-state"));
                pick_state(ui, "change_other", &mut self.other);
            }
            if needs.power && reg.power_count() > 0 && reg.state_count() > 0 {
                egui::ComboBox::from_id_salt("change_power")
                    .selected_text(words.power(reg, PowerIdx(self.power)))
                    .show_ui(ui, |ui| {
                        for p in 0..reg.power_count() {
                            ui.selectable_value(&mut self.power, p as u8, words.power(reg, PowerIdx(p as u8)));
                        }
                    });
            }
            if needs.kind {
                egui::ComboBox::from_id_salt("change_partnership")
                    .selected_text(words.term("partnership", PartnershipKind::ALL[self.kind].snake()))
                    .show_ui(ui, |ui| {
                        for (k, kind) in PartnershipKind::ALL.iter().enumerate() {
                            ui.selectable_value(&mut self.kind, k, words.term("partnership", kind.snake()));
                        }
                    });
            }
            if needs.bloc {
                let live: Vec<BlocIdx> = reg.live_blocs().map(|(b, _)| b).collect();
                if self.bloc.is_none_or(|b| !live.contains(&BlocIdx(b))) {
                    self.bloc = live.first().map(|b| b.0);
                }
                if let Some(chosen) = self.bloc.as_mut() {
                    egui::ComboBox::from_id_salt("change_bloc")
                        .selected_text(words.bloc(reg, BlocIdx(*chosen)))
                        .show_ui(ui, |ui| {
                            for b in &live {
                                ui.selectable_value(chosen, b.0, words.bloc(reg, *b));
                            }
                        });
                }
            }
            if needs.indicator {
                egui::ComboBox::from_id_salt("change_indicator")
                    .selected_text(words.indicator(Indicator::ALL[self.indicator]))
                    .show_ui(ui, |ui| {
                        for (k, i) in Indicator::ALL.iter().enumerate() {
                            ui.selectable_value(&mut self.indicator, k, words.indicator(*i));
                        }
                    });
                // "by -5": the message, then the number.
                let by = format!("{} ", words.t("change-by"));
                ui.add(egui::DragValue::new(&mut self.delta).range(-50..=50).prefix(by));
            }
        });
        let after = (
            self.change,
            self.state,
            self.other,
            self.power,
            self.bloc,
            self.kind,
            self.indicator,
            self.delta,
        );
        (after != before).then(|| self.typed(reg))
    }

    /// The pick in the typed form.
    fn typed(&self, reg: &Registry) -> String {
        let s = || reg.state_code(StateIdx(self.state)).to_string();
        let o = || reg.state_code(StateIdx(self.other)).to_string();
        let p = || reg.power_code(PowerIdx(self.power)).to_string();
        let b = || {
            self.bloc
                .map(|b| reg.bloc_code(BlocIdx(b)).to_string())
                .unwrap_or_default()
        };
        match self.change {
            1 => format!("LiftSanctions(bloc: \"{}\", state: \"{}\")", b(), s()),
            2 => format!("ImposeSanctions(bloc: \"{}\", state: \"{}\")", b(), s()),
            3 => format!("CoupAttempt(state: \"{}\")", s()),
            4 => format!("ExpelForces(state: \"{}\", power: \"{}\")", s(), p()),
            5 => format!(
                "StartPartnership(state: \"{}\", power: \"{}\", kind: {:?}, stage: InForce)",
                s(),
                p(),
                PartnershipKind::ALL[self.kind]
            ),
            6 => format!("LeaveBloc(state: \"{}\", bloc: \"{}\")", s(), b()),
            7 => format!("JoinBloc(state: \"{}\", bloc: \"{}\")", s(), b()),
            8 => format!("CloseBorder(state: \"{}\", other: \"{}\")", s(), o()),
            9 => format!(
                "Change(state: \"{}\", indicator: {:?}, delta: {})",
                s(),
                Indicator::ALL[self.indicator],
                self.delta
            ),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pick is a change the futures accept.
    #[test]
    fn every_pick_is_a_change_the_futures_parse() {
        let scenario = crate::scenario::resolve("sahel_2023").expect("the shipped scenario loads");
        let sim = crate::sim::Simulation::new(&scenario, 1, crate::sim::Detail::Outcomes);
        let reg = sim.registry();
        for change in 1..CHANGES.len() {
            let picker = ChangePicker {
                change,
                bloc: Some(0),
                state: 1,
                other: 2,
                delta: -5,
                ..ChangePicker::default()
            };
            let typed = picker.typed(reg);
            crate::futures::parse_change(&typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
        }
    }
}
