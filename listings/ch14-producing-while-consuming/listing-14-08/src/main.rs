use futures::{StreamExt, stream};
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

async fn fetch(id: u32, ms: u64) -> u32 {
    vprintln!("fetch {id}: start");
    sleep(Duration::from_millis(ms)).await;
    vprintln!("fetch {id}: half done");
    sleep(Duration::from_millis(ms)).await;
    vprintln!("fetch {id}: done");
    id
}

async fn process(id: u32) {
    vprintln!("main: processing {id}");
    sleep(Duration::from_millis(100)).await;
}

const JOBS: [(u32, u64); 4] = [(1, 40), (2, 100), (3, 80), (4, 60)];

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    stream::iter(JOBS)
        .for_each_concurrent(2, |(id, ms)| async move {
            let id = fetch(id, ms).await;
            process(id).await; // another job's fetch is polled meanwhile
        })
        .await;
    vprintln!("main: all done");
    // ANCHOR_END: main
}
