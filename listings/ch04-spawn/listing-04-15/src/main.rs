use std::time::Duration;
use vclock::vprintln;

// ANCHOR: scope
// Stands for a scope whose destructor would wait for its children.
struct WouldWait;

impl Drop for WouldWait {
    fn drop(&mut self) {
        vprintln!("scope: destructor runs, and could wait for the child");
    }
}

async fn scope() {
    let _wait = WouldWait;
    tokio::spawn(async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        vprintln!("child: still running");
    });
    tokio::time::sleep(Duration::from_millis(1000)).await;
}
// ANCHOR_END: scope

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut future = Box::pin(scope());
    let _ = futures::poll!(&mut future);
    vprintln!("main: polled the scope once; forgetting it");
    std::mem::forget(future);

    tokio::time::sleep(Duration::from_millis(200)).await;
    vprintln!("main: done; the scope's destructor never ran");
    // ANCHOR_END: main
}
