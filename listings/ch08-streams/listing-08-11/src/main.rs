/// Hands out 1, 2, 3, ...
struct Counter {
    last: u32,
}

impl Counter {
    // Code for an earlier edition could name this method `gen`.
    fn r#gen(&mut self) -> u32 {
        self.last += 1;
        self.last
    }
}

fn main() {
    let mut counter = Counter { last: 0 };
    println!("{}", counter.r#gen());
    println!("{}", counter.gen());
}
