use std::sync::mpsc;
use std::time::Duration;
use vclock::vprintln;

// ANCHOR: ticker
async fn ticker(ticks: mpsc::Sender<u32>) {
    let mut interval = tokio::time::interval(Duration::from_millis(100));
    for n in 1..=3 {
        interval.tick().await;
        vprintln!("tick {n}");
        // Once nobody listens, sending fails: that is fine here.
        let _ = ticks.send(n);
    }
}
// ANCHOR_END: ticker

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let (sender, receiver) = mpsc::channel();
    let ticker = tokio::spawn(ticker(sender));

    // A blocking wait on the runtime's only thread, given up after
    // 20 ms of real time.
    match receiver.recv_timeout(Duration::from_millis(20)) {
        Ok(n) => vprintln!("runtime thread: got tick {n}"),
        Err(error) => vprintln!("runtime thread: {error}"),
    }

    // The same kind of wait, on a thread of the blocking pool.
    let waited = tokio::task::spawn_blocking(move || receiver.recv());
    match waited.await.unwrap() {
        Ok(n) => vprintln!("blocking-pool thread: got tick {n}"),
        Err(error) => vprintln!("blocking-pool thread: {error}"),
    }

    ticker.await.unwrap();
    // ANCHOR_END: main
}
