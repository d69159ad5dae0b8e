use futures::stream::{FuturesUnordered, StreamExt};
use std::time::Duration;
use vclock::vprintln;

async fn fetch(name: &str, ms: u64) -> String {
    vprintln!("{name}: start");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    vprintln!("{name}: done");
    format!("{name}-data")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let jobs = [("a", 300), ("b", 100), ("c", 200)];
    let mut in_flight: FuturesUnordered<_> =
        jobs.iter().map(|&(name, ms)| fetch(name, ms)).collect();

    while let Some(result) = in_flight.next().await {
        vprintln!("next gave {result}");
    }
    vprintln!("all done");
    // ANCHOR_END: main
}
