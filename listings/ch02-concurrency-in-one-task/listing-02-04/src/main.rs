use std::time::Duration;
use vclock::vprintln;

/// Prints a line if the future that owns it is dropped before it finished.
struct Unfinished(&'static str);

impl Drop for Unfinished {
    fn drop(&mut self) {
        vprintln!("{}: dropped before it finished", self.0);
    }
}

// ANCHOR: fetch
async fn fetch(name: &'static str, ms: u64) -> String {
    let guard = Unfinished(name);
    tokio::time::sleep(Duration::from_millis(ms)).await;
    std::mem::forget(guard);
    vprintln!("{name}: done");
    format!("{name}-data")
}
// ANCHOR_END: fetch

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let winner = tokio::select! {
        a = fetch("a", 300) => {
            vprintln!("handler of a runs");
            a
        }
        b = fetch("b", 200) => {
            vprintln!("handler of b runs");
            b
        }
    };
    vprintln!("select! gave {winner}");

    tokio::time::sleep(Duration::from_millis(500)).await;
    vprintln!("main: done");
    // ANCHOR_END: main
}
