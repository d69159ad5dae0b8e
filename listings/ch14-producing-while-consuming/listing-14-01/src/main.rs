use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: work
async fn produce(n: u32) -> u32 {
    vprintln!("producer: making {n}");
    // Producing an item takes 100 ms.
    sleep(Duration::from_millis(100)).await;
    n
}

async fn consume(n: u32) {
    vprintln!("consumer: got {n}");
    // Consuming an item takes 100 ms.
    sleep(Duration::from_millis(100)).await;
}
// ANCHOR_END: work

// ANCHOR: generator
fn items(count: u32) -> impl Stream<Item = u32> {
    stream! {
        for n in 1..=count {
            yield produce(n).await;
        }
    }
}
// ANCHOR_END: generator

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut items = pin!(items(5));
    while let Some(n) = items.next().await {
        consume(n).await;
    }
    vprintln!("all done");
    // ANCHOR_END: main
}
