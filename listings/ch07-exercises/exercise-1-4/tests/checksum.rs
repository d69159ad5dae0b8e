use exercise_1_4::{checksum, crunch};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn chunks() -> Vec<Vec<u8>> {
    (0..8u8).map(|n| vec![n; 4096]).collect()
}

#[tokio::test]
async fn adds_up_every_chunk() {
    let expected = chunks()
        .iter()
        .fold(0u64, |total, chunk| total.wrapping_add(crunch(chunk)));
    assert_eq!(checksum(chunks()).await, expected);
}

// The test runs on one thread. The heartbeat task counts its turns, and it
// can only get a turn when the task running `checksum` gives the thread
// back. Giving it back once, at the end, is not enough: the heartbeat must
// get a turn at least every other chunk.
#[tokio::test]
async fn a_heartbeat_task_gets_turns_while_it_works() {
    let chunks = chunks();
    let (count, at_least) = (chunks.len(), chunks.len() / 2);
    let beats = Arc::new(AtomicUsize::new(0));
    let heartbeat = tokio::spawn({
        let beats = Arc::clone(&beats);
        async move {
            loop {
                beats.fetch_add(1, Ordering::SeqCst);
                tokio::task::yield_now().await;
            }
        }
    });
    checksum(chunks).await;
    let seen = beats.load(Ordering::SeqCst);
    heartbeat.abort();
    assert!(
        seen >= at_least,
        "the heartbeat got {seen} turns while checksum worked on {count} \
         chunks; expected at least {at_least}"
    );
}
