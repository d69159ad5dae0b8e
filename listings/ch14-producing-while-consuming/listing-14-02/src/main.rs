use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;
use vclock::vprintln;

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

// ANCHOR: producer
fn items(count: u32, capacity: usize) -> impl Stream<Item = u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    tokio::spawn(async move {
        for n in 1..=count {
            let item = produce(n).await;
            if tx.send(item).await.is_err() {
                break; // the receiver was dropped: nobody wants more items
            }
        }
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
    let mut items = pin!(items(5, 1));
    while let Some(n) = items.next().await {
        consume(n).await;
    }
    vprintln!("all done");
    // ANCHOR_END: main
}
