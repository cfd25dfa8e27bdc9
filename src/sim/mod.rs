//! The simulation core: a turn-based model of West African and Sahel
//! politics on Bevy's ECS. Nothing here knows that a window exists; the GUI
//! and the command line both drive it through [`Simulation`] and orders.
//!
//! One turn is one month. It runs in [`TurnSchedule`], single-threaded, as
//! one chain of [`TurnPhase`]s; each mechanism is a plugin in its own file.
//!
//! - [`world`]: the world's data, the records a game keeps, setting a game
//!   up, and the verbs that change the world.
//! - [`script`]: the scenario's conditions, compiled, and the facts they
//!   read.
//! - [`player`]: orders and the log of inputs.
//! - [`mechanisms`]: one file per mechanism (where coups happen:
//!   `mechanisms/coups.rs`).

pub mod mechanisms;
pub mod player;
pub mod schedule;
pub mod script;
pub mod world;

pub use schedule::{Detail, SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};

// The core's public face: every module by its own name, wherever it lives.
pub use mechanisms::{
    alignment, blocs, coups, decisions, diplomacy, economy, events, food, goals, partnerships, security, stability,
    transitions,
};
pub use player::{inputs, offers, orders};
pub use world::{actions, chronicle, components, history, ledger, registry, rng, spawn};

use bevy::ecs::schedule::{LogLevel, ScheduleBuildSettings, SingleThreadedExecutor};
use bevy::prelude::*;

use crate::scenario::{Scenario, YearMonth};
use chronicle::Chronicle;
use history::History;
use ledger::Ledger;
use orders::Order;
use registry::{Clock, Registry};
use world::snapshot::{Kept, Snapshot};

/// Adds the turn schedule and every mechanism to an app.
pub struct SimulationPlugin;

impl Plugin for SimulationPlugin {
    fn build(&self, app: &mut App) {
        let mut schedule = Schedule::new(TurnSchedule);
        schedule.set_executor(SingleThreadedExecutor::new());
        schedule.set_build_settings(ScheduleBuildSettings {
            ambiguity_detection: LogLevel::Error,
            ..default()
        });
        schedule.configure_sets(
            (
                TurnPhase::Begin,
                TurnPhase::Events,
                TurnPhase::Orders,
                TurnPhase::Decisions,
                TurnPhase::Diplomacy,
                TurnPhase::Partnerships,
                TurnPhase::Security,
                TurnPhase::Economy,
                TurnPhase::Food,
                TurnPhase::Stability,
                TurnPhase::Coups,
                TurnPhase::Blocs,
                TurnPhase::Goals,
                TurnPhase::Record,
            )
                .chain(),
        );
        app.add_schedule(schedule);
        // The world's own resources, kept by snapshots (each plugin keeps
        // its own).
        Kept::resource::<world::registry::Registry>(app);
        Kept::resource::<world::registry::Clock>(app);
        Kept::resource::<crate::rules::Rules>(app);
        Kept::resource::<world::rng::SimRng>(app);
        Kept::resource::<world::ledger::Ledger>(app);
        Kept::resource::<world::chronicle::Chronicle>(app);
        Kept::resource::<world::history::History>(app);
        Kept::resource::<world::relations::Relations>(app);
        Kept::resource::<world::relations::Borders>(app);
        Kept::resource::<world::players::PlayedBy>(app);
        Kept::resource::<world::players::Humans>(app);
        Kept::resource::<world::turn::CoupsThisTurn>(app);
        Kept::resource::<world::actions::BlocsVersion>(app);
        Kept::resource::<world::turn::Prologue>(app);
        Kept::resource::<world::spawn::GameInfo>(app);
        app.add_plugins((
            history::plugin,
            events::plugin,
            player::plugin,
            decisions::plugin,
            diplomacy::plugin,
            alignment::plugin,
            partnerships::plugin,
            security::plugin,
            economy::plugin,
            food::plugin,
            stability::plugin,
            coups::plugin,
            transitions::plugin,
            blocs::plugin,
            goals::plugin,
        ));
    }
}

/// A running game: a Bevy app holding one world and the turn schedule.
pub struct Simulation {
    app: App,
}

impl Simulation {
    pub fn new(scenario: &Scenario, seed: u64, detail: Detail) -> Self {
        let mut app = App::new();
        app.add_plugins(SimulationPlugin);
        spawn::spawn_scenario(app.world_mut(), scenario, seed, detail);
        Self { app }
    }

    /// A game restored from a snapshot (see [`Simulation::snapshot`]).
    pub fn restored(snapshot: &Snapshot) -> Self {
        let mut app = App::new();
        app.add_plugins(SimulationPlugin);
        snapshot.restore(app.world_mut());
        Self { app }
    }

    /// The game as it stands, as plain data to restore later.
    pub fn snapshot(&mut self) -> Snapshot {
        Snapshot::capture(self.app.world_mut())
    }

    /// Goes back to a snapshot's moment, keeping the built schedule.
    pub fn restore(&mut self, snapshot: &Snapshot) {
        snapshot.restore(self.app.world_mut());
    }

