use futures::FutureExt;
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

// ANCHOR: block_for
/// Stands in for `ms` of blocking work, such as a slow synchronous call.
/// Blocking does not move tokio's paused clock, so this moves it by hand:
/// it polls `tokio::time::advance` once, which moves the clock forward, and
/// drops it. It never gives the thread back.
fn block_for(ms: u64) {
    let _ = tokio::time::advance(Duration::from_millis(ms)).now_or_never();
}
// ANCHOR_END: block_for

// ANCHOR: jobs
/// Blocks for 300 ms and finishes without ever being pending.
async fn blocks_then_returns() -> &'static str {
    let guard = Unfinished("blocks_then_returns");
    block_for(300);
    std::mem::forget(guard);
    vprintln!("blocks_then_returns: done");
    "result"
}

/// Blocks for 300 ms, then waits 100 ms more at an `.await`.
async fn blocks_then_waits() -> &'static str {
    let guard = Unfinished("blocks_then_waits");
    block_for(300);
    vprintln!("blocks_then_waits: blocking done, now it waits");
    tokio::time::sleep(Duration::from_millis(100)).await;
    std::mem::forget(guard);
    vprintln!("blocks_then_waits: done");
    "result"
}
// ANCHOR_END: jobs

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let limit = Duration::from_millis(250);

    vprintln!("first: 250 ms limit starts");
    let first = timeout(limit, blocks_then_returns()).await;
    vprintln!("first: {first:?}");

    vprintln!("second: 250 ms limit starts");
    let second = timeout(limit, blocks_then_waits()).await;
    vprintln!("second: {second:?}");
    // ANCHOR_END: main
}
