use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::{Instant, sleep, sleep_until};
use vclock::vprintln;

/// The same seven items as in Listing 12-10: 1 to 4 at 100 ms, 5 at
/// 200 ms, 6 at 600 ms, 7 at 650 ms, and the end at 700 ms.
fn bursts() -> impl Stream<Item = u32> {
    stream! {
        sleep(Duration::from_millis(100)).await;
        for n in 1..=4 {
            yield n;
        }
        sleep(Duration::from_millis(100)).await;
        yield 5;
        sleep(Duration::from_millis(400)).await;
        yield 6;
        sleep(Duration::from_millis(50)).await;
        yield 7;
        sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let start = Instant::now();
    // ANCHOR: main
    let mut full = pin!(bursts().chunks(3));
    while let Some(batch) = full.next().await {
        vprintln!("chunks: {batch:?}");
    }
    // The same bursts again, from 1000 ms.
    sleep_until(start + Duration::from_millis(1000)).await;
    let mut ready = pin!(bursts().ready_chunks(3));
    while let Some(batch) = ready.next().await {
        vprintln!("ready_chunks: {batch:?}");
    }
    // ANCHOR_END: main
}
