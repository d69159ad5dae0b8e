use async_stream::stream;
use futures::{Stream, StreamExt};
use std::num::ParseIntError;
use std::pin::pin;

// ANCHOR: numbers
/// Listing 8-4's parser written with `stream!`: the items are `Result`s,
/// and the body says so.
fn numbers(
    lines: Vec<&str>,
) -> impl Stream<Item = Result<u32, ParseIntError>> {
    stream! {
        for line in lines {
            // On an Err: send Err(e.into()) as an item, then return.
            let n: u32 = line.parse()?;
            yield Ok(n); // try_stream! would write this Ok for you
        }
    }
}
// ANCHOR_END: numbers

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let mut parsed = pin!(numbers(vec!["1", "2", "three", "4"]));
    while let Some(item) = parsed.next().await {
        match item {
            Ok(n) => println!("got {n}"),
            Err(e) => println!("error: {e}"),
        }
    }
    println!("the stream is over");
    // ANCHOR_END: main
}
