use std::time::Duration;
use tokio::task::JoinSet;
use vclock::vprintln;

// ANCHOR: job
async fn job(
    name: &'static str,
    ms: u64,
    fails: bool,
) -> Result<&'static str, String> {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    if fails {
        vprintln!("{name}: failing");
        return Err(format!("{name} could not connect"));
    }
    vprintln!("{name}: done");
    Ok(name)
}
// ANCHOR_END: job

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    {
        let mut set = JoinSet::new();
        set.spawn(job("a", 100, false));
        set.spawn(job("b", 200, true));
        set.spawn(job("c", 300, false));
        set.spawn(job("d", 400, false));

        while let Some(result) = set.join_next().await {
            match result.unwrap() {
                Ok(name) => vprintln!("main: {name} succeeded"),
                Err(error) => {
                    vprintln!(
                        "main: {error}; leaving the block drops the set"
                    );
                    break;
                }
            }
        }
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    vprintln!("main: waited 500 ms more; c and d never finished");
    // ANCHOR_END: main
}
