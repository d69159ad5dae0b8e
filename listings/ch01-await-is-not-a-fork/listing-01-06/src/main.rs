use std::time::Duration;
use vclock::vprintln;

async fn worker(name: &str, pause_ms: u64) {
    for step in 1..=3 {
        tokio::time::sleep(Duration::from_millis(pause_ms)).await;
        vprintln!("{name}: step {step}");
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    tokio::join!(worker("a", 100), worker("b", 120));
    // ANCHOR_END: main
}
