use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

// ANCHOR: gauge
/// Counts how many tasks are inside a section right now, and remembers the
/// most it ever saw.
#[derive(Default)]
struct Gauge {
    now: AtomicUsize,
    max: AtomicUsize,
}

impl Gauge {
    fn enter(&self) {
        let now = self.now.fetch_add(1, SeqCst) + 1;
        self.max.fetch_max(now, SeqCst);
    }

    fn leave(&self) {
        self.now.fetch_sub(1, SeqCst);
    }

    fn max(&self) -> usize {
        self.max.load(SeqCst)
    }
}
// ANCHOR_END: gauge

/// Work that keeps the CPU busy and never awaits.
fn crunch() -> u64 {
    (0..10_000u64).map(std::hint::black_box).sum()
}

// ANCHOR: worker
async fn worker(in_progress: Arc<Gauge>, running: Arc<Gauge>) {
    in_progress.enter(); // from the first poll until the end
    for _ in 0..3 {
        running.enter(); // counts only while the busy work runs
        crunch();
        running.leave();
        tokio::task::yield_now().await; // let the others have a turn
    }
    in_progress.leave();
}
// ANCHOR_END: worker

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let in_progress = Arc::new(Gauge::default());
    let running = Arc::new(Gauge::default());

    let mut handles = Vec::new();
    for _ in 0..4 {
        handles.push(tokio::spawn(worker(
            in_progress.clone(),
            running.clone(),
        )));
    }
    for handle in handles {
        handle.await.unwrap();
    }

    println!("tasks in progress at once, at most: {}", in_progress.max());
    println!("tasks running code at once, at most: {}", running.max());
}
// ANCHOR_END: main
