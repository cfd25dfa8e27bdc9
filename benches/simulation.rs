//! Speed of the simulation core: one turn, a 120-turn game, and batch
//! throughput, on the shipped 19-state scenario. Run with
//! `cargo bench --no-default-features` (the core needs no renderer).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use harmattan::batch;
use harmattan::scenario;
use harmattan::sim::{Detail, Simulation};

/// The system allocator, counting allocations, so that the benchmark can
/// report how many a turn makes (the goal is none once a game is warm).
struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is passed on unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations (and reallocations) per turn once a game is under way:
/// turns 13 to 120 of ten games, after a first game has warmed every
/// buffer up.
fn allocations_per_turn(detail: Detail) -> f64 {
    let s = scenario::resolve("sahel_2023").expect("shipped scenario");
    let mut sim = Simulation::new(&s, 1, detail);
    sim.run(120);
    let (mut counted, mut turns) = (0, 0);
    for seed in 2..12 {
        sim.reset(&s, seed, detail);
        sim.run(12);
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        sim.run(108);
        counted += ALLOCATIONS.load(Ordering::Relaxed) - before;
        turns += 108;
    }
    counted as f64 / turns as f64
}

fn turns(c: &mut Criterion) {
    for (name, detail) in [("full detail", Detail::Full), ("outcomes only", Detail::Outcomes)] {
        println!("allocations per turn ({name}): {:.1}", allocations_per_turn(detail));
    }
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
