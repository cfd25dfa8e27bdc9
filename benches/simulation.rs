//! Speed of the simulation core: one turn, a 120-turn game, and batch
//! throughput, on the shipped 19-state scenario. Run with
//! `cargo bench --no-default-features` (the core needs no renderer).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use harmattan::batch;
use harmattan::scenario;
use harmattan::sim::{Detail, Simulation};

fn turns(c: &mut Criterion) {
    let s = scenario::resolve("sahel_2023").expect("shipped scenario");
    let mut group = c.benchmark_group("turn");
    for (name, detail) in [("full_detail", Detail::Full), ("outcomes_only", Detail::Outcomes)] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut sim = Simulation::new(&s, 1, detail);
                let mut spent = Duration::ZERO;
                for i in 0..iters {
                    // A game is at most a few hundred months: start again
                    // every 120 turns, outside the timing.
                    if i % 120 == 0 && i > 0 {
                        sim.reset(&s, i, detail);
                    }
                    let t = Instant::now();
                    sim.step();
                    spent += t.elapsed();
                }
                spent
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("game");
    group.sample_size(20);
    group.bench_function("120_turns_full_detail", |b| {
        let mut sim = Simulation::new(&s, 1, Detail::Full);
        let mut seed = 0;
        b.iter(|| {
            seed += 1;
            sim.reset(&s, seed, Detail::Full);
            sim.run(120);
            black_box(sim.turn())
        })
    });
    group.finish();

    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    let runs = 200;
    group.throughput(Throughput::Elements(runs));
    group.bench_function("200_runs_x_120_turns", |b| {
        b.iter(|| black_box(batch::run(&s, runs, 120, 1, 0, &|_| {}).expect("batch runs").len()))
    });
    group.finish();
}

criterion_group!(benches, turns);
criterion_main!(benches);
