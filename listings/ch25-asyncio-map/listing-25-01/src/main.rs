use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use vclock::vprintln;

// ANCHOR: fetch
async fn fetch(permits: Arc<Semaphore>, name: &str, ms: u64) {
    // Waits here while both permits are taken; the permit goes back when
    // `_permit` is dropped.
    let _permit = permits
        .acquire()
        .await
        .expect("the semaphore is never closed");
    vprintln!("{name}: start");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    vprintln!("{name}: done");
}
// ANCHOR_END: fetch

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let permits = Arc::new(Semaphore::new(2));
    let mut tasks = JoinSet::new();
    for (name, ms) in
        [("a", 250), ("b", 100), ("c", 200), ("d", 100), ("e", 100)]
    {
        tasks.spawn(fetch(Arc::clone(&permits), name, ms));
    }
    tasks.join_all().await;
    vprintln!("all five done");
}
// ANCHOR_END: main
