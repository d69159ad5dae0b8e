use std::time::Duration;
use vclock::vprintln;

// ANCHOR: load_row
async fn load_row(id: usize) -> u32 {
    tokio::time::sleep(Duration::from_millis(100)).await;
    let rows = [10, 20, 30];
    *rows.get(id).expect("no such row") // panics for id 7
}
// ANCHOR_END: load_row

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let faulty = tokio::spawn(load_row(7));
    let steady = tokio::spawn(async {
        for tick in 1..=3 {
            tokio::time::sleep(Duration::from_millis(75)).await;
            vprintln!("steady: tick {tick}");
        }
        "steady finished"
    });

    match faulty.await {
        Ok(row) => vprintln!("main: faulty returned {row}"),
        Err(error) => vprintln!(
            "main: faulty failed, is_panic() = {}",
            error.is_panic()
        ),
    }
    let message = steady.await.unwrap();
    vprintln!("main: {message}");
    // ANCHOR_END: main
}
