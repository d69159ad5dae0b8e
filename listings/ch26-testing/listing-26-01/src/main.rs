use std::time::Duration;
use vclock::vprintln;

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();

    vprintln!("sleeping for one hour");
    tokio::time::sleep(Duration::from_secs(3600)).await;
    vprintln!("woke up");

    let sum: u64 = (0..1_000_000u64).map(std::hint::black_box).sum();
    vprintln!("summed a million numbers: {sum}");
}
// ANCHOR_END: main
