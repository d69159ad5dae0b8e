use std::time::Duration;
use vclock::vprintln;

async fn fetch(name: &str, ms: u64) -> String {
    vprintln!("{name}: start");
    // Stands in for a network call.
    tokio::time::sleep(Duration::from_millis(ms)).await;
    vprintln!("{name}: done");
    format!("{name}-data")
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let (a, b) = tokio::join!(fetch("a", 300), fetch("b", 200));
    vprintln!("got {a} and {b}");
}
// ANCHOR_END: main
