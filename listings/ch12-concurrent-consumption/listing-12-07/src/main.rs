use async_stream::stream;
use futures::StreamExt;
use futures::stream::{self, FusedStream};
use std::pin::pin;
use vclock::vprintln;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let mut generated = pin!(stream! { yield 1; });
    vprintln!("stream!: {:?}", generated.next().await);
    vprintln!("stream!: {:?}", generated.next().await);
    vprintln!("stream!, asked again: {:?}", generated.next().await);

    let counted =
        stream::unfold(
            1,
            |n| async move { (n <= 1).then_some((n, n + 1)) },
        );
    let mut fused = pin!(counted.fuse());
    vprintln!("unfold.fuse(): {:?}", fused.next().await);
    vprintln!("unfold.fuse(): {:?}", fused.next().await);
    vprintln!("unfold.fuse(), asked again: {:?}", fused.next().await);

    let mut unfused = pin!(stream::unfold(1, |n| async move {
        (n <= 1).then_some((n, n + 1))
    }));
    vprintln!("unfold: {:?}", unfused.next().await);
    vprintln!("unfold: {:?}", unfused.next().await);
    // `Unfold` is a `FusedStream` too: it can say that it has ended,
    // which is not the same as answering `None` once more.
    vprintln!("unfold: is_terminated() = {}", unfused.is_terminated());
    vprintln!("unfold, asked again: {:?}", unfused.next().await);
    // ANCHOR_END: main
}
