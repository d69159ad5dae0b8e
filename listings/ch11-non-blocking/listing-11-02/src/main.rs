use async_stream::stream;
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use vclock::vprintln;

async fn ticker() {
    let mut interval = tokio::time::interval(Duration::from_millis(100));
    for n in 1.. {
        interval.tick().await;
        vprintln!("tick {n}");
    }
}

// ANCHOR: readings
/// CPU work with no `.await` in it: some arithmetic, a million steps of it.
fn crunch(seed: u32) -> u32 {
    let mut x = seed;
    for _ in 0..1_000_000 {
        x = std::hint::black_box(
            x.wrapping_mul(1_103_515_245).wrapping_add(12_345),
        );
    }
    x
}

/// Each reading is computed on the spot, on the runtime's thread.
fn readings() -> impl Stream<Item = u32> {
    stream! {
        for i in 1..=3 {
            vprintln!("  generator: computing reading {i}");
            std::hint::black_box(crunch(i));
            yield i;
        }
    }
}
// ANCHOR_END: readings

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    tokio::spawn(ticker());
    let mut readings = pin!(readings());
    while let Some(i) = readings.next().await {
        vprintln!("consumer: got reading {i}");
    }
    vprintln!("consumer: done; now sleeping 250 ms");
    tokio::time::sleep(Duration::from_millis(250)).await;
    // ANCHOR_END: main
}
