use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: producer
fn items(count: u32, capacity: usize) -> impl Stream<Item = u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    tokio::spawn(async move {
        for n in 1..=count {
            // Making an item is instant here; only `send` can make the
            // producer wait.
            if tx.send(n).await.is_err() {
                break;
            }
            vprintln!("producer: queued {n}");
        }
        vprintln!("producer: finished");
    });
    stream! {
        while let Some(item) = rx.recv().await {
            yield item;
        }
    }
}
// ANCHOR_END: producer

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut items = pin!(items(6, 2));
    while let Some(n) = items.next().await {
        vprintln!("consumer: got {n}");
        sleep(Duration::from_millis(100)).await; // a slow consumer
    }
    // ANCHOR_END: main
}
