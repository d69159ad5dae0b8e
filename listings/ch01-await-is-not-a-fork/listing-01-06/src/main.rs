use std::time::Duration;
use vclock::vprintln;

async fn worker(name: &str) {
    for step in 1..=3 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        vprintln!("{name}: step {step}");
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    tokio::join!(worker("a"), worker("b"));
    // ANCHOR_END: main
}
