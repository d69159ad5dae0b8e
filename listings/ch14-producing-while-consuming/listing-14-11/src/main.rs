use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;
use vclock::vprintln;

// ANCHOR: make
/// Prints when an item is dropped before it was finished.
struct HalfMade(u32);

impl Drop for HalfMade {
    fn drop(&mut self) {
        vprintln!("producer: item {} dropped half-made", self.0);
    }
}

/// Making an item takes 300 ms.
async fn make(n: u32) -> u32 {
    let half_made = HalfMade(n);
    sleep(Duration::from_millis(300)).await;
    std::mem::forget(half_made); // finished: nothing to report
    n
}
// ANCHOR_END: make

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let (tx, mut rx) = mpsc::channel(1);
    let producer = tokio::spawn(async move {
        for n in 1.. {
            tokio::select! {
                item = make(n) => {
                    if tx.send(item).await.is_err() {
                        break;
                    }
                }
                () = tx.closed() => {
                    vprintln!("producer: the receiver is gone, stop");
                    break;
                }
            }
        }
    });
    for _ in 0..2 {
        let Some(n) = rx.recv().await else { break };
        vprintln!("consumer: got {n}");
        sleep(Duration::from_millis(100)).await;
    }
    vprintln!("consumer: dropping the receiver");
    drop(rx);
    producer.await.expect("the producer does not panic");
    vprintln!("main: the producer has ended");
    // ANCHOR_END: main
}
