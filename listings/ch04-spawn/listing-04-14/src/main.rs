use std::time::Duration;
use tokio::task::JoinSet;
use tokio_util::task::AbortOnDropHandle;
use vclock::vprintln;

// ANCHOR: guard
// Its destructor runs however the child ends: by returning, or by being
// dropped at an `.await` when it is aborted.
struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        vprintln!("{}: dropped", self.0);
    }
}

async fn child(name: &'static str) {
    let _guard = Guard(name);
    vprintln!("{name}: start");
    for tick in 1..=4 {
        tokio::time::sleep(Duration::from_millis(400)).await;
        vprintln!("{name}: tick {tick}");
    }
    vprintln!("{name}: done");
}
// ANCHOR_END: guard

// ANCHOR: parents
async fn parent_with_set() {
    let mut set = JoinSet::new();
    set.spawn(child("set child"));
    set.join_next().await;
}

async fn parent_with_guard() {
    let handle =
        AbortOnDropHandle::new(tokio::spawn(child("handle child")));
    handle.await.unwrap();
}
// ANCHOR_END: parents

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let deadline = Duration::from_millis(1000);
    if tokio::time::timeout(deadline, parent_with_set())
        .await
        .is_err()
    {
        vprintln!("main: the timeout cancelled the parent with a JoinSet");
    }
    tokio::time::sleep(Duration::from_millis(200)).await;

    if tokio::time::timeout(deadline, parent_with_guard())
        .await
        .is_err()
    {
        vprintln!("main: the timeout cancelled the parent with a handle");
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    vprintln!("main: done");
    // ANCHOR_END: main
}
