use std::collections::{BTreeMap, HashMap};
use std::time::Duration;
use tokio::task::JoinSet;
use vclock::vprintln;

// ANCHOR: fetch
// The result says nothing about which fetch produced it.
async fn fetch(rows: usize, ms: u64) -> usize {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    rows
}
// ANCHOR_END: fetch

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: spawn
    let mut set = JoinSet::new();
    let mut names = HashMap::new();
    let mut slow = None;
    for (name, rows, ms) in [
        ("a", 30, 300),
        ("b", 10, 100),
        ("c", 20, 200),
        ("d", 25, 200),
    ] {
        let handle = set.spawn(fetch(rows, ms));
        names.insert(handle.id(), name);
        if name == "a" {
            slow = Some(handle);
        }
    }
    let slow = slow.unwrap();
    // ANCHOR_END: spawn

    // ANCHOR: join
    // Keyed by name: c and d finish at the same instant, and the set
    // promises no order between them.
    let mut outcomes = BTreeMap::new();
    while let Some(joined) = set.join_next_with_id().await {
        let (id, outcome) = match joined {
            Ok((id, rows)) => (id, format!("{rows} rows")),
            Err(error) => (
                error.id(),
                format!(
                    "JoinError, is_cancelled() = {}",
                    error.is_cancelled()
                ),
            ),
        };
        let name = names[&id];
        if name == "b" {
            slow.abort();
            vprintln!("main: b is in; aborting a through its AbortHandle");
        }
        outcomes.insert(name, outcome);
    }
    vprintln!("main: the set is empty");
    for (name, outcome) in outcomes {
        vprintln!("main: {name}: {outcome}");
    }
    // ANCHOR_END: join
}
