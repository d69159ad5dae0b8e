use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

/// A stream that never ends: one tick every 200 ms.
fn ticks() -> impl Stream<Item = u32> {
    stream! {
        for n in 1.. {
            sleep(Duration::from_millis(200)).await;
            yield n;
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    // Five ticks, so that the loop ends at all.
    let mut ticks = pin!(ticks().take(5));
    loop {
        tokio::select! {
            tick = ticks.next() => {
                let Some(n) = tick else { break };
                vprintln!("tick {n}");
            }
            // A new 700 ms sleep on every pass: the 200 ms tick wins
            // every time.
            () = sleep(Duration::from_millis(700)) => {
                vprintln!("deadline reached, stop reading");
                break;
            }
        }
    }
    vprintln!("the stream ended, and the deadline never fired");
    // ANCHOR_END: main
}
