use std::time::Duration;
use vclock::vprintln;

/// Prints a line if the future that owns it is dropped before it finished.
struct Unfinished(&'static str);

impl Drop for Unfinished {
    fn drop(&mut self) {
        vprintln!("{}: dropped before it finished", self.0);
    }
}

async fn fetch(
    name: &'static str,
    ms: u64,
    fails: bool,
) -> Result<String, String> {
    let guard = Unfinished(name);
    vprintln!("{name}: start");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    std::mem::forget(guard); // finished: nothing to report
    if fails {
        vprintln!("{name}: failed");
        return Err(format!("{name} failed"));
    }
    vprintln!("{name}: done");
    Ok(format!("{name}-data"))
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let result =
        tokio::try_join!(fetch("a", 300, false), fetch("b", 100, true));
    vprintln!("try_join! gave {result:?}");
    // ANCHOR_END: main
}
