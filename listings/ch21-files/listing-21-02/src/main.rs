use std::path::{Path, PathBuf};

/// The work a real program would do with each file: parse its numbers.
fn sum_numbers(text: &str) -> u64 {
    text.lines().map(|line| line.parse::<u64>().unwrap()).sum()
}

// ANCHOR: per_file
/// One `tokio::fs` call per file: each is its own trip to the pool.
async fn per_file(paths: &[PathBuf]) -> u64 {
    let mut total = 0;
    for path in paths {
        let text = tokio::fs::read_to_string(path).await.unwrap();
        total += sum_numbers(&text);
    }
    total
}
// ANCHOR_END: per_file

// ANCHOR: batched
/// One trip: the whole loop, `std::fs` and parsing, on one pool thread.
async fn batched(paths: Vec<PathBuf>) -> u64 {
    tokio::task::spawn_blocking(move || {
        paths
            .iter()
            .map(|path| {
                sum_numbers(&std::fs::read_to_string(path).unwrap())
            })
            .sum()
    })
    .await
    .unwrap()
}
// ANCHOR_END: batched

// ANCHOR: read_then_parse
/// A big file: read it with one `tokio::fs` call, then hand the
/// CPU-heavy parse to the pool, so the runtime's thread stays free.
async fn read_then_parse(path: &Path) -> u64 {
    let text = tokio::fs::read_to_string(path).await.unwrap();
    tokio::task::spawn_blocking(move || sum_numbers(&text))
        .await
        .unwrap()
}
// ANCHOR_END: read_then_parse

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // A fresh directory of our own, named by the process id.
    let dir = std::env::temp_dir()
        .join(format!("ch21-02-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = (1..=50u64)
        .map(|i| {
            let path = dir.join(format!("{i}.txt"));
            let lines: Vec<String> =
                (1..=i).map(|n| n.to_string()).collect();
            std::fs::write(&path, lines.join("\n")).unwrap();
            path
        })
        .collect();
    let big = dir.join("big.txt");
    let lines: Vec<String> =
        (1..=200_000u64).map(|n| n.to_string()).collect();
    std::fs::write(&big, lines.join("\n")).unwrap();

    // ANCHOR: main
    println!("per file:        {}", per_file(&paths).await);
    println!("one batch:       {}", batched(paths).await);
    println!("read then parse: {}", read_then_parse(&big).await);
    // ANCHOR_END: main

    std::fs::remove_dir_all(&dir).unwrap();
}
