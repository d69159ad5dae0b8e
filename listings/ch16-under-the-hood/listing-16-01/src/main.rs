use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: ticks
fn ticks(count: u32) -> impl Stream<Item = u32> {
    stream! {
        for n in 1..=count {
            sleep(Duration::from_millis(100)).await;
            yield n;
        }
    }
}
// ANCHOR_END: ticks

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut ticks = pin!(ticks(3));
    while let Some(n) = ticks.next().await {
        vprintln!("got tick {n}");
        // The consumer takes 50 ms per item.
        sleep(Duration::from_millis(50)).await;
    }
    vprintln!("no more ticks");
    // ANCHOR_END: main
}
