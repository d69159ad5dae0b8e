use async_stream::stream;
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use tokio_stream::{Stream, StreamExt};
use vclock::vprintln;

// ANCHOR: bursts
/// Seven items: 1 to 4 at 100 ms, 5 at 200 ms, 6 at 600 ms, 7 at 650 ms,
/// and the end at 700 ms.
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
// ANCHOR_END: bursts

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut batches =
        pin!(bursts().chunks_timeout(3, Duration::from_millis(250)));
    while let Some(batch) = batches.next().await {
        vprintln!("batch {batch:?}");
    }
    vprintln!("no more batches");
    // ANCHOR_END: main
}
