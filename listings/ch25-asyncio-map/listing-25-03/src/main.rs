use std::time::Duration;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use vclock::vprintln;

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let stop = CancellationToken::new();
    let mut waiters = JoinSet::new();
    for name in ["a", "b"] {
        let stop = stop.clone();
        waiters.spawn(async move {
            vprintln!("{name}: waiting");
            stop.cancelled().await;
            vprintln!("{name}: woken");
        });
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    vprintln!("main: cancel()");
    stop.cancel();
    waiters.join_all().await;

    // Waiting after cancel() returns at once: the token stays cancelled.
    let late =
        tokio::time::timeout(Duration::from_millis(50), stop.cancelled())
            .await;
    vprintln!("late waiter: {late:?}");
}
// ANCHOR_END: main
