use std::time::Duration;
use vclock::vprintln;

async fn fetch(name: &'static str, ms: u64) -> String {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    vprintln!("{name}: done");
    format!("{name}-data")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let a = fetch("a", 300);
    let b = fetch("b", 200);
    let winner = futures::select! {
        data = a => data,
        data = b => data,
    };
    vprintln!("select! gave {winner}");
    // ANCHOR_END: main
}
