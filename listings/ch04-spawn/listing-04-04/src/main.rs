use std::time::Duration;
use vclock::vprintln;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let handle = tokio::spawn(async {
        for tick in 1..=3 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            vprintln!("task: tick {tick}");
        }
        vprintln!("task: done");
    });
    drop(handle);
    vprintln!("main: dropped the JoinHandle");

    tokio::time::sleep(Duration::from_millis(250)).await;
    vprintln!("main: returning, which shuts the runtime down");
    // ANCHOR_END: main
}
