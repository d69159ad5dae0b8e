use std::time::Duration;
use vclock::vprintln;

// ANCHOR: worker
async fn worker(name: &str) {
    for step in 1..=3 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        vprintln!("{name}: step {step}");
    }
}
// ANCHOR_END: worker

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    worker("a").await;
    worker("b").await;
    // ANCHOR_END: main
}
