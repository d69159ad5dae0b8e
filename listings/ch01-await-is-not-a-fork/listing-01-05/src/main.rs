use std::time::Duration;
use vclock::vprintln;

// ANCHOR: worker
async fn worker(name: &str, pause_ms: u64) {
    for step in 1..=3 {
        tokio::time::sleep(Duration::from_millis(pause_ms)).await;
        vprintln!("{name}: step {step}");
    }
}
// ANCHOR_END: worker

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    worker("a", 100).await;
    worker("b", 120).await;
    // ANCHOR_END: main
}
