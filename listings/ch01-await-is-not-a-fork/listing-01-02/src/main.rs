// Turns the compiler's warning into an error, so the build stops on it.
#![deny(unused_must_use)]

async fn brew(drink: &str) -> String {
    println!("  (brewing {drink})");
    format!("a cup of {drink}")
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    brew("coffee"); // forgot `.await`
    println!("done");
}
