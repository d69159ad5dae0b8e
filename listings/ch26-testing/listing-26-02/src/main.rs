use std::time::Duration;
use vclock::vprintln;

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // The deadline is fixed when the `Sleep` is made, here at 0 ms, however
    // late the task runs.
    let sleep = tokio::time::sleep(Duration::from_millis(100));
    let task = tokio::spawn(async move {
        sleep.await;
        vprintln!("task: its 100 ms sleep is over");
    });

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
