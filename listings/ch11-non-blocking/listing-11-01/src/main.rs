use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use vclock::vprintln;

// ANCHOR: ticker
/// Prints a line every 100 ms, for as long as it gets the chance to run.
async fn ticker() {
    let mut interval = tokio::time::interval(Duration::from_millis(100));
    for n in 1.. {
        interval.tick().await; // the first tick completes at once
        vprintln!("tick {n}");
    }
}
// ANCHOR_END: ticker

// ANCHOR: readings
/// Each reading waits 230 ms for a (simulated) sensor.
fn readings() -> impl Stream<Item = u32> {
    stream! {
        for i in 1..=3 {
            tokio::time::sleep(Duration::from_millis(230)).await;
            yield i;
        }
    }
}
// ANCHOR_END: readings

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    tokio::spawn(ticker());
    let mut readings = pin!(readings());
    while let Some(i) = readings.next().await {
        vprintln!("consumer: got reading {i}");
    }
    vprintln!("consumer: done");
    // ANCHOR_END: main
}
