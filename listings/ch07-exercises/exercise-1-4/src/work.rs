/// CPU-bound work on one chunk: no `.await` anywhere, so it holds the
/// thread until it returns.
pub fn crunch(chunk: &[u8]) -> u64 {
    chunk.iter().fold(17, |hash, &byte| {
        hash.wrapping_mul(31).wrapping_add(u64::from(byte))
    })
}
