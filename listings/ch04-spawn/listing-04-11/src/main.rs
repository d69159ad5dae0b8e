use std::sync::{Arc, Barrier};

// ANCHOR: abort
/// Calls `abort()` from a plain thread while the task is mid-poll.
async fn abort_mid_poll(await_after_abort: bool) {
    let barrier = Arc::new(Barrier::new(2));
    let handle = tokio::spawn({
        let barrier = barrier.clone();
        async move {
            println!("  task: polled; the thread may call abort() now");
            barrier.wait(); // 1: the thread calls abort() after this
            barrier.wait(); // 2: abort() has returned
            if await_after_abort {
                println!("  task: awaiting yield_now()");
                tokio::task::yield_now().await;
                println!("  task: after the .await");
            } else {
                println!("  task: returning 42, with no .await on the way");
            }
            42
        }
    });

    let abort_handle = handle.abort_handle();
    let thread = std::thread::spawn(move || {
        barrier.wait(); // 1
        abort_handle.abort();
        println!("  thread: called abort()");
        barrier.wait(); // 2
    });

    match handle.await {
        Ok(value) => println!("  main: the task returned {value}"),
        Err(error) => println!(
            "  main: JoinError, is_cancelled() = {}",
            error.is_cancelled()
        ),
    }
    thread.join().unwrap();
}
// ANCHOR_END: abort

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("the task ends without another .await:");
    abort_mid_poll(false).await;
    println!("the task reaches an .await that is pending:");
    abort_mid_poll(true).await;
}
// ANCHOR_END: main
