// ANCHOR: brew
async fn brew(drink: &str) -> String {
    println!("  (brewing {drink})");
    format!("a cup of {drink}")
}
// ANCHOR_END: brew

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    let coffee = brew("coffee");
    let tea = brew("tea");
    println!("made two futures");

    drop(tea);
    println!("dropped the tea future without awaiting it");

    let cup = coffee.await;
    println!("awaited the coffee future: {cup}");
    // ANCHOR_END: main
}
