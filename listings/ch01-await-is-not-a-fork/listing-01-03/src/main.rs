use std::time::Duration;
use vclock::vprintln;

// ANCHOR: fetch
async fn fetch(name: &str, ms: u64) -> String {
    vprintln!("{name}: start");
    // Stands in for a network call.
    tokio::time::sleep(Duration::from_millis(ms)).await;
    vprintln!("{name}: done");
    format!("{name}-data")
}
// ANCHOR_END: fetch

// ANCHOR: main
// ANCHOR: paused
#[tokio::main(flavor = "current_thread", start_paused = true)]
// ANCHOR_END: paused
async fn main() {
    vclock::start();
    let a = fetch("a", 300).await;
    let b = fetch("b", 200).await;
    vprintln!("got {a} and {b}");
}
// ANCHOR_END: main
