use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Barrier};

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

// ANCHOR: main
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let running = Arc::new(Gauge::default());
    // A std (blocking) barrier: `wait` returns only once two threads are
    // waiting on it.
    let barrier = Arc::new(Barrier::new(2));

    let mut handles = Vec::new();
    for name in ["a", "b"] {
        let (running, barrier) = (running.clone(), barrier.clone());
        handles.push(tokio::spawn(async move {
            running.enter();
            // Blocks this worker thread until the other task gets here too.
            barrier.wait();
            running.leave();
            name
        }));
    }
    for handle in handles {
        let name = handle.await.unwrap();
        println!("task {name} passed the barrier");
    }
    println!("tasks running code at once, at most: {}", running.max());
}
// ANCHOR_END: main
