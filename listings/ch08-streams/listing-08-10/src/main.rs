use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::rc::Rc;

fn with_dropped_rc() -> impl Stream<Item = String> {
    stream! {
        for n in 1..=3 {
            let prefix = Rc::new(String::from("dropped rc"));
            let label = format!("{prefix} {n}"); // borrows `prefix`
            drop(prefix); // the `Rc` is gone before the `yield`...
            yield label; // ...yet rustc points at the whole `stream!`
        }
    }
}

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let mut labels = pin!(with_dropped_rc());
        while let Some(label) = labels.next().await {
            println!("got {label}");
        }
    });
    handle.await.unwrap();
}
