use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::task::JoinSet;
use vclock::vprintln;

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let ready = Arc::new(Notify::new());
    let mut waiters = JoinSet::new();
    for name in ["a", "b"] {
        let ready = Arc::clone(&ready);
        waiters.spawn(async move {
            vprintln!("{name}: waiting");
            ready.notified().await;
            vprintln!("{name}: woken");
        });
    }
    // Created now, polled only after the call: `notify_waiters` counts it
    // as waiting.
    let unpolled = ready.notified();
    tokio::time::sleep(Duration::from_millis(100)).await;
    vprintln!("main: notify_waiters()");
    ready.notify_waiters();
    waiters.join_all().await;
    let early =
        tokio::time::timeout(Duration::from_millis(50), unpolled).await;
    vprintln!("made before the call, polled after: {early:?}");

    // A waiter that arrives after the notification waits for the next one.
    let late =
        tokio::time::timeout(Duration::from_millis(50), ready.notified())
            .await;
    vprintln!("late waiter: {late:?}");
}
// ANCHOR_END: main
