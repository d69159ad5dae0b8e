use std::time::Duration;
use tokio::task::JoinSet;
use vclock::vprintln;

// ANCHOR: fetch
async fn fetch(name: &'static str, ms: u64) -> &'static str {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    name
}
// ANCHOR_END: fetch

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut set = JoinSet::new();
    set.spawn(fetch("a", 300));
    set.spawn(fetch("b", 100));
    set.spawn(fetch("c", 200));

    while let Some(result) = set.join_next().await {
        let name = result.unwrap();
        vprintln!("main: {name} finished");
    }
    vprintln!("main: the set is empty");
    // ANCHOR_END: main
}
