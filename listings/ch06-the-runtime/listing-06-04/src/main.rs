use std::time::Duration;
use vclock::vprintln;

// ANCHOR: ticker
async fn ticker() {
    let mut interval = tokio::time::interval(Duration::from_millis(100));
    for n in 1..=3 {
        // The first tick completes at once, then one every 100 ms.
        interval.tick().await;
        vprintln!("tick {n}");
    }
}
// ANCHOR_END: ticker

/// CPU-bound work: it never awaits, so it never gives the thread back.
fn crunch() -> u64 {
    (0..200_000u64).map(std::hint::black_box).sum()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let ticker = tokio::spawn(ticker());

    for step in 1..=3 {
        crunch();
        vprintln!("job: step {step}");
    }
    vprintln!("job: done");

    ticker.await.unwrap();
    // ANCHOR_END: main
}
