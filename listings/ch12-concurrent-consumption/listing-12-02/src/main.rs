use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: ticks
/// A stream that never ends: one tick every 200 ms.
fn ticks() -> impl Stream<Item = u32> {
    stream! {
        for n in 1.. {
            sleep(Duration::from_millis(200)).await;
            yield n;
        }
    }
}
// ANCHOR_END: ticks

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut ticks = pin!(ticks());
    let mut deadline = pin!(sleep(Duration::from_millis(700)));
    loop {
        tokio::select! {
            tick = ticks.next() => {
                let Some(n) = tick else { break };
                vprintln!("tick {n}");
            }
            () = &mut deadline => {
                vprintln!("deadline reached, stop reading");
                break;
            }
        }
    }
    // The stream is still there, its generator paused inside its sleep.
    let next = ticks.next().await;
    vprintln!("asked once more: {next:?}");
    // ANCHOR_END: main
}
