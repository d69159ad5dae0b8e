use futures::{StreamExt, stream};
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: fetch
/// A fetch in two steps of `ms` each, say sending a request and then
/// reading its reply.
async fn fetch(id: u32, ms: u64) -> u32 {
    vprintln!("fetch {id}: start");
    sleep(Duration::from_millis(ms)).await;
    vprintln!("fetch {id}: half done");
    sleep(Duration::from_millis(ms)).await;
    vprintln!("fetch {id}: done");
    id
}

/// Handling a result takes 100 ms of awaiting (say, writing it out).
async fn process(id: u32) {
    vprintln!("main: processing {id}");
    sleep(Duration::from_millis(100)).await;
}

const JOBS: [(u32, u64); 4] = [(1, 40), (2, 100), (3, 80), (4, 60)];
// ANCHOR_END: fetch

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut results =
        stream::iter(JOBS).map(|(id, ms)| fetch(id, ms)).buffered(2);
    while let Some(id) = results.next().await {
        process(id).await; // while this awaits, nothing polls `results`
    }
    vprintln!("main: all done");
    // ANCHOR_END: main
}
