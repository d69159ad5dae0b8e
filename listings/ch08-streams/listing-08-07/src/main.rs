use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use vclock::vprintln;

fn countdown() -> impl Stream<Item = u32> {
    stream! {
        for n in (1..=3).rev() {
            tokio::time::sleep(Duration::from_millis(100)).await;
            yield n;
        }
    }
}

// ANCHOR: print_all
/// Takes only streams that are `Unpin`, so `next()` needs no pinning here.
async fn print_all(
    how: &str,
    mut numbers: impl Stream<Item = u32> + Unpin,
) {
    while let Some(n) = numbers.next().await {
        vprintln!("{how}: got {n}");
    }
}
// ANCHOR_END: print_all

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    // The caller pins. pin! pins the stream in main's own state;
    // a Pin<&mut _> is Unpin.
    print_all("pin!", pin!(countdown())).await;
    // Box::pin pins it on the heap; a Pin<Box<_>> is Unpin, and can be
    // moved or stored.
    print_all("Box::pin", Box::pin(countdown())).await;
    // ANCHOR_END: main
}
