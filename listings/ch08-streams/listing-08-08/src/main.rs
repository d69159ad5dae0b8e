use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::rc::Rc;

fn labels() -> impl Stream<Item = String> {
    stream! {
        let prefix = Rc::new(String::from("item"));
        for n in 1..=3 {
            yield format!("{prefix} {n}"); // `prefix` is alive here
        }
    }
}

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let mut labels = pin!(labels());
        while let Some(label) = labels.next().await {
            println!("got {label}");
        }
    });
    handle.await.unwrap();
}
