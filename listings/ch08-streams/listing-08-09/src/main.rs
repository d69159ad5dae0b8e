use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::rc::Rc;
use std::sync::Arc;

// ANCHOR: arc
fn with_arc() -> impl Stream<Item = String> {
    stream! {
        let prefix = Arc::new(String::from("arc"));
        for n in 1..=3 {
            yield format!("{prefix} {n}");
        }
    }
}
// ANCHOR_END: arc

// ANCHOR: scoped
fn with_scoped_rc() -> impl Stream<Item = String> {
    stream! {
        for n in 1..=3 {
            let label = {
                let prefix = Rc::new(String::from("scoped rc"));
                format!("{prefix} {n}")
            }; // the `Rc` is gone before the `yield`
            yield label;
        }
    }
}
// ANCHOR_END: scoped

// ANCHOR: main
#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let mut arc = pin!(with_arc());
        while let Some(label) = arc.next().await {
            println!("got {label}");
        }
        let mut scoped = pin!(with_scoped_rc());
        while let Some(label) = scoped.next().await {
            println!("got {label}");
        }
    });
    handle.await.unwrap();
}
// ANCHOR_END: main
