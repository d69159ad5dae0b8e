use std::time::Duration;

fn main() {
    // Listing 8-3's countdown, written as a native async generator.
    let countdown = async gen {
        for n in (1..=3).rev() {
            tokio::time::sleep(Duration::from_millis(100)).await;
            yield n;
        }
    };
    drop(countdown);
}
