// ANCHOR: worker
/// A step whose result is already there: awaiting it never has to wait.
async fn cached_lookup(step: u32) -> u32 {
    step * 10
}

async fn worker(name: &str) {
    for step in 1..=3 {
        let value = cached_lookup(step).await;
        println!("{name}: step {step} -> {value}");
    }
}
// ANCHOR_END: worker

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    tokio::join!(worker("a"), worker("b"));
    // ANCHOR_END: main
}
