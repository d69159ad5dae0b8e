use async_stream::stream;
use std::pin::Pin;
use std::time::Duration;
use tokio::time::sleep;
use tokio_stream::{Stream, StreamExt, StreamMap};
use vclock::vprintln;

fn source(every_ms: u64, count: u32) -> impl Stream<Item = u32> {
    stream! {
        for n in 1..=count {
            sleep(Duration::from_millis(every_ms)).await;
            yield n;
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    // `StreamMap` moves its streams around, so each must be `Unpin`:
    // `Box::pin` makes a `stream!` so.
    let mut map: StreamMap<&str, Pin<Box<_>>> = StreamMap::new();
    map.insert("fast", Box::pin(source(400, 3)));
    map.insert("slow", Box::pin(source(1000, 2)));
    while let Some((key, n)) = map.next().await {
        vprintln!("{key} {n} (streams in the map: {})", map.len());
    }
    vprintln!("the map ended (streams in it: {})", map.len());
    // ANCHOR_END: main
}
