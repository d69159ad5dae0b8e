use futures::StreamExt;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use tokio::sync::mpsc;

/// How many items the loop has taken so far. The other task only reads it.
static TAKEN: AtomicUsize = AtomicUsize::new(0);

/// A task that only reports how far the loop had got when it first ran.
async fn other_task() {
    println!(
        "  other task: first ran after {} items",
        TAKEN.load(Relaxed)
    );
}

// ANCHOR: channel
async fn from_a_tokio_channel() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for n in 0..1000 {
        // All 1000 items are queued before the loop starts.
        tx.send(n).unwrap();
    }
    drop(tx);

    let other = tokio::spawn(other_task());
    while rx.recv().await.is_some() {
        TAKEN.fetch_add(1, Relaxed);
    }
    println!("  loop: took {} items", TAKEN.load(Relaxed));
    other.await.unwrap();
}
// ANCHOR_END: channel

// ANCHOR: stream
async fn from_a_futures_stream() {
    // Every `next()` is ready at once.
    let mut items = futures::stream::iter(0..1000);

    let other = tokio::spawn(other_task());
    while items.next().await.is_some() {
        TAKEN.fetch_add(1, Relaxed);
    }
    println!("  loop: took {} items", TAKEN.load(Relaxed));
    other.await.unwrap();
}
// ANCHOR_END: stream

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("tokio mpsc channel, 1000 items queued:");
    from_a_tokio_channel().await;

    TAKEN.store(0, Relaxed);
    println!("futures::stream::iter, 1000 items:");
    from_a_futures_stream().await;
}
