use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, interval_at};
use vclock::vprintln;

// ANCHOR: producer
/// Sends 1 to 6, one every 100 ms, then closes the channel.
async fn producer(tx: mpsc::Sender<u32>) {
    for n in 1..=6 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        vprintln!("sent {n}");
        tx.send(n).await.unwrap();
    }
}
// ANCHOR_END: producer

// ANCHOR: consumer
async fn consumer(mut rx: mpsc::Receiver<u32>) {
    let mut heartbeat = interval_at(
        Instant::now() + Duration::from_millis(150),
        Duration::from_millis(300),
    );
    // The half-read pair lives here, in the loop, not inside a future that
    // may be dropped.
    let mut first: Option<u32> = None;
    loop {
        tokio::select! {
            message = rx.recv() => match (message, first.take()) {
                (Some(second), Some(first)) => {
                    vprintln!("got {:?}", (first, second))
                }
                (Some(n), None) => first = Some(n),
                (None, _) => break,
            },
            _ = heartbeat.tick() => vprintln!("heartbeat"),
        }
    }
    vprintln!("channel closed");
}
// ANCHOR_END: consumer

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let (tx, rx) = mpsc::channel(8);
    tokio::join!(producer(tx), consumer(rx));
}
