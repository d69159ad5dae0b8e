use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// How many steps the loop has done so far. The other task only reads it.
static DONE: AtomicUsize = AtomicUsize::new(0);

/// A task that only reports how far the loop had got when it first ran.
async fn other_task() {
    println!(
        "  other task: first ran, steps done so far: {}",
        DONE.load(Relaxed)
    );
}

/// One step of CPU work: arithmetic only, no tokio resource.
fn step(x: u64) -> u64 {
    let x = x ^ (x << 13);
    let x = x ^ (x >> 7);
    x ^ (x << 17)
}

// ANCHOR: plain
async fn cpu_loop() {
    let other = tokio::spawn(other_task());
    let mut x = 1;
    for _ in 0..1000 {
        x = black_box(step(x));
        DONE.fetch_add(1, Relaxed);
    }
    println!("  loop: did {} steps", DONE.load(Relaxed));
    other.await.unwrap();
}
// ANCHOR_END: plain

// ANCHOR: budget
async fn cpu_loop_with_budget() {
    let other = tokio::spawn(other_task());
    let mut x = 1;
    for _ in 0..1000 {
        // Spends one unit of the task's budget; pending once it is spent.
        tokio::task::coop::consume_budget().await;
        x = black_box(step(x));
        DONE.fetch_add(1, Relaxed);
    }
    println!("  loop: did {} steps", DONE.load(Relaxed));
    other.await.unwrap();
}
// ANCHOR_END: budget

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("a CPU loop, no .await in it:");
    cpu_loop().await;

    DONE.store(0, Relaxed);
    println!("the same loop, consume_budget().await in each step:");
    cpu_loop_with_budget().await;
}
