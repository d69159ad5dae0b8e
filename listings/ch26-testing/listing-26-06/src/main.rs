use tokio::sync::mpsc;
use tokio_test::{assert_pending, assert_ready_eq, task};

/// Receives two messages and returns them as a pair.
async fn read_pair(rx: &mut mpsc::UnboundedReceiver<u32>) -> (u32, u32) {
    let first = rx.recv().await.unwrap();
    let second = rx.recv().await.unwrap();
    (first, second)
}

// ANCHOR: recv
fn recv_is_pending_then_ready() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut recv = task::spawn(rx.recv());
    assert_pending!(recv.poll()); // nothing sent yet
    tx.send(1).unwrap();
    assert!(recv.is_woken()); // the send woke the mock task
    assert_ready_eq!(recv.poll(), Some(1));
    println!("recv_is_pending_then_ready: ok");
}

fn recv_is_cancel_safe() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut recv = task::spawn(rx.recv());
    assert_pending!(recv.poll());
    drop(recv); // cancelled while pending
    tx.send(1).unwrap();
    let mut again = task::spawn(rx.recv());
    assert_ready_eq!(again.poll(), Some(1)); // the message is still there
    println!("recv_is_cancel_safe: ok, the next recv got 1");
}
// ANCHOR_END: recv

// ANCHOR: pair
fn read_pair_is_not_cancel_safe() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    tx.send(1).unwrap();
    let mut pair = task::spawn(read_pair(&mut rx));
    assert_pending!(pair.poll()); // took 1, waits for a second message
    drop(pair); // cancelled: the 1 it took is dropped with it
    tx.send(2).unwrap();
    let mut again = task::spawn(rx.recv());
    assert_ready_eq!(again.poll(), Some(2));
    println!("read_pair_is_not_cancel_safe: ok, the next recv got 2");
}
// ANCHOR_END: pair

fn main() {
    recv_is_pending_then_ready();
    recv_is_cancel_safe();
    read_pair_is_not_cancel_safe();
}
