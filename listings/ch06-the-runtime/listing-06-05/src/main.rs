use std::time::Duration;
use vclock::vprintln;

/// Ticks as soon as it first runs, then every 100 ms. Its first tick waits
/// for no timer, only for a turn on the thread, so where it lands shows
/// when the ticker first ran.
async fn ticker() {
    for n in 1..=3 {
        if n > 1 {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        vprintln!("tick {n}");
    }
}

/// CPU-bound work: it never awaits, so it never gives the thread back.
fn crunch() -> u64 {
    (0..200_000u64).map(std::hint::black_box).sum()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let ticker = tokio::spawn(ticker());

    // ANCHOR: job
    for step in 1..=3 {
        crunch();
        vprintln!("job: step {step}");
        // Give the thread back to the runtime for a moment.
        tokio::task::yield_now().await;
    }
    vprintln!("job: done");
    // ANCHOR_END: job

    ticker.await.unwrap();
}
