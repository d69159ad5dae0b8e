use std::time::Duration;
use tokio::time::timeout;
use vclock::vprintln;

/// Prints a line if the future that owns it is dropped before it finished.
struct Unfinished(&'static str);

impl Drop for Unfinished {
    fn drop(&mut self) {
        vprintln!("{}: dropped before it finished", self.0);
    }
}

async fn fetch(name: &'static str, ms: u64) -> String {
    let guard = Unfinished(name);
    vprintln!("{name}: start");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    std::mem::forget(guard);
    vprintln!("{name}: done");
    format!("{name}-data")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let limit = Duration::from_millis(250);

    let fast = timeout(limit, fetch("fast", 100)).await;
    vprintln!("fast: {fast:?}");

    let slow = timeout(limit, fetch("slow", 400)).await;
    vprintln!("slow: {slow:?}");

    tokio::time::sleep(Duration::from_millis(500)).await;
    vprintln!("main: done");
    // ANCHOR_END: main
}
