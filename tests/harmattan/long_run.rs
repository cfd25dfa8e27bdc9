//! Long-run sanity: a century of months from every shipped scenario must
//! look like the region's recent decades, not drift into juntas
//! everywhere, endless war and coups every year (docs/model.md, "The long
//! run").

use harmattan::batch;
use harmattan::scenario::{self, shipped};

/// Months run: a hundred years.
const MONTHS: u32 = 1200;
const SEEDS: u64 = 3;

struct LongRun {
    junta_share: f64,
    mean_insurgency: f64,
    coups_per_state_year: f64,
    attempts_per_state_year: f64,
}

fn long_run(name: &str) -> LongRun {
    let s = scenario::resolve(name).unwrap();
    // One thread: the window tests run beside this one and must not starve.
    let outcomes = batch::run(&s, SEEDS, MONTHS, s.file.meta.seed, 1, &|_| {}).unwrap();
    let rows: Vec<_> = outcomes.iter().flat_map(|o| &o.states).collect();
    let n = rows.len() as f64;
    let state_years = n * f64::from(MONTHS) / 12.0;
    LongRun {
        junta_share: rows.iter().filter(|r| r.regime != "civilian").count() as f64 / n,
        mean_insurgency: rows.iter().map(|r| r.insurgency).sum::<f64>() / n,
        coups_per_state_year: rows.iter().map(|r| f64::from(r.coups)).sum::<f64>() / state_years,
        attempts_per_state_year: rows.iter().map(|r| f64::from(r.coups + r.failed_coups)).sum::<f64>() / state_years,
    }
}

#[test]
fn a_century_from_every_shipped_scenario_stays_like_the_record() {
    let mut report = String::new();
    let mut bad = Vec::new();
    for sc in shipped::SHIPPED {
        let r = long_run(sc.name);
        let coups_on = !scenario::resolve(sc.name)
            .unwrap()
            .file
            .rules
            .contains_key("coups.base_logit");
        report.push_str(&format!(
            "{}: juntas {:.2}, insurgency {:.1}, coups/state-year {:.3}, attempts/state-year {:.3}\n",
            sc.name, r.junta_share, r.mean_insurgency, r.coups_per_state_year, r.attempts_per_state_year
        ));
        // Sub-Saharan Africa 1990-2019 (Powell & Thyne): the share of
        // states under military rule fell from about a fifth to a twentieth.
        if r.junta_share > 0.30 {
            bad.push(format!("{}: {:.2} of states end under juntas", sc.name, r.junta_share));
        }
        // UCDP: a quarter to a third of the region's states fought an armed
        // conflict in a typical year; most were at peace.
        if !(2.0..=45.0).contains(&r.mean_insurgency) {
            bad.push(format!("{}: mean insurgency {:.1}", sc.name, r.mean_insurgency));
        }
        // Successful coups: about 0.02-0.035 per state-year in sub-Saharan
        // and West Africa 1990-2019; attempts about twice that.
        if r.coups_per_state_year > 0.06 || (coups_on && r.coups_per_state_year < 0.005) {
            bad.push(format!(
                "{}: {:.3} coups per state-year",
                sc.name, r.coups_per_state_year
            ));
        }
        if r.attempts_per_state_year > 0.15 {
            bad.push(format!(
                "{}: {:.3} attempts per state-year",
                sc.name, r.attempts_per_state_year
            ));
        }
    }
    // The figures, for the notes (`cargo test long_run -- --nocapture`).
    eprintln!("{report}");
    assert!(bad.is_empty(), "{}\n{report}", bad.join("\n"));
}
