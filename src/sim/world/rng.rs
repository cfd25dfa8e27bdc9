//! Seeded random streams: one ChaCha stream per mechanism, so that a change
//! in how often one mechanism draws does not reshuffle the others.

use bevy::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The mechanisms that draw random numbers, each with its own stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Events = 0,
    Diplomacy = 1,
    Partnerships = 2,
    Security = 3,
    Economy = 4,
    Stability = 5,
    Coups = 6,
    Blocs = 7,
    Food = 8,
    /// Powers' own initiatives, apart from the partnerships stream so that
    /// a scenario without agendas draws the same numbers as before.
    Outreach = 9,
    /// Governments' decisions and their uncertain effects.
    Decisions = 10,
    /// Juntas' handovers to elected governments.
    Transitions = 11,
}

const STREAMS: usize = 12;

#[derive(Resource, Clone)]
pub struct SimRng {
    streams: Vec<ChaCha8Rng>,
}

impl SimRng {
    pub fn new(seed: u64) -> Self {
        let streams = (0..STREAMS)
            .map(|i| {
                let mut rng = ChaCha8Rng::seed_from_u64(seed);
                rng.set_stream(i as u64);
                rng
            })
            .collect();
        Self { streams }
    }

    pub fn get(&mut self, stream: Stream) -> &mut ChaCha8Rng {
        &mut self.streams[stream as usize]
    }

    /// A uniform number in [0, 1).
    pub fn uniform(&mut self, stream: Stream) -> f64 {
        self.get(stream).random::<f64>()
    }

    /// True with probability `p` (clamped to [0, 1]).
    pub fn chance(&mut self, stream: Stream, p: f64) -> bool {
        let p = if p.is_finite() { p.clamp(0.0, 1.0) } else { 0.0 };
        self.uniform(stream) < p
    }

    /// A roughly normal draw with mean 0 and standard deviation `sd`
    /// (sum of uniforms: cheap, bounded, and identical on every platform).
    pub fn noise(&mut self, stream: Stream, sd: f64) -> f64 {
        let rng = self.get(stream);
        let s: f64 = (0..4).map(|_| rng.random::<f64>()).sum::<f64>() - 2.0;
        // The sum of 4 uniforms has variance 4/12.
        s * sd * 3f64.sqrt()
    }

    /// An index below `n` (n > 0).
    pub fn pick(&mut self, stream: Stream, n: usize) -> usize {
        self.get(stream).random_range(0..n.max(1))
    }
}

/// The logistic function, used to turn weighted risk factors into odds.
pub fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
