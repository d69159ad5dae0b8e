#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("main: calling block_in_place");
    let sum = tokio::task::block_in_place(|| {
        println!("closure: running");
        (1..=100u32).sum::<u32>()
    });
    println!("main: the closure returned {sum}");
}
