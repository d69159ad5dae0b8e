use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::sync::mpsc;
use tokio::sync::oneshot;

/// Set by the join!'s other branch once it has run past its await.
static BRANCH_B_RAN: AtomicBool = AtomicBool::new(false);

// ANCHOR: job
async fn job(
    blocking: oneshot::Sender<()>,
    to_closure: mpsc::Receiver<&'static str>,
    to_branch_b: oneshot::Receiver<&'static str>,
) {
    let branch_a = async move {
        tokio::task::block_in_place(move || {
            println!("closure: blocking until the helper task answers");
            blocking.send(()).unwrap();
            // A blocking wait, on this worker's thread.
            let message =
                to_closure.recv().expect("the helper task sent a message");
            println!("closure: got \"{message}\"");
            println!(
                "closure: branch b has run: {}",
                BRANCH_B_RAN.load(SeqCst)
            );
        });
        println!("branch a: block_in_place returned");
    };
    let branch_b = async {
        let message = to_branch_b.await.unwrap();
        BRANCH_B_RAN.store(true, SeqCst);
        println!("branch b: got \"{message}\"");
    };
    tokio::join!(branch_a, branch_b);
}
// ANCHOR_END: job

// ANCHOR: main
#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let (blocking_tx, blocking_rx) = oneshot::channel();
    let (closure_tx, closure_rx) = mpsc::channel();
    let (branch_b_tx, branch_b_rx) = oneshot::channel();

    // Two tasks for the runtime's one worker thread. The job's closure
    // waits for a message that only the helper task sends.
    let job = tokio::spawn(job(blocking_tx, closure_rx, branch_b_rx));
    let helper = tokio::spawn(async move {
        blocking_rx.await.unwrap(); // the closure is blocking by now
        branch_b_tx.send("hello, branch b").unwrap();
        println!("helper task: sent to branch b, sending to the closure");
        closure_tx.send("hello, closure").unwrap();
    });

    job.await.unwrap();
    helper.await.unwrap();
}
// ANCHOR_END: main
