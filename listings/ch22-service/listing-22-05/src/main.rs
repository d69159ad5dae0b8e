//! A line-based chat server. `cargo run -p listing-22-05` plays a demo on
//! in-memory connections and a virtual clock; with an address,
//! `cargo run -p listing-22-05 -- 127.0.0.1:7000`, it serves TCP clients
//! (try `nc 127.0.0.1 7000` in two terminals) until Ctrl-C.

mod connection;
mod demo;
mod room;
mod server;

use std::time::Duration;
use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;
use tokio_util::sync::CancellationToken;

// ANCHOR: limits
/// Everything that bounds what one client can cost the server.
#[derive(Clone, Copy)]
pub struct Limits {
    /// Lines that may wait in one client's outbox; more are dropped.
    pub queue: usize,
    /// The longest line a client may send, in bytes.
    pub max_line: usize,
    /// How long a client may send nothing before it is disconnected.
    pub idle: Duration,
    /// How long one line may take to reach a client before it is
    /// disconnected: this is what ends a client that does not read.
    pub write: Duration,
    /// How long a shutdown waits for the connections to finish.
    pub grace: Duration,
}
// ANCHOR_END: limits

fn main() -> std::io::Result<()> {
    match std::env::args().nth(1) {
        Some(address) => {
            let runtime = tokio::runtime::Runtime::new()?;
            let result = runtime.block_on(listen(address));
            // Drops the connection tasks the grace period gave up on.
            drop(runtime);
            result
        }
        None => {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .start_paused(true)
                .build()?
                .block_on(demo::run());
            Ok(())
        }
    }
}

// ANCHOR: listen
async fn listen(address: String) -> std::io::Result<()> {
    let limits = Limits {
        queue: 64,
        max_line: 1024,
        idle: Duration::from_secs(300),
        write: Duration::from_secs(10),
        grace: Duration::from_secs(5),
    };
    let listener = TcpListener::bind(address).await?;
    let shutdown = CancellationToken::new();
    let server = tokio::spawn(server::serve(
        TcpListenerStream::new(listener),
        limits,
        shutdown.clone(),
    ));
    tokio::signal::ctrl_c().await?;
    shutdown.cancel();
    let stopped = server.await?;
    println!(
        "{} served, {} still open at exit, {} lines dropped",
        stopped.served, stopped.still_open, stopped.dropped
    );
    Ok(())
}
// ANCHOR_END: listen
