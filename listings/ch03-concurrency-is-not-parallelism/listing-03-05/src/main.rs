use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Barrier};

/// Counts how many pieces of code are inside a section right now, and
/// remembers the most it saw.
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

fn thread_name() -> String {
    std::thread::current()
        .name()
        .unwrap_or("(no name)")
        .to_owned()
}

// ANCHOR: main
#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let running = Arc::new(Gauge::default());
    let barrier = Arc::new(Barrier::new(2));

    let task = tokio::spawn({
        let (running, barrier) = (running.clone(), barrier.clone());
        async move {
            running.enter();
            barrier.wait(); // blocks the runtime's only worker thread
            running.leave();
            thread_name()
        }
    });

    // The future given to `block_on` (this `main`) waits at the same
    // barrier, without an .await.
    running.enter();
    barrier.wait();
    running.leave();
    println!("main passed the barrier, on thread {}", thread_name());
    let name = task.await.unwrap();
    println!("task passed the barrier, on thread {name}");
    println!("pieces of code running at once, at most: {}", running.max());
}
// ANCHOR_END: main
