use async_stream::stream;
use futures::{Stream, StreamExt, select};
use std::pin::pin;
use std::time::Duration;
use tokio::time::sleep;
use vclock::vprintln;

fn source(
    name: &'static str,
    every_ms: u64,
    count: u32,
) -> impl Stream<Item = String> {
    stream! {
        for n in 1..=count {
            sleep(Duration::from_millis(every_ms)).await;
            yield format!("{name}{n}");
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    // No `.fuse()`: `impl Stream` does not say that the stream is fused.
    let mut fast = pin!(source("fast-", 400, 3));
    let mut slow = pin!(source("slow-", 1000, 2));
    loop {
        select! {
            item = fast.next() => match item {
                Some(item) => vprintln!("{item}"),
                None => vprintln!("fast ended"),
            },
            item = slow.next() => match item {
                Some(item) => vprintln!("{item}"),
                None => vprintln!("slow ended"),
            },
            complete => break,
        }
    }
    vprintln!("complete: every branch has ended");
    // ANCHOR_END: main
}