    /// Starts again from the scenario's start, keeping the built schedule
    /// (batch runs reuse one app per thread).
    pub fn reset(&mut self, scenario: &Scenario, seed: u64, detail: Detail) {
        spawn::spawn_scenario(self.app.world_mut(), scenario, seed, detail);
    }

    /// Resolves one month.
    pub fn step(&mut self) {
        self.app.world_mut().run_schedule(TurnSchedule);
    }

    /// Checks, applies and logs one of a person's inputs.
    pub fn input(&mut self, input: player::inputs::PlayerInput) -> Result<(), crate::sim::world::said::Said> {
        player::inputs::apply(self.world_mut(), input)
    }

    pub fn run(&mut self, turns: u32) {
        for _ in 0..turns {
            self.step();
        }
    }

    /// Queues an order for the next turn; it is checked when the turn runs.
    pub fn submit(&mut self, order: Order) {
        // Queuing an order cannot be refused: it is checked when the turn runs.
        let _ = self.input(player::inputs::PlayerInput::Order(order));
    }

    /// Makes `code` the state a person plays: its event choices wait for
    /// [`Simulation::choose`] instead of being drawn.
    pub fn set_player(&mut self, code: Option<&str>) -> Result<(), crate::sim::world::said::Said> {
        self.input(player::inputs::PlayerInput::Play(code.map(str::to_string)))
    }

    /// Hot-seat: several people, one state each, taking turns in the order
    /// given; the first has the seat.
    pub fn set_players(&mut self, codes: &[&str]) -> Result<(), crate::sim::world::said::Said> {
        self.input(player::inputs::PlayerInput::PlayTogether(
            codes.iter().map(|c| c.to_string()).collect(),
        ))
    }

    /// Hot-seat: hands the seat to the next player; true when it is back
    /// with the first (everyone has played this month).
    pub fn pass_seat(&mut self) -> bool {
        player::inputs::pass_seat(self.world_mut())
    }

    /// Choices waiting for the player; each is settled when the next turn
    /// runs (by the computer, if no answer came).
    pub fn open_choices(&self) -> Vec<events::ChoiceView> {
        events::open_choices(self.world())
    }

    /// Answers a waiting choice with option `option` (from 0).
    pub fn choose(&mut self, event: &str, option: usize) -> Result<(), crate::sim::world::said::Said> {
        self.input(player::inputs::PlayerInput::Answer {
            event: event.to_string(),
            option,
        })
    }

    /// Offers waiting for the players' answers (a pact, a power's
    /// partnership, a mediation); each waits until answered or lapsed.
    pub fn open_offers(&self) -> Vec<player::offers::OfferView> {
        player::offers::open_offers(self.world(), None)
    }

    /// Accepts or declines offer `id`; carried out when the turn runs.
    pub fn respond(&mut self, id: u32, accept: bool) -> Result<(), crate::sim::world::said::Said> {
        self.input(player::inputs::PlayerInput::Respond { offer: id, accept })
    }

    /// Queues a decision of the player's government for the coming turn
    /// (`target`: a state, power or bloc id, as the decision needs).
    pub fn decide(&mut self, id: &str, target: Option<&str>) -> Result<(), crate::sim::world::said::Said> {
        self.input(player::inputs::PlayerInput::Decide {
            decision: id.to_string(),
            target: target.map(str::to_string),
            state: None,
        })
    }

    /// The decisions open to the player's government, with their costs and
    /// expected effects (empty in observer mode).
    pub fn decision_options(&self) -> Vec<decisions::DecisionView> {
        match self.world().resource::<world::players::PlayedBy>().0 {
            Some(s) => decisions::options_for(self.world(), s),
            None => Vec::new(),
        }
    }

    /// Every playable state's goals and how they stand.
    pub fn goals(&self) -> Vec<goals::GoalView> {
        goals::goals(self.world())
    }

    /// Whether the player's state has no goal left open (and has goals).
    pub fn player_done(&self) -> bool {
        goals::player_done(self.world())
    }

    pub fn world(&self) -> &World {
        self.app.world()
    }

    pub fn world_mut(&mut self) -> &mut World {
        self.app.world_mut()
    }

    pub fn turn(&self) -> u32 {
        self.world().resource::<Clock>().turn
    }

    /// The month the next turn will resolve.
    pub fn date(&self) -> YearMonth {
        self.world().resource::<Clock>().date()
    }

    pub fn registry(&self) -> &Registry {
        self.world().resource::<Registry>()
    }

    pub fn chronicle(&self) -> &Chronicle {
        self.world().resource::<Chronicle>()
    }

    pub fn history(&self) -> &History {
        self.world().resource::<History>()
    }

    pub fn ledger(&self) -> &Ledger {
        self.world().resource::<Ledger>()
    }
}

/// Adds the simulation to an app that already exists (the GUI's).
pub fn load_into_app(app: &mut App, scenario: &Scenario, seed: u64) {
    spawn::spawn_scenario(app.world_mut(), scenario, seed, Detail::Full);
}
