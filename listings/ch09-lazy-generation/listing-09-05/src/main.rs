use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;

// ANCHOR: numbers
/// Stands in for a resource the generator holds, such as a connection.
struct Connection;

impl Drop for Connection {
    fn drop(&mut self) {
        println!("  generator: connection closed");
    }
}

fn numbers() -> impl Stream<Item = u32> {
    stream! {
        let _connection = Connection;
        for i in 1.. {
            yield i;
        }
    }
}
// ANCHOR_END: numbers

// ANCHOR: first_two
/// Takes the stream by value: the stream ends when this function does.
async fn first_two(numbers: impl Stream<Item = u32>) {
    let mut numbers = pin!(numbers);
    while let Some(i) = numbers.next().await {
        println!("first_two: got {i}");
        if i == 2 {
            break;
        }
    }
    println!("first_two: after the loop");
}
// ANCHOR_END: first_two

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    first_two(numbers()).await;
    println!("main: first_two returned");
}
// ANCHOR_END: main
