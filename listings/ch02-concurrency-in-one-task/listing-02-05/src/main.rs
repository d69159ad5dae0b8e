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

// ANCHOR: read_pair
/// Waits for two messages. Not cancel safe: if it is dropped after the
/// first `recv` and before the second, the first message is gone.
async fn read_pair(rx: &mut mpsc::Receiver<u32>) -> Option<(u32, u32)> {
    let first = rx.recv().await?;
    let second = rx.recv().await?;
    Some((first, second))
}
// ANCHOR_END: read_pair

// ANCHOR: consumer
async fn consumer(mut rx: mpsc::Receiver<u32>) {
    let mut heartbeat = interval_at(
        Instant::now() + Duration::from_millis(150),
        Duration::from_millis(300),
    );
    loop {
        tokio::select! {
            pair = read_pair(&mut rx) => match pair {
                Some(pair) => vprintln!("got {pair:?}"),
                None => break,
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
    // ANCHOR: main
    let (tx, rx) = mpsc::channel(8);
    tokio::join!(producer(tx), consumer(rx));
    // ANCHOR_END: main
}
