use std::sync::Arc;
use std::time::Duration;
use vclock::vprintln;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let names = Arc::new(vec!["ada".to_string(), "grace".to_string()]);

    let mut handles = Vec::new();
    for delay in [200, 100] {
        // One owner per task: a new pointer, not a copy of the Vec.
        let names = Arc::clone(&names);
        handles.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(delay)).await;
            vprintln!(
                "task {delay}: {} names, first {}",
                names.len(),
                names[0]
            );
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    vprintln!("main: still own {names:?}");
    // ANCHOR_END: main
}
