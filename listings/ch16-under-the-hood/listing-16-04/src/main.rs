use async_stream::stream;
use futures::{Stream, StreamExt};
use std::fmt::Debug;
use std::pin::{Pin, pin};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: items
fn items() -> impl Stream<Item = u32> {
    stream! {
        yield 1;
        yield 2;
        sleep(Duration::from_millis(100)).await;
        yield 3;
    }
}
// ANCHOR_END: items

// ANCHOR: logged
/// Passes each `poll_next` to the stream inside; prints what it answered.
struct Logged<S>(S);

impl<S: Stream + Unpin> Stream for Logged<S>
where
    S::Item: Debug,
{
    type Item = S::Item;

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<S::Item>> {
        let answer = self.0.poll_next_unpin(cx);
        vprintln!("poll_next answered {answer:?}");
        answer
    }
}
// ANCHOR_END: logged

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    // Another task on this thread: it can run only when main's task gives
    // the thread back.
    tokio::spawn(async { vprintln!("the other task runs") });

    let items = pin!(items());
    let mut items = Logged(items);
    while let Some(n) = items.next().await {
        vprintln!("got {n}");
    }
    vprintln!("the stream is over");
    // ANCHOR_END: main
}
