use std::time::Duration;
use vclock::vprintln;

// ANCHOR: lookup
async fn cached_lookup() -> u32 {
    42 // ready at once: awaiting this never has to wait
}
// ANCHOR_END: lookup

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let task = tokio::spawn(async {
        vprintln!("task: first line");
        tokio::time::sleep(Duration::from_millis(100)).await;
        vprintln!("task: done");
    });
    vprintln!("main: spawned the task");

    let value = cached_lookup().await;
    vprintln!("main: awaited a ready future, got {value}");

    vprintln!("main: now awaiting a 50 ms sleep");
    tokio::time::sleep(Duration::from_millis(50)).await;
    vprintln!("main: woke up");

    task.await.unwrap();
    vprintln!("main: the task has finished");
    // ANCHOR_END: main
}
