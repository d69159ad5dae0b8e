use std::time::Duration;
use vclock::vprintln;

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let task = tokio::spawn(async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        vprintln!("task: its 100 ms sleep is over");
    });
    tokio::task::yield_now().await; // let the task start its sleep

    tokio::time::advance(Duration::from_millis(60)).await;
    vprintln!(
        "main: advanced 60 ms; task finished: {}",
        task.is_finished()
    );

    tokio::time::advance(Duration::from_millis(40)).await;
    vprintln!("main: advanced 40 ms more");
    task.await.expect("the task does not panic");
    vprintln!("main: task joined");
}
// ANCHOR_END: main
