use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use vclock::vprintln;

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        vprintln!("{}: dropped", self.0);
    }
}

// ANCHOR: worker
// Checks its token between jobs: a job in hand is finished, not cut off.
async fn worker(name: &'static str, job_ms: u64, token: CancellationToken) {
    let _guard = Guard(name);
    let mut jobs = 0;
    while !token.is_cancelled() {
        tokio::time::sleep(Duration::from_millis(job_ms)).await;
        jobs += 1;
    }
    vprintln!("{name}: asked to stop after {jobs} jobs");
}
// ANCHOR_END: worker

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let root = CancellationToken::new();
    let tracker = TaskTracker::new();
    let mut tokens = Vec::new();
    let mut handles = Vec::new();
    for (name, job_ms) in [("a", 100), ("b", 1000), ("c", 100)] {
        let token = root.child_token();
        tokens.push(token.clone());
        handles.push(tracker.spawn(worker(name, job_ms, token)));
    }

    tokio::time::sleep(Duration::from_millis(150)).await;
    tokens[2].cancel();
    vprintln!("main: cancelled c's child token; a and b go on");

    tokio::time::sleep(Duration::from_millis(200)).await;
    root.cancel();
    tracker.close();
    vprintln!("main: cancelled the root token; waiting up to 200 ms");
    let deadline = Duration::from_millis(200);
    if tokio::time::timeout(deadline, tracker.wait())
        .await
        .is_err()
    {
        vprintln!(
            "main: {} task(s) still running; aborting",
            tracker.len()
        );
        for handle in &handles {
            handle.abort();
        }
        tracker.wait().await;
    }
    vprintln!("main: every task has exited");
    // ANCHOR_END: main
}
