use async_stream::stream;
use futures::StreamExt;
use std::pin::pin;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let numbers = stream! {
        println!("  generator: started");
        for i in 1..=2 {
            println!("  generator: yielding {i}");
            yield i;
        }
        println!("  generator: finished");
    };
    println!("made the stream");
    let mut numbers = pin!(numbers);
    println!("pinned it");

    for ask in 1..=3 {
        println!("asking for item {ask}");
        let item = numbers.next().await;
        println!("got {item:?}");
    }
    // ANCHOR_END: main
}
