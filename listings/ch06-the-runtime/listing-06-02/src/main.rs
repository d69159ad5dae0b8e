use std::time::Duration;
use vclock::vprintln;

// ANCHOR: main
fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all() // turn on the I/O and time drivers
        .start_paused(true)
        .build()
        .expect("Failed building the Runtime");

    // The body of the `async fn main` of Listing 6-1, now an async block.
    runtime.block_on(async {
        vclock::start();
        let task = tokio::spawn(async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            vprintln!("task: done");
            42
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        vprintln!("main: still waiting for the task");
        let answer = task.await.unwrap();
        vprintln!("main: the task returned {answer}");
    });
}
// ANCHOR_END: main
