use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;
use vclock::vprintln;

/// Counts the items made and not yet received, and the most at once.
#[derive(Default)]
struct Made {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl Made {
    fn one_more(&self) -> usize {
        let now = self.now.fetch_add(1, Ordering::Relaxed) + 1;
        self.peak.fetch_max(now, Ordering::Relaxed);
        now
    }

    fn one_less(&self) {
        self.now.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Making an item takes 10 ms.
async fn make(n: u32, made: &Made) -> u32 {
    sleep(Duration::from_millis(10)).await;
    let now = made.one_more();
    vprintln!("producer: made {n} ({now} made, not yet received)");
    n
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let made = Arc::new(Made::default());
    // ANCHOR: main
    let (tx, mut rx) = mpsc::channel(2);
    let counter = Arc::clone(&made);
    tokio::spawn(async move {
        for n in 1..=6 {
            // A place in the channel first, then the item to put in it.
            let Ok(permit) = tx.reserve().await else {
                break;
            };
            permit.send(make(n, &counter).await);
        }
    });
    while let Some(n) = rx.recv().await {
        made.one_less();
        vprintln!("consumer: got {n}");
        sleep(Duration::from_millis(100)).await;
    }
    let peak = made.peak.load(Ordering::Relaxed);
    vprintln!("at most {peak} made and not yet received, capacity 2");
    // ANCHOR_END: main
}
