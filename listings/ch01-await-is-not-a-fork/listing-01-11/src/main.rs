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

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for n in 0..1000 {
        // All 1000 items are queued before the loop starts.
        tx.send(n).unwrap();
    }
    drop(tx);

    println!("tokio mpsc channel, 1000 items queued, unconstrained:");
    // ANCHOR: main
    let other = tokio::spawn(other_task());
    let drain = async {
        while rx.recv().await.is_some() {
            TAKEN.fetch_add(1, Relaxed);
        }
    };
    // The budget is switched off while `drain` is polled.
    tokio::task::coop::unconstrained(drain).await;
    println!("  loop: took {} items", TAKEN.load(Relaxed));
    other.await.unwrap();
    // ANCHOR_END: main
}
