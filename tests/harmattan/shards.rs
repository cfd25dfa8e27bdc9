//! One batch on many machines: shards run as separate processes add up to
//! exactly what one process prints.

use crate::support::harmattan;

fn stdout(args: &[&str]) -> String {
    let out = harmattan(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn four_shards_merge_to_the_single_process_summary_byte_for_byte() {
    let dir = std::env::temp_dir().join(format!("harmattan-shards-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // 30 runs in 4 shards: parts of 7 and 8 runs, not equal.
    let common = [
        "batch",
        "sahel_2023",
        "--runs",
        "30",
        "--turns",
        "12",
        "--seed",
        "5",
        "--threads",
        "1",
    ];
    let mut parts = Vec::new();
    for i in 0..4 {
        let shard = format!("{i}/4");
        let mut args = common.to_vec();
        args.extend(["--shard", shard.as_str()]);
        let path = dir.join(format!("part-{i}.json"));
        std::fs::write(&path, stdout(&args)).unwrap();
        parts.push(path);
    }
    let names: Vec<String> = parts.iter().map(|p| p.display().to_string()).collect();
    // In any order.
    let merged_args = |json: bool| {
        let mut a = vec!["merge"];
        a.extend(names.iter().rev().map(String::as_str));
        if json {
            a.push("--json");
        }
        a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    for json in [true, false] {
        let mut single = common.to_vec();
        if json {
            single.push("--json");
        }
        let one = stdout(&single);
        let args = merged_args(json);
        let merged = stdout(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(merged, one, "merged shards differ from one process (json: {json})");
    }

    // A missing shard, a shard given twice and a shard of another batch are
    // refused with a message, not added up.
    let refused = |args: Vec<&str>, says: &str| {
        let out = harmattan(&args);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(err.contains(says), "{args:?}: expected `{says}` in: {err}");
    };
    refused(vec!["merge", &names[0], &names[1], &names[2]], "shards missing: 3/4");
    refused(
        vec!["merge", &names[0], &names[0], &names[1], &names[2], &names[3]],
        "given twice",
    );
    let other = dir.join("other.json");
    let mut args = common.to_vec();
    args[7] = "6"; // another seed
    args.extend(["--shard", "3/4"]);
    std::fs::write(&other, stdout(&args)).unwrap();
    let other = other.display().to_string();
    refused(
        vec!["merge", &names[0], &names[1], &names[2], &other],
        "of another batch",
    );
    refused(vec!["merge", &names[0], "Cargo.toml"], "not a shard's partial result");
    // A part whose shard no batch has (edited by hand, or damaged) is
    // refused, not a panic.
    let forged = dir.join("forged.json");
    let text = std::fs::read_to_string(&parts[3]).unwrap();
    std::fs::write(&forged, text.replace("\"index\":3", "\"index\":7")).unwrap();
    let forged = forged.display().to_string();
    refused(
        vec!["merge", &names[0], &names[1], &names[2], &forged],
        "which no batch has",
    );
    let zero = dir.join("zero.json");
    std::fs::write(&zero, text.replace("\"count\":4", "\"count\":0")).unwrap();
    let zero = zero.display().to_string();
    refused(vec!["merge", &zero], "which no batch has");
    let bad = harmattan(&["batch", "sahel_2023", "--runs", "4", "--shard", "4/4"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("I from 0 to N-1"));
    std::fs::remove_dir_all(&dir).ok();
}
