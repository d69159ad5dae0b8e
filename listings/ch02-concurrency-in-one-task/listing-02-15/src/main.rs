use futures::stream::{self, StreamExt};

// ANCHOR: futures
async fn with_select_biased() {
    let mut urgent = stream::iter(["u1", "u2"]).fuse();
    let mut normal = stream::iter(["n1", "n2"]).fuse();
    loop {
        futures::select_biased! {
            item = urgent.next() => match item {
                Some(item) => println!("select_biased!: {item}"),
                None => println!("select_biased!: urgent ended"),
            },
            item = normal.next() => match item {
                Some(item) => println!("select_biased!: {item}"),
                None => println!("select_biased!: normal ended"),
            },
            complete => {
                println!("select_biased!: `complete` runs");
                break;
            }
        }
    }
}
// ANCHOR_END: futures

// ANCHOR: tokio
async fn with_tokio_biased() {
    let mut urgent = stream::iter(["u1", "u2"]);
    let mut normal = stream::iter(["n1", "n2"]);
    loop {
        tokio::select! {
            biased;
            Some(item) = urgent.next() => {
                println!("tokio::select! biased: {item}")
            }
            Some(item) = normal.next() => {
                println!("tokio::select! biased: {item}")
            }
            else => {
                println!("tokio::select! biased: `else` runs");
                break;
            }
        }
    }
}
// ANCHOR_END: tokio

#[tokio::main(flavor = "current_thread")]
async fn main() {
    with_select_biased().await;
    with_tokio_biased().await;
}
