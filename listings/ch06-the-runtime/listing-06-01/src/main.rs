use std::time::Duration;
use vclock::vprintln;

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
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
}
// ANCHOR_END: main
