use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;
// ANCHOR: import
// `tokio_stream::StreamExt` and `futures::StreamExt` have methods of the
// same names: with both in one scope, calls to those are ambiguous.
use tokio_stream::{Stream, StreamExt, wrappers::ReceiverStream};
// ANCHOR_END: import
use vclock::vprintln;

// ANCHOR: readings
/// A producer task, and its receiver as a stream: `ReceiverStream` does
/// what a `stream!` with a `while let Some(..) = rx.recv().await` loop
/// did in Listing 14-2, and it is `Unpin`.
fn readings() -> impl Stream<Item = u32> + Unpin {
    let (tx, rx) = mpsc::channel(1);
    tokio::spawn(async move {
        for n in 1..=3 {
            sleep(Duration::from_millis(100)).await;
            if tx.send(n * 10).await.is_err() {
                break;
            }
        }
    });
    ReceiverStream::new(rx)
}
// ANCHOR_END: readings

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut readings = readings(); // no `pin!`: the stream is `Unpin`
    while let Some(value) = readings.next().await {
        vprintln!("reading {value}");
    }
    vprintln!("the task dropped its sender: the stream ended");
    // ANCHOR_END: main
}
