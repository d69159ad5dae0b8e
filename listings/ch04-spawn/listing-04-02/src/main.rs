use std::sync::mpsc;

// ANCHOR: main
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let (sender, receiver) = mpsc::channel();
    println!("main: spawning the task");
    tokio::spawn(async move {
        println!("task: running, and main has not reached any .await");
        sender.send("hello from the task").unwrap();
    });

    // A blocking receive, not an .await: main keeps its thread, so the task
    // runs on a worker.
    let message = receiver.recv().unwrap();
    println!("main: got {message:?}");
}
// ANCHOR_END: main
