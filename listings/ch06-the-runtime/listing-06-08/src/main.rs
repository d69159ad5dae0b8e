use std::sync::mpsc;
use tokio::runtime::{Builder, Runtime};
use tokio::sync::oneshot;

// ANCHOR: closure
/// Starts a `spawn_blocking` closure that blocks until every `Sender` of
/// `receiver` is gone. Returns once the closure is running, with a channel
/// that hears when it is about to return.
fn start_closure(
    runtime: &Runtime,
    receiver: mpsc::Receiver<()>,
) -> mpsc::Receiver<()> {
    let (done, closure_done) = mpsc::channel();
    runtime.block_on(async {
        let (started, running) = oneshot::channel();
        tokio::task::spawn_blocking(move || {
            started.send(()).unwrap();
            let _ = receiver.recv(); // blocks until the channel closes
            println!("  closure: the channel closed, returning");
            let _ = done.send(());
        });
        running.await.unwrap();
        println!("  main: the closure is running");
    });
    closure_done
}
// ANCHOR_END: closure

// ANCHOR: drop
fn drop_waits() {
    let runtime = Builder::new_current_thread().build().unwrap();
    let (sender, receiver) = mpsc::channel();
    // A task that holds the only sender and never finishes.
    runtime.spawn(async move {
        let _sender = sender;
        std::future::pending::<()>().await;
    });
    start_closure(&runtime, receiver);

    println!("  main: dropping the runtime");
    // Drops the task, which closes the channel; then waits for the closure.
    drop(runtime);
    println!("  main: drop returned");
}
// ANCHOR_END: drop

// ANCHOR: background
fn background_does_not_wait() {
    let runtime = Builder::new_current_thread().build().unwrap();
    let (sender, receiver) = mpsc::channel();
    let closure_done = start_closure(&runtime, receiver);

    runtime.shutdown_background();
    println!("  main: shutdown_background returned");
    // Only now can the closure, still running on its own thread, return.
    drop(sender);
    closure_done.recv().unwrap();
}
// ANCHOR_END: background

fn main() {
    println!("drop(runtime):");
    drop_waits();
    println!("shutdown_background():");
    background_does_not_wait();
}
