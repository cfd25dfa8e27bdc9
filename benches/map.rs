//! The map's share of starting a game: decoding the world atlas (once a
//! run), building a scenario's map from it, and triangulating its shapes
//! for the window. Run with `cargo bench --no-default-features --bench map`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use harmattan::map::atlas::{Atlas, SHIPPED_ATLAS};
use harmattan::map::{self, MapFile};
use harmattan::scenario;

fn map(c: &mut Criterion) {
    let sahel = scenario::resolve("sahel_2023").expect("the shipped scenario loads");
    c.bench_function("atlas: parse and decode the world", |b| {
        b.iter(|| Atlas::parse(black_box(SHIPPED_ATLAS)).expect("the atlas decodes"))
    });
    Atlas::shipped();
    // The atlas is decoded once a run: this is the map built from it.
    c.bench_function("map of sahel_2023 from the atlas", |b| {
        b.iter(|| MapFile::of(black_box(&sahel)))
    });
    let m = MapFile::of(&sahel);
    c.bench_function("triangulate sahel_2023's map", |b| {
        b.iter(|| {
            m.regions
                .iter()
                .flat_map(|r| r.polygons.iter())
                .map(|p| map::triangulate(black_box(p)).1.len())
                .sum::<usize>()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = map
}
criterion_main!(benches);
