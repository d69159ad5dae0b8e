use std::time::Duration;
use vclock::vprintln;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let handle = tokio::spawn(async {
        vprintln!("task: start, sleeping 1000 ms");
        tokio::time::sleep(Duration::from_millis(1000)).await;
        vprintln!("task: done");
        42
    });

    tokio::time::sleep(Duration::from_millis(100)).await;
    handle.abort();
    vprintln!("main: called abort()");

    match handle.await {
        Ok(value) => vprintln!("main: the task returned {value}"),
        Err(error) => vprintln!(
            "main: JoinError, is_cancelled() = {}",
            error.is_cancelled()
        ),
    }
    // ANCHOR_END: main
}
