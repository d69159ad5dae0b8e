use async_stream::stream;
use futures::StreamExt;

// ANCHOR: connection
/// Stands in for a resource the generator holds, such as a connection.
struct Connection;

impl Drop for Connection {
    fn drop(&mut self) {
        println!("  generator: connection closed");
    }
}
// ANCHOR_END: connection

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let mut numbers = Box::pin(stream! {
        let _connection = Connection;
        for i in 1.. {
            println!("  generator: produced {i}");
            yield i;
        }
    });

    while let Some(i) = numbers.next().await {
        println!("consumer: got {i}");
        if i == 3 {
            println!("consumer: that is enough");
            break;
        }
    }
    drop(numbers);
    println!("consumer: dropped the stream");
    // ANCHOR_END: main
}
