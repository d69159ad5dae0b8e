use std::sync::mpsc;
use tokio::sync::oneshot;

fn main() {
    // ANCHOR: runtime
    let runtime = tokio::runtime::Builder::new_current_thread()
        .max_blocking_threads(1)
        .build()
        .unwrap();
    // ANCHOR_END: runtime
    runtime.block_on(run());
}

async fn run() {
    // A fresh directory of our own, named by the process id.
    let dir = std::env::temp_dir()
        .join(format!("ch21-01-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("data.txt");
    std::fs::write(&path, "one\ntwo\nthree\n").unwrap();

    // ANCHOR: main
    let (started, has_started) = oneshot::channel();
    let (release, released) = mpsc::channel::<()>();
    let blocker = tokio::task::spawn_blocking(move || {
        println!("blocker: holding the only blocking thread");
        started.send(()).unwrap();
        released.recv().unwrap();
        println!("blocker: released, returning its thread");
    });
    has_started.await.unwrap();

    let reading = tokio::spawn(async move {
        let bytes = tokio::fs::read(&path).await.unwrap();
        println!("read: {} bytes", bytes.len());
    });
    for _ in 0..100 {
        tokio::task::yield_now().await;
    }
    println!(
        "main: after 100 yields, the read is done: {}",
        reading.is_finished()
    );

    release.send(()).unwrap();
    blocker.await.unwrap();
    reading.await.unwrap();
    // ANCHOR_END: main

    std::fs::remove_dir_all(&dir).unwrap();
}
