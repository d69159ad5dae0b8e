async fn cached_lookup(step: u32) -> u32 {
    step * 10
}

// ANCHOR: worker
async fn worker(name: &str) {
    for step in 1..=3 {
        let value = cached_lookup(step).await;
        println!("{name}: step {step} -> {value}");
        // Suspends once, so the other future gets a turn.
        tokio::task::yield_now().await;
    }
}
// ANCHOR_END: worker

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::join!(worker("a"), worker("b"));
}
