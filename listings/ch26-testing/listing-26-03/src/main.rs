use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::time::Instant;
use vclock::vprintln;

// ANCHOR: timeout
async fn timeout_drops_the_slow_work() {
    let reached_end = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&reached_end);
    let work = async move {
        tokio::time::sleep(Duration::from_millis(400)).await;
        flag.store(true, Ordering::SeqCst);
    };

    let start = Instant::now();
    let result =
        tokio::time::timeout(Duration::from_millis(250), work).await;
    assert!(result.is_err(), "the work should time out");
    assert_eq!(start.elapsed(), Duration::from_millis(250));

    // Wait well past the work's 400 ms: none of it runs any more.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(!reached_end.load(Ordering::SeqCst));
    // The future owned a clone of the Arc; dropping the future released it.
    assert_eq!(Arc::strong_count(&reached_end), 1);
}
// ANCHOR_END: timeout

// ANCHOR: abort
async fn abort_stops_the_task() {
    let task = tokio::spawn(tokio::time::sleep(Duration::from_secs(10)));
    tokio::time::sleep(Duration::from_millis(100)).await;
    task.abort();
    let error = task.await.expect_err("an aborted task has no result");
    assert!(error.is_cancelled());
}
// ANCHOR_END: abort

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    timeout_drops_the_slow_work().await;
    vprintln!("timeout_drops_the_slow_work: ok");
    abort_stops_the_task().await;
    vprintln!("abort_stops_the_task: ok");
}
// ANCHOR_END: main
