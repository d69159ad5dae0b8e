#[tokio::main]
async fn main() {
    let names = vec!["ada".to_string(), "grace".to_string()];

    let handle = tokio::spawn(async {
        println!("task: {} names", names.len()); // borrows main's `names`
    });

    handle.await.unwrap();
    println!("main: still own {names:?}");
}
