use crate::Limits;
use crate::connection::connection;
use crate::room::Room;
use futures::{Stream, StreamExt};
use std::io;
use std::pin::pin;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// What the server says when `serve` returns.
pub struct Stopped {
    pub served: u32,
    pub still_open: usize,
    pub dropped: u64,
}

// ANCHOR: serve
/// Accepts connections from `incoming` until `shutdown` is cancelled,
/// then waits up to `limits.grace` for the connections to finish.
pub async fn serve<S>(
    incoming: impl Stream<Item = io::Result<S>>,
    limits: Limits,
    shutdown: CancellationToken,
) -> Stopped
where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let room = Room::default();
    let tracker = TaskTracker::new();
    let served = accept(incoming, &room, limits, &tracker, &shutdown).await;
    // `accept` owned the listener and has dropped it: nobody new can
    // connect, and every connection task has been woken by the token.
    tracker.close();
    let still_open = match timeout(limits.grace, tracker.wait()).await {
        Ok(()) => 0,
        Err(_) => tracker.len(),
    };
    let dropped = room.dropped();
    Stopped {
        served,
        still_open,
        dropped,
    }
}
// ANCHOR_END: serve

async fn accept<S>(
    incoming: impl Stream<Item = io::Result<S>>,
    room: &Room,
    limits: Limits,
    tracker: &TaskTracker,
    shutdown: &CancellationToken,
) -> u32
where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let mut incoming = pin!(incoming);
    let mut served = 0;
    loop {
        let io = tokio::select! {
            biased;
            () = shutdown.cancelled() => return served,
            next = incoming.next() => match next {
                Some(Ok(io)) => io,
                Some(Err(error)) if lost_one_client(&error) => continue,
                // Out of file descriptors, say: accepting again at once
                // would fail again at once, in a busy loop.
                Some(Err(_)) => {
                    tokio::select! {
                        biased;
                        () = shutdown.cancelled() => return served,
                        () = sleep(Duration::from_millis(100)) => continue,
                    }
                }
                None => return served,
            },
        };
        served += 1;
        let (room, shutdown) = (room.clone(), shutdown.clone());
        tracker.spawn(connection(io, served, room, limits, shutdown));
    }
}

/// Errors that end only the connection being accepted.
fn lost_one_client(error: &io::Error) -> bool {
    use io::ErrorKind::*;
    matches!(
        error.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    )
}
