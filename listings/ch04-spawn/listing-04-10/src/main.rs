use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::sync::{Arc, Barrier, mpsc};
use tokio::runtime::Builder;

fn main() {
    // ANCHOR: runtime
    // Set by the probe task when it runs; read by the park hook below.
    let probe_ran = Arc::new(AtomicBool::new(false));
    let (idle_sender, idle_receiver) = mpsc::channel();
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        // Runs on a worker thread about to park: it found no task to run.
        .on_thread_park({
            let probe_ran = probe_ran.clone();
            let reported = AtomicBool::new(false);
            move || {
                // Report once: the first time a worker goes idle after
                // running the probe.
                if probe_ran.load(SeqCst) && !reported.swap(true, SeqCst) {
                    idle_sender.send(()).unwrap();
                }
            }
        })
        .build()
        .unwrap();
    // ANCHOR_END: runtime

    runtime.block_on(async move {
        // ANCHOR: main
        let (spawned_sender, spawned_receiver) = mpsc::channel();
        let spawner = tokio::spawn(async move {
            let barrier = Arc::new(Barrier::new(2));
            let a_started = Arc::new(AtomicBool::new(false));
            let b_started = Arc::new(AtomicBool::new(false));
            let a = tokio::spawn({
                let (a_started, barrier) =
                    (a_started.clone(), barrier.clone());
                async move {
                    a_started.store(true, SeqCst);
                    println!("a: running");
                    // Blocks until the spawner gets there too.
                    barrier.wait();
                }
            });
            println!("spawner: spawned a");
            spawned_sender.send(()).unwrap();

            // Blocking calls, not .await: until `b.await` the spawner keeps
            // its worker thread.
            idle_receiver.recv().unwrap(); // the other worker has gone idle
            println!(
                "spawner: the other worker went idle; a started: {}",
                a_started.load(SeqCst)
            );

            println!("spawner: spawning b");
            let b = tokio::spawn({
                let b_started = b_started.clone();
                async move {
                    b_started.store(true, SeqCst);
                    println!("b: running");
                }
            });
            // Returns only once a is running, on the other worker.
            barrier.wait();
            println!(
                "spawner: a met me at the barrier; b started: {}",
                b_started.load(SeqCst)
            );

            println!("spawner: awaiting b");
            b.await.unwrap();
            a.await.unwrap();
            println!("spawner: done");
        });

        // main's future runs on the thread that called block_on, not on a
        // worker. This blocking receive returns once the spawner spawned a.
        spawned_receiver.recv().unwrap();
        println!("main: spawning the probe");
        tokio::spawn(async move {
            println!("probe: running");
            probe_ran.store(true, SeqCst);
        });
        spawner.await.unwrap();
        // ANCHOR_END: main
    });
}
