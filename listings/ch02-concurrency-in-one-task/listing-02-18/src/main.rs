use futures::FutureExt;
use std::pin::pin;
use std::time::Duration;
use vclock::vprintln;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut job = pin!(
        async {
            tokio::time::sleep(Duration::from_millis(1000)).await;
            vprintln!("job: done");
        }
        .fuse()
    );
    let mut ticks = tokio::time::interval(Duration::from_millis(400));
    ticks.tick().await; // An interval's first tick is immediate.

    for round in 1..=5 {
        futures::select! {
            _ = ticks.tick().fuse() => vprintln!("round {round}: tick"),
            () = job => vprintln!("round {round}: job finished"),
        }
    }
    // ANCHOR_END: main
}
