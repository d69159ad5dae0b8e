use async_stream::stream;
use futures::{Stream, StreamExt, stream};
use std::pin::pin;
use std::time::Duration;
use tokio::sync::mpsc;
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

// ANCHOR: producer
/// The same `buffered(2)`, polled by a task of its own, which hands each
/// result over through a channel with room for one.
fn results() -> impl Stream<Item = u32> {
    let (tx, mut rx) = mpsc::channel(1);
    tokio::spawn(async move {
        let mut fetched =
            stream::iter(JOBS).map(|(id, ms)| fetch(id, ms)).buffered(2);
        while let Some(id) = fetched.next().await {
            if tx.send(id).await.is_err() {
                // The receiver was dropped: nobody wants more results.
                break;
            }
        }
    });
    stream! {
        while let Some(id) = rx.recv().await {
            yield id;
        }
    }
}
// ANCHOR_END: producer

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut results = pin!(results());
    while let Some(id) = results.next().await {
        process(id).await; // the producer task polls the fetches meanwhile
    }
    vprintln!("main: all done");
    // ANCHOR_END: main
}
