use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use tokio::sync::mpsc;

// ANCHOR: totals
#[derive(Debug)]
enum Request {
    Add(u32),
    Reset,
}

fn running_total(
    mut requests: mpsc::UnboundedReceiver<Request>,
) -> impl Stream<Item = u32> {
    stream! {
        let mut total = 0;
        while let Some(request) = requests.recv().await {
            match request {
                Request::Add(n) => total += n,
                Request::Reset => {
                    println!("  generator: reset");
                    total = 0;
                }
            }
            yield total;
        }
        println!("  generator: no more requests");
    }
}
// ANCHOR_END: totals

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let (requests, inbox) = mpsc::unbounded_channel();
    let mut totals = pin!(running_total(inbox));
    for n in [5, 3, 4] {
        requests.send(Request::Add(n)).unwrap();
        let total = totals.next().await.unwrap();
        println!("consumer: added {n}, total {total}");
        if total > 7 {
            requests.send(Request::Reset).unwrap();
            let total = totals.next().await.unwrap();
            println!("consumer: reset, total {total}");
        }
    }
    drop(requests);
    println!("consumer: closed the channel");
    println!("consumer: next() gave {:?}", totals.next().await);
    // ANCHOR_END: main
}
