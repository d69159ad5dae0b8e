use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: readings
fn readings() -> impl Stream<Item = u32> {
    stream! {
        for n in 1..=3 {
            sleep(Duration::from_millis(200)).await; // waiting for a sensor
            yield n * 10;
        }
    }
}
// ANCHOR_END: readings

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let heartbeat = tokio::spawn(async {
        for beat in 1..=3 {
            sleep(Duration::from_millis(250)).await;
            vprintln!("heartbeat {beat}");
        }
    });

    let mut readings = pin!(readings());
    while let Some(value) = readings.next().await {
        vprintln!("reading {value}");
    }
    heartbeat.await.expect("the heartbeat task does not panic");
    // ANCHOR_END: main
}
