//! The hash of a program's bytes that keys the test harness's determinism records
//! (`tests/book/twice.rs`). It is a crate of its own only so that the workspace's `Cargo.toml`
//! can compile it with optimisation in dev builds: a `cargo test` hashes every listing's
//! executable, some 200 MB, and unoptimised SipHash (with the standard library's debug checks)
//! spent most of a second of it. The hash is the standard library's SipHash-1-3 with its fixed
//! keys, so it is the same on every run and every machine with the same Rust.

use std::hash::{DefaultHasher, Hasher};

/// A 64-bit hash of `bytes`. Not inlined, so that its code is the optimised copy in this crate
/// rather than one compiled into the (unoptimised) caller.
#[inline(never)]
pub fn of(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_same_bytes_hash_the_same_and_others_differ() {
        assert_eq!(super::of(b"listing"), super::of(b"listing"));
        assert_ne!(super::of(b"listing"), super::of(b"listinh"));
        assert_ne!(super::of(b""), super::of(b"\0"));
    }
}
