//! Prints lines stamped with the time on tokio's clock, so that a timed
//! listing shows when each thing happened. Under a paused clock that time
//! is virtual: exact, and free to wait for.

use std::sync::OnceLock;
use tokio::time::Instant;

// ANCHOR: stamp
static START: OnceLock<Instant> = OnceLock::new();

/// Starts the clock. Call it first thing in `main`, inside the runtime.
pub fn start() {
    // The test suite's real-clock check (`REAL_CLOCK=3 cargo test`) sets
    // this to run the listing on the real clock, where two timers due at
    // one instant would race.
    if std::env::var_os("VCLOCK_REAL_TIME")
        .is_some_and(|value| value == "1")
    {
        tokio::time::resume();
    }
    START
        .set(Instant::now())
        .expect("vclock::start() is called once, at the top of main");
}

/// Milliseconds on tokio's clock since `start()`.
pub fn elapsed_ms() -> u128 {
    let start = START
        .get()
        .expect("call vclock::start() at the top of main before vprintln!");
    start.elapsed().as_millis()
}

/// Like `println!`, with the milliseconds since `start()` in front:
/// `[  300 ms] a: done`. The arguments are evaluated first, so the stamp
/// of `vprintln!("{}", fetch().await)` is the time the fetch ended.
#[macro_export]
macro_rules! vprintln {
    ($($arg:tt)*) => {
        match format_args!($($arg)*) {
            message => println!(
                "[{:>5} ms] {}",
                $crate::elapsed_ms(),
                message
            ),
        }
    };
}
// ANCHOR_END: stamp
