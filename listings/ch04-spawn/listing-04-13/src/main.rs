use std::time::Duration;
use vclock::vprintln;

// ANCHOR: child
async fn child() {
    vprintln!("child: start");
    for tick in 1..=4 {
        tokio::time::sleep(Duration::from_millis(400)).await;
        vprintln!("child: tick {tick}");
    }
    vprintln!("child: done");
}

async fn parent() {
    let handle = tokio::spawn(child());
    vprintln!("parent: spawned a child, awaiting it");
    handle.await.unwrap();
    vprintln!("parent: the child is done");
}
// ANCHOR_END: child

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let deadline = Duration::from_millis(1000);
    if tokio::time::timeout(deadline, parent()).await.is_err() {
        vprintln!("main: the timeout cancelled the parent");
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    vprintln!("main: done");
    // ANCHOR_END: main
}
