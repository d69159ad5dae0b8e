use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use vclock::vprintln;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: scoped
    let scoped = tokio::spawn(async {
        let line = {
            let config = Rc::new(String::from("retries=3"));
            format!("scoped Rc: {config}")
        }; // `config` is dropped here, before the await
        tokio::time::sleep(Duration::from_millis(10)).await;
        vprintln!("{line}");
    });
    // ANCHOR_END: scoped
    // ANCHOR: arc
    let shared = tokio::spawn(async {
        let config = Arc::new(String::from("retries=3"));
        // An Arc may stay alive across it.
        tokio::time::sleep(Duration::from_millis(20)).await;
        vprintln!("Arc: {config}");
    });
    // ANCHOR_END: arc
    scoped.await.unwrap();
    shared.await.unwrap();
}
