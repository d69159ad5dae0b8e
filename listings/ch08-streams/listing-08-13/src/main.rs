use async_stream::stream;
use futures::Stream;
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

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    for await n in countdown() {
        vprintln!("got {n}");
    }
}
