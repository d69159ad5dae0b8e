use std::sync::{Arc, Mutex};
use std::time::Duration;
use vclock::vprintln;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let hits = Arc::new(Mutex::new(0));

    let mut handles = Vec::new();
    for name in ["a", "b"] {
        let hits = Arc::clone(&hits);
        handles.push(tokio::spawn(async move {
            let count = {
                let mut count = hits.lock().unwrap();
                *count += 1;
                *count
            }; // the guard is dropped here, before the await
            tokio::time::sleep(Duration::from_millis(10)).await;
            vprintln!("{name}: count was {count}");
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    vprintln!("main: final count {}", hits.lock().unwrap());
    // ANCHOR_END: main
}
