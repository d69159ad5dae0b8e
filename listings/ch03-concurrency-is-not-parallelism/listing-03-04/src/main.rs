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
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let running = Arc::new(Gauge::default());
    let barrier = Arc::new(Barrier::new(2));

    let mut handles = Vec::new();
    for name in ["a", "b"] {
        let (running, barrier) = (running.clone(), barrier.clone());
        // A plain closure, run on tokio's pool of blocking threads, not on
        // the runtime's thread.
        handles.push(tokio::task::spawn_blocking(move || {
            running.enter();
            barrier.wait();
            running.leave();
            name
        }));
    }
    for handle in handles {
        let name = handle.await.unwrap();
        println!("closure {name} passed the barrier");
    }
    println!("closures running at once, at most: {}", running.max());
}
// ANCHOR_END: main
