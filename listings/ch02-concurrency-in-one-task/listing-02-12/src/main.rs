use std::time::Duration;
use tokio::sync::mpsc;
use vclock::vprintln;

/// Sends each `(ms, value)` after waiting `ms`, waits `close_after_ms` more
/// if it is not 0, then returns, which drops `tx` and closes the channel.
async fn producer(
    tx: mpsc::Sender<u32>,
    plan: &[(u64, u32)],
    close_after_ms: u64,
) {
    for &(ms, value) in plan {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        tx.send(value).await.unwrap();
    }
    if close_after_ms > 0 {
        tokio::time::sleep(Duration::from_millis(close_after_ms)).await;
    }
}

// ANCHOR: recv
/// `rx.recv()`, with a line when it gives `None`: the channel is
/// closed and empty.
async fn recv(name: &str, rx: &mut mpsc::Receiver<u32>) -> Option<u32> {
    let item = rx.recv().await;
    if item.is_none() {
        vprintln!("{name}: recv gave None, which `Some(n)` does not match");
    }
    item
}
// ANCHOR_END: recv

// ANCHOR: consumer
async fn consumer(mut a: mpsc::Receiver<u32>, mut b: mpsc::Receiver<u32>) {
    for round in 1.. {
        tokio::select! {
            Some(n) = recv("a", &mut a) => {
                vprintln!("round {round}: a gave {n}")
            }
            Some(n) = recv("b", &mut b) => {
                vprintln!("round {round}: b gave {n}")
            }
            else => {
                vprintln!(
                    "round {round}: every branch is disabled, \
                     so `else` runs"
                );
                break;
            }
        }
    }
}
// ANCHOR_END: consumer

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let (tx_a, rx_a) = mpsc::channel(4);
    let (tx_b, rx_b) = mpsc::channel(4);
    tokio::join!(
        // Sends at 100 and 300 ms, closes at 300 ms.
        producer(tx_a, &[(100, 1), (200, 2)], 0),
        // Sends at 200 ms, closes at 400 ms.
        producer(tx_b, &[(200, 10)], 200),
        consumer(rx_a, rx_b),
    );
    // ANCHOR_END: main
}
