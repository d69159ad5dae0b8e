use futures::FutureExt;
use std::time::Duration;
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
    tokio::time::sleep(Duration::from_millis(ms)).await;
    std::mem::forget(guard);
    vprintln!("{name}: done");
    format!("{name}-data")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let a = fetch("a", 500).fuse();
    futures::pin_mut!(a); // pinned on the stack
    let mut b = Box::pin(fetch("b", 200).fuse()); // pinned on the heap
    let winner = futures::select! {
        data = a => data,
        data = b => data,
    };
    vprintln!("select! gave {winner}");

    // `select!` only borrowed `a`, so it is still here, part-way through.
    let late = a.await;
    vprintln!("a, awaited after select!, gave {late}");
    // ANCHOR_END: main
}
