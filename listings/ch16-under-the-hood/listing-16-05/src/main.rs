use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: pairs
async fn fetch(value: u32, ms: u64) -> u32 {
    sleep(Duration::from_millis(ms)).await;
    value
}

fn pairs(count: u32) -> impl Stream<Item = (u32, u32)> {
    stream! {
        for n in 1..=count {
            vprintln!("item {n}: both fetches start");
            // Two fetches at once, inside the body: 100 ms and 80 ms
            // take 100 ms.
            let pair =
                tokio::join!(fetch(n * 10, 100), fetch(n * 10 + 1, 80));
            yield pair;
        }
    }
}
// ANCHOR_END: pairs

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut pairs = pin!(pairs(2));
    while let Some((a, b)) = pairs.next().await {
        vprintln!("got ({a}, {b})");
        // The consumer takes 50 ms per item.
        sleep(Duration::from_millis(50)).await;
    }
    vprintln!("no more items");
    // ANCHOR_END: main
}
